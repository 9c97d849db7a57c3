package org.linli.bot.http.console;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.bot.attachment.AttachmentLinks;
import org.linli.bot.console.Role;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.errors.Conflict;
import org.linli.bot.errors.DomainException;
import org.linli.bot.errors.NotFound;
import org.linli.bot.helpline.Helpline;
import org.linli.bot.helpline.OperatorDesk;
import org.linli.bot.helpline.TicketCsv;
import org.linli.bot.helpline.TicketPhotos;
import org.linli.bot.helpline.TicketQueue;
import org.linli.bot.http.FailureHandler;
import org.linli.bot.text.Text;
import org.linli.bot.ticket.Ticket;
import org.linli.bot.ticket.TicketStatus;

/**
 * The help-line operator's pages, each of one community (the page's, {@code ?c=}; operators work
 * for their account's communities): the queue of open
 * tickets by time left ({@code GET /console/tickets?status=&offset=}), its CSV ({@code GET
 * /console/tickets.csv}, as {@code GET /api/v1/tickets.csv}), one ticket ({@code GET
 * /console/tickets/{receipt}}) and its forms: {@code POST …/status} ({@code status}, {@code note}),
 * {@code …/reply} ({@code text}), {@code …/merge} ({@code into}, {@code note}), {@code …/category}
 * ({@code category}). The actions are the {@link OperatorDesk}'s, in the signed-in account's name;
 * a refused one shows the ticket again with a sentence and changes nothing. Each change is audited.
 * Operators and admins read and act; a moderator reads their community's queue, tickets and CSV but
 * is refused the actions (403). A ticket of another community than the page's is not found.
 */
public final class TicketPages implements ConsoleModule {

  static final String TICKETS = ConsoleRoutes.PATH + "/tickets";
  /** Tickets on a page of the queue. */
  static final int PAGE = 20;

  private static final Role[] ROLES = {Role.ADMIN, Role.OPERATOR};
  private static final Role[] READERS = {Role.ADMIN, Role.OPERATOR, Role.MODERATOR};
  private static final Map<String, Text> DONE = Map.of("status", Text.CONSOLE_TICKET_DONE_STATUS,
      "reply", Text.CONSOLE_TICKET_DONE_REPLY, "merge", Text.CONSOLE_TICKET_DONE_MERGE,
      "category", Text.CONSOLE_TICKET_DONE_CATEGORY);

  /** A form's action in the name of {@code actor}; gives what the audit log names. */
  @FunctionalInterface
  private interface Action {
    Future<String> run(RoutingContext ctx, OperatorDesk.Actor actor);
  }

  private final Helpline helpline;
  private final TicketPhotos photos;
  private final TicketViews views;
  private final Clock clock;

  /** The pages over {@code helpline}; {@code clock} in the office's zone (the times shown, the CSV's dates). */
  public TicketPages(Helpline helpline, TicketPhotos photos, AttachmentLinks links, Clock clock) {
    this.helpline = helpline;
    this.photos = photos;
    this.views = new TicketViews(links, clock.getZone());
    this.clock = clock;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(new NavItem(TICKETS, Text.CONSOLE_NAV_TICKETS, Set.of(READERS)));
  }

  @Override
  public void mount(Router router, ConsoleKit kit) {
    router.get(TICKETS).handler(kit.only(READERS)).handler(kit.inCommunity()).handler(ctx -> queue(ctx, kit));
    router.get(TICKETS + ".csv").handler(kit.only(READERS)).handler(kit.inCommunity()).handler(ctx -> csv(ctx, kit));
    router.get(TICKETS + "/:receipt").handler(kit.only(READERS)).handler(kit.inCommunity()).handler(ctx -> {
      Text done = DONE.get(ctx.request().getParam("done", ""));
      show(ctx, kit, 200, null, done == null ? null : done.of());
    });
    router.post(TICKETS + "/:receipt/status").handler(kit.only(ROLES)).handler(kit.inCommunity())
        .handler(ctx -> act(ctx, kit, "status", this::status));
    router.post(TICKETS + "/:receipt/reply").handler(kit.only(ROLES)).handler(kit.inCommunity())
        .handler(ctx -> act(ctx, kit, "reply", this::reply));
    router.post(TICKETS + "/:receipt/merge").handler(kit.only(ROLES)).handler(kit.inCommunity())
        .handler(ctx -> act(ctx, kit, "merge", (c, actor) -> merge(c, actor, kit.community(c).id())));
    router.post(TICKETS + "/:receipt/category").handler(kit.only(ROLES)).handler(kit.inCommunity())
        .handler(ctx -> act(ctx, kit, "category", this::category));
  }

  private void queue(RoutingContext ctx, ConsoleKit kit) {
    String name = ctx.request().getParam("status", "").strip();
    TicketStatus status = name.isEmpty() ? null : TicketStatus.fromApiName(name);
    int offset = number(ctx.request().getParam("offset", "0"));
    if ((!name.isEmpty() && (status == null || !TicketQueue.OPEN.contains(status))) || offset < 0) {
      ctx.fail(new BadRequest(Text.CONSOLE_TICKETS_BAD_QUERY.of()));
      return;
    }
    helpline.queue().page(kit.community(ctx).id(), status, offset, PAGE).onSuccess(page -> {
      String base = kit.link(ctx, TICKETS + (status == null ? "" : "?status=" + status.apiName())) + "&";
      int shown = page.entries().size();
      int next = page.offset() + shown;
      kit.page(ctx, "tickets.jte", Text.CONSOLE_NAV_TICKETS.of(), ConsoleRoutes.params(
          "rows", views.rows(page),
          "filters", TicketViews.filters(page, status, kit.community(ctx)),
          "showing", shown == 0 ? "" : Text.CONSOLE_TICKETS_SHOWING.of(page.total(), page.offset() + 1, next),
          "previous", page.offset() > 0 ? base + "offset=" + Math.max(0, page.offset() - PAGE) : null,
          "next", next < page.total() ? base + "offset=" + next : null,
          "csv", kit.link(ctx, TICKETS + ".csv" + (status == null ? "" : "?status=" + status.apiName()))));
    }).onFailure(ctx::fail);
  }

  /** The list as CSV, with the query of {@code GET /api/v1/tickets.csv} ({@code status}, {@code since}, {@code limit}). */
  private void csv(RoutingContext ctx, ConsoleKit kit) {
    String name = ctx.request().getParam("status", "").strip();
    TicketStatus status = name.isEmpty() ? null : TicketStatus.fromApiName(name);
    Instant since = since(ctx.request().getParam("since", "").strip());
    int limit = number(ctx.request().getParam("limit", "1000"));
    if ((!name.isEmpty() && status == null) || since == Instant.MAX || limit < 1 || limit > 1000) {
      ctx.fail(new BadRequest(Text.CONSOLE_TICKETS_BAD_QUERY.of()));
      return;
    }
    helpline.tickets().list(kit.community(ctx).id(), status, since, limit)
        .onSuccess(list -> ctx.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
            .putHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tickets.csv\"")
            .end(TicketCsv.render(list, clock.getZone())))
        .onFailure(ctx::fail);
  }

  /** A local date or a date and time with offset; null when blank, {@link Instant#MAX} when not a date. */
  private Instant since(String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(clock.getZone()).toInstant()
          : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.MAX;
    }
  }

  /** The ticket's page with {@code status}, a sentence on what was refused ({@code refused}) or done ({@code done}). */
  private void show(RoutingContext ctx, ConsoleKit kit, int status, String refused, String done) {
    String receipt = ctx.pathParam("receipt");
    boolean act = kit.account(ctx).role() != Role.MODERATOR;
    ours(ctx, kit, receipt).compose(t -> t == null
        ? Future.failedFuture(new NotFound(Text.CONSOLE_TICKET_UNKNOWN.of(receipt)))
        : photos.of(receipt).map(kept -> views.detail(t, helpline.queue().of(t), kept)))
        .onSuccess(detail -> kit.page(ctx, status, "ticket.jte", Text.CONSOLE_TICKET_TITLE.of(receipt),
            ConsoleRoutes.params("ticket", detail, "refused", refused, "done", done, "act", act)))
        .onFailure(ctx::fail);
  }

  /**
   * Runs a form's action (which gives the audit target), audits it and answers with the ticket's
   * page; a refusal (400, 409) shows the page again with its sentence, an unknown ticket is a 404.
   */
  private void act(RoutingContext ctx, ConsoleKit kit, String name, Action action) {
    String receipt = ctx.pathParam("receipt");
    Future<String> done = ours(ctx, kit, receipt).compose(t -> {
      if (t == null) {
        return Future.failedFuture(new NotFound(Text.CONSOLE_TICKET_UNKNOWN.of(receipt)));
      }
      try {
        return action.run(ctx, OperatorDesk.Actor.operator(kit.account(ctx).name()));
      } catch (DomainException e) {
        return Future.failedFuture(e);
      }
    });
    done.compose(target -> kit.audit(ctx, "ticket." + name, target))
        .onSuccess(v -> ConsoleKit.seeOther(ctx, kit.link(ctx, TICKETS + "/" + receipt + "?done=" + name)))
        .onFailure(e -> {
          if (e instanceof DomainException refusal && !(e instanceof NotFound)) {
            show(ctx, kit, FailureHandler.status(refusal), refusal.getMessage(), null);
          } else {
            ctx.fail(e instanceof NotFound ? new NotFound(Text.CONSOLE_TICKET_UNKNOWN.of(receipt)) : e);
          }
        });
  }

  private Future<String> status(RoutingContext ctx, OperatorDesk.Actor actor) {
    String receipt = ctx.pathParam("receipt");
    TicketStatus to = TicketStatus.fromApiName(ConsoleKit.form(ctx, "status"));
    String note = note(ctx);
    if (to == null) {
      throw new BadRequest(Text.CONSOLE_TICKET_BAD_STATUS.of());
    }
    if (to.needsReason() && note.isEmpty()) {
      throw new BadRequest(Text.CONSOLE_TICKET_REASON_REQUIRED.of(to.label()));
    }
    return helpline.operators().status(receipt, to, note, actor, null)
        .map(t -> receipt + " " + to.apiName())
        .recover(e -> e instanceof Conflict
            ? helpline.tickets().find(receipt).compose(now -> Future.failedFuture(new Conflict(
                Text.CONSOLE_TICKET_MOVE_REFUSED.of(now == null ? "" : now.status().label(), to.label()))))
            : Future.failedFuture(e));
  }

  private Future<String> reply(RoutingContext ctx, OperatorDesk.Actor actor) {
    String receipt = ctx.pathParam("receipt");
    String text = ConsoleKit.form(ctx, "text");
    if (text.isEmpty() || text.length() > OperatorDesk.MAX_MESSAGE) {
      throw new BadRequest(Text.CONSOLE_TICKET_REPLY_EMPTY.of(OperatorDesk.MAX_MESSAGE));
    }
    return helpline.operators().reply(receipt, text, actor, null).map(t -> receipt);
  }

  /** The ticket {@code receipt} when it is the page's community's, else (or when there is none) null. */
  private Future<Ticket> ours(RoutingContext ctx, ConsoleKit kit, String receipt) {
    String community = kit.community(ctx).id();
    return helpline.tickets().find(receipt)
        .map(t -> t != null && helpline.tickets().communityOf(t).equals(community) ? t : null);
  }

  private Future<String> merge(RoutingContext ctx, OperatorDesk.Actor actor, String community) {
    String receipt = ctx.pathParam("receipt");
    String into = ConsoleKit.form(ctx, "into");
    String note = note(ctx);
    if (into.isEmpty()) {
      throw new BadRequest(Text.CONSOLE_TICKET_MERGE_INTO_REQUIRED.of());
    }
    if (into.equals(receipt)) {
      throw new BadRequest(Text.CONSOLE_TICKET_MERGE_SELF.of());
    }
    return helpline.operators().merge(receipt, into, note, actor, community)
        .map(m -> receipt + " -> " + into)
        .recover(e -> Future.failedFuture(e instanceof BadRequest
            ? new BadRequest(Text.CONSOLE_TICKET_UNKNOWN.of(into))
            : e instanceof Conflict ? new Conflict(Text.CONSOLE_TICKET_MERGE_REFUSED.of()) : e));
  }

  private Future<String> category(RoutingContext ctx, OperatorDesk.Actor actor) {
    String receipt = ctx.pathParam("receipt");
    String category = ConsoleKit.form(ctx, "category");
    if (!OperatorDesk.CATEGORIES.contains(category)) {
      throw new BadRequest(Text.CONSOLE_TICKET_CATEGORY_UNKNOWN.of());
    }
    return helpline.operators().category(receipt, category, actor).map(t -> receipt + " " + category);
  }

  /** The optional {@code note}, at most as long as a message to the resident. */
  private static String note(RoutingContext ctx) {
    String note = ConsoleKit.form(ctx, "note");
    if (note.length() > OperatorDesk.MAX_MESSAGE) {
      throw new BadRequest(Text.CONSOLE_TICKET_NOTE_TOO_LONG.of(OperatorDesk.MAX_MESSAGE));
    }
    return note;
  }

  private static int number(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
