package org.linli.bot.http.console;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.linli.bot.console.Role;
import org.linli.bot.consultation.PollKeeper;
import org.linli.bot.consultation.PollStore;
import org.linli.bot.consultation.Tally;
import org.linli.bot.consultation.proposal.ConsultationIndex;
import org.linli.bot.consultation.proposal.FollowUp;
import org.linli.bot.consultation.proposal.FollowUps;
import org.linli.bot.consultation.proposal.Proposal;
import org.linli.bot.consultation.proposal.ProposalDesk;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.errors.Conflict;
import org.linli.bot.errors.DomainException;
import org.linli.bot.errors.NotFound;
import org.linli.bot.http.FailureHandler;
import org.linli.bot.http.PollApi;
import org.linli.bot.http.PollPages;
import org.linli.bot.text.Text;
import org.linli.webhooks.ChatRef;
import org.linli.webhooks.Reply;

/**
 * Consultations for moderators and admins: {@code GET /console/polls} (every poll, newest first,
 * the form to open one and the proposals waiting for a decision), {@code POST /console/polls}
 * (checked and opened by {@link PollApi#open}, as {@code POST /api/v1/polls}), {@code GET
 * /console/polls/{id}} (its results), {@code POST …/{id}/close} (closes now and posts the result to
 * the chat), {@code GET …/{id}/results.csv}, and {@code POST /console/proposals/{id}/accept} or
 * {@code …/decline}. Every page is of one community ({@link ConsoleKit#inCommunity}, {@code ?c=}):
 * it lists that community's polls and proposals, opens a poll only in a chat of it, and a poll or
 * proposal of another community is not found. A refused form is shown again with the sentence;
 * every change is audited.
 */
public final class ConsultationPages implements ConsoleModule {

  static final String PAGE = ConsoleRoutes.PATH + "/polls";
  static final String PROPOSALS = ConsoleRoutes.PATH + "/proposals";
  private static final Set<Role> ROLES = Set.of(Role.ADMIN, Role.MODERATOR);
  private static final int LIMIT = 200;

  private final PollApi api;
  private final PollStore store;
  private final PollKeeper keeper;
  private final ConsultationIndex index;
  private final PollPages published;
  private final ProposalDesk desk;
  private final FollowUps followUps;
  private final List<String> channels;
  private final ZoneId zone;

  private ConsultationPages(PollApi api, PollStore store, PollKeeper keeper, ConsultationIndex index,
      PollPages published, ProposalDesk desk, FollowUps followUps, Set<String> channels, ZoneId zone) {
    this.api = api;
    this.store = store;
    this.keeper = keeper;
    this.index = index;
    this.published = published;
    this.desk = desk;
    this.followUps = followUps;
    this.channels = channels.stream().sorted().toList();
    this.zone = zone;
  }

  /** The module, for {@code LinliVerticle}: {@code channels} are the chat platforms this service runs. */
  public static ConsoleModule of(PollStore store, PollKeeper keeper, Clock clock, Set<String> channels,
      ConsultationIndex index, PollPages published, ProposalDesk desk, FollowUps followUps, ZoneId zone,
      Function<ChatRef, String> communityOf) {
    return new ConsultationPages(new PollApi(store, keeper, clock, channels, communityOf), store, keeper, index,
        published, desk, followUps, channels, zone);
  }

  /** What the poll form was filled with, shown again when it is refused. */
  public record Form(String channel, String chat, String question, String options, String kind, boolean household,
      String rule, String opensAt, String closesAt, String remindHours, boolean anonymous, String min) {

    static final Form EMPTY = new Form("generic", "", "", "", "", false, "", "", "", "", false, "");
  }

  /** A poll's page: the stored poll, its tally, the result as the chat words it, and its follow-up. */
  public record Detail(PollStore.Stored stored, Tally tally, String result, FollowUp followUp) {

    /** The votes for option {@code n} (from 1). */
    public long votes(int n) {
      return tally.votesFor(n);
    }

    /** True when the tally may be shown (a hidden poll shows it once closed). */
    public boolean tallyShown() {
      return !stored.open() || !stored.poll().hideResults();
    }
  }

  @Override
  public List<NavItem> nav() {
    return List.of(new NavItem(PAGE, Text.CONSOLE_NAV_POLLS, ROLES));
  }

  @Override
  public void mount(Router router, ConsoleKit kit) {
    Role[] roles = {Role.ADMIN, Role.MODERATOR};
    router.get(PAGE).handler(kit.only(roles)).handler(kit.inCommunity())
        .handler(ctx -> list(ctx, kit, 200, Form.EMPTY, null));
    router.post(PAGE).handler(kit.only(roles)).handler(kit.inCommunity()).handler(ctx -> create(ctx, kit));
    router.post(PAGE + "/:id/followups").handler(kit.only(roles)).handler(kit.inCommunity())
        .handler(ctx -> followUp(ctx, kit));
    router.get(PAGE + "/:id").handler(kit.only(roles)).handler(kit.inCommunity()).handler(ctx -> detail(ctx, kit));
    router.post(PAGE + "/:id/close").handler(kit.only(roles)).handler(kit.inCommunity())
        .handler(ctx -> close(ctx, kit));
    router.get(PAGE + "/:id/results.csv").handler(kit.only(roles)).handler(kit.inCommunity())
        .handler(ctx -> find(ctx.pathParam("id"), kit.community(ctx).id()).onSuccess(s -> ctx.next())
            .onFailure(ctx::fail))
        .handler(published.csv());
    router.post(PROPOSALS + "/:id/accept").handler(kit.only(roles)).handler(kit.inCommunity()).handler(ctx -> desk
        .find(ctx.pathParam("id"), kit.community(ctx).id())
        .compose(p -> desk.accept(p.id(), ConsoleKit.form(ctx, "flags"), true))
        .compose(a -> kit.audit(ctx, "proposal.accept",
            RegisterPages.audited(kit, ctx, a.proposal().id() + " → " + a.poll().id())).map(v -> a.poll().id()))
        .onSuccess(poll -> ConsoleKit.seeOther(ctx, kit.link(ctx, PAGE + "/" + poll)))
        .onFailure(ctx::fail));
    router.post(PROPOSALS + "/:id/decline").handler(kit.only(roles)).handler(kit.inCommunity()).handler(ctx -> {
      String reason = ConsoleKit.form(ctx, "reason");
      if (reason.isEmpty()) {
        ctx.fail(new BadRequest(Text.CONSOLE_PROPOSALS_REASON_NEEDED.of()));
        return;
      }
      desk.find(ctx.pathParam("id"), kit.community(ctx).id())
          .compose(p -> desk.decline(p.id(), reason, true))
          .compose(p -> kit.audit(ctx, "proposal.decline", RegisterPages.audited(kit, ctx, p.id())))
          .onSuccess(v -> ConsoleKit.seeOther(ctx, kit.link(ctx, PAGE)))
          .onFailure(ctx::fail);
    });
  }

  private void list(RoutingContext ctx, ConsoleKit kit, int status, Form form, String problem) {
    String community = kit.community(ctx).id();
    Future.all(index.latestPolls(community), desk.latest(LIMIT, community)).onSuccess(all -> {
      List<PollStore.Stored> polls = all.resultAt(0);
      List<Proposal> proposals = all.resultAt(1);
      List<Proposal> waiting = proposals.stream()
          .filter(p -> p.status() == Proposal.Status.AGENDA || p.status() == Proposal.Status.OPEN).toList();
      kit.page(ctx, status, "polls.jte", Text.CONSOLE_NAV_POLLS.of(), ConsoleRoutes.params("polls",
          polls, "proposals", waiting, "form", form, "problem",
          problem == null ? "" : problem, "channels", channels));
    }).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx, ConsoleKit kit) {
    Form form = new Form(ConsoleKit.form(ctx, "channel"), ConsoleKit.form(ctx, "chat"),
        ConsoleKit.form(ctx, "question"), ConsoleKit.form(ctx, "options"), ConsoleKit.form(ctx, "kind"),
        !ConsoleKit.form(ctx, "household").isEmpty(), ConsoleKit.form(ctx, "rule"), ConsoleKit.form(ctx, "opensAt"),
        ConsoleKit.form(ctx, "closesAt"), ConsoleKit.form(ctx, "remindHours"),
        !ConsoleKit.form(ctx, "anonymous").isEmpty(), ConsoleKit.form(ctx, "min"));
    api.open(request(form), kit.community(ctx).id())
        .compose(poll -> kit.audit(ctx, "poll.create", RegisterPages.audited(kit, ctx, poll.id() + " "
            + poll.question())).map(v -> poll.id()))
        .onSuccess(id -> ConsoleKit.seeOther(ctx, kit.link(ctx, PAGE + "/" + id)))
        .onFailure(e -> {
          if (e instanceof BadRequest || e instanceof Conflict) {
            list(ctx, kit, FailureHandler.status((DomainException) e), form,
                Text.CONSOLE_POLLS_REFUSED.of(((DomainException) e).sentence()));
          } else if (e instanceof HttpException refused && refused.getStatusCode() < 500) {
            list(ctx, kit, refused.getStatusCode(), form, Text.CONSOLE_POLLS_REFUSED.of(refused.getPayload()));
          } else {
            ctx.fail(e);
          }
        });
  }

  /**
   * The form as the body of {@code POST /api/v1/polls}: options one a line, the times as the office
   * reads them (in its zone), a blank field left out so that the API's default applies. A value the
   * form cannot turn into the API's type is passed on as written, for the API to refuse with its
   * sentence.
   */
  JsonObject request(Form form) {
    JsonObject body = new JsonObject().put("channel", form.channel().isEmpty() ? "generic" : form.channel())
        .put("chat", blankToNull(form.chat())).put("question", blankToNull(form.question()))
        .put("options", new JsonArray(Arrays.stream(form.options().split("\\R")).map(String::strip)
            .filter(s -> !s.isEmpty()).toList()))
        .put("scale", form.household() ? "big" : "small").put("anonymous", form.anonymous());
    putIfSet(body, "kind", form.kind());
    putIfSet(body, "rule", form.rule());
    putTime(body, "opensAt", form.opensAt());
    putTime(body, "closesAt", form.closesAt());
    if (!form.remindHours().isEmpty()) {
      body.put("remindMinutesBefore", form.remindHours().matches("\\d{1,6}")
          ? (Object) (Long.parseLong(form.remindHours()) * 60)
          : form.remindHours());
    }
    if (!form.min().isEmpty()) {
      body.put("minParticipation", form.min().matches("\\d{1,9}") ? (Object) Long.parseLong(form.min()) : form.min());
    }
    return body;
  }

  private static String blankToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  private static void putIfSet(JsonObject body, String field, String value) {
    if (!value.isEmpty()) {
      body.put(field, value);
    }
  }

  private void putTime(JsonObject body, String field, String value) {
    if (value.isEmpty()) {
      return;
    }
    try {
      body.put(field, LocalDateTime.parse(value).atZone(zone).toOffsetDateTime().toString());
    } catch (DateTimeParseException e) {
      body.put(field, value);
    }
  }

  /** A rule's API name in words, for the form and the poll's page. */
  public static String ruleLabel(String rule) {
    return switch (rule) {
      case "majority" -> Text.CONSOLE_POLLS_RULE_MAJORITY.of();
      case "two-thirds" -> Text.CONSOLE_POLLS_RULE_TWO_THIRDS.of();
      case "civil-code-ordinary" -> Text.CONSOLE_POLLS_RULE_CIVIL_ORDINARY.of();
      case "civil-code-major" -> Text.CONSOLE_POLLS_RULE_CIVIL_MAJOR.of();
      case "plurality" -> Text.CONSOLE_POLLS_RULE_PLURALITY.of();
      case "instant-runoff" -> Text.CONSOLE_POLLS_RULE_RUNOFF.of();
      default -> rule;
    };
  }

  private Future<PollStore.Stored> find(String id, String community) {
    return store.find(id, community)
        .compose(s -> s == null
            ? Future.failedFuture(new NotFound(Text.CONSOLE_POLLS_UNKNOWN.of(id)))
            : Future.succeededFuture(s));
  }

  private void detail(RoutingContext ctx, ConsoleKit kit) {
    String id = ctx.pathParam("id");
    find(id, kit.community(ctx).id())
        .compose(stored -> Future.all(store.tally(id, stored.poll().options().size()), keeper.resultReply(id),
            followUps.of(id))
            .map(all -> new Detail(stored, all.resultAt(0), ((Reply) all.resultAt(1)).text(), all.resultAt(2))))
        .onSuccess(d -> kit.page(ctx, "poll.jte", Text.CONSOLE_POLLS_DETAIL.of(id), Map.of("poll", d)))
        .onFailure(ctx::fail);
  }

  /**
   * {@code POST …/{id}/followups}: a step of a decided poll's follow-up (协商成果运用), told to the
   * poll's chat, with the same checks as {@code POST /api/v1/polls/{id}/followups}: {@code text},
   * {@code tickets} (numbers separated by spaces or commas), {@code done} (the matter is done).
   */
  private void followUp(RoutingContext ctx, ConsoleKit kit) {
    String id = ctx.pathParam("id");
    String text = ConsoleKit.form(ctx, "text");
    List<String> tickets = java.util.Arrays.stream(ConsoleKit.form(ctx, "tickets").split("[,\\uFF0C\\u3001\\s]+"))
        .filter(t -> !t.isBlank()).toList();
    boolean done = !ConsoleKit.form(ctx, "done").isEmpty();
    find(id, kit.community(ctx).id()).compose(stored -> followUps.record(id, text, tickets, done))
        .compose(recorded -> kit.audit(ctx, "poll.followup", RegisterPages.audited(kit, ctx, id + " #"
            + recorded.number())))
        .onSuccess(v -> ConsoleKit.seeOther(ctx, kit.link(ctx, PAGE + "/" + id)))
        .onFailure(ctx::fail);
  }

  private void close(RoutingContext ctx, ConsoleKit kit) {
    String id = ctx.pathParam("id");
    find(id, kit.community(ctx).id()).compose(stored -> keeper.close(id, "console", true))
        .compose(closed -> closed
            ? kit.audit(ctx, "poll.close", RegisterPages.audited(kit, ctx, id))
            : Future.succeededFuture())
        .onSuccess(v -> ConsoleKit.seeOther(ctx, kit.link(ctx, PAGE + "/" + id)))
        .onFailure(ctx::fail);
  }
}
