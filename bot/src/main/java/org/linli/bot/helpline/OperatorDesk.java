package org.linli.bot.helpline;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.errors.Conflict;
import org.linli.bot.errors.NotFound;
import org.linli.bot.text.Phones;
import org.linli.bot.text.Text;
import org.linli.bot.ticket.CategoryGuesser;
import org.linli.bot.ticket.Ticket;
import org.linli.bot.ticket.TicketStatus;
import org.linli.bot.ticket.TicketStore;
import org.linli.bot.ticket.TransitionResult;
import org.linli.webhooks.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a help-line operator does to a ticket — move its status, write to the resident, merge a
 * duplicate into another ticket, correct its category — whether the call comes from the hub
 * ({@link HubCallbacks}) or from an operator working in Linli itself (the "built-in hub"). Every
 * action is a line of the ticket's history naming who made it, and the resident is told where
 * they asked. Fails with {@link BadRequest}, {@link NotFound} or {@link Conflict}; a refused
 * action changes nothing.
 */
public final class OperatorDesk {

  /** The categories a ticket can be given. */
  public static final Set<String> CATEGORIES = Set.of(CategoryGuesser.EMERGENCY, CategoryGuesser.REPAIR,
      CategoryGuesser.ELDERLY, CategoryGuesser.SOCIAL_ASSISTANCE, CategoryGuesser.CONSULTATION);

  /** The longest message to a resident, in characters (chat platforms cut longer ones). */
  public static final int MAX_MESSAGE = 2000;

  private static final Logger LOG = LoggerFactory.getLogger(OperatorDesk.class);

  private final TicketStore tickets;
  private final ResidentNotifier residents;
  private final Phones phones;
  private final Clock clock;

  /**
   * Who made an action: the {@code role} of the history line ({@code hub} or {@code operator})
   * and {@code by}, the account or token ({@code admin-token}, {@code hub-token}; empty for the
   * hub's signed callbacks).
   */
  public record Actor(String role, String by) {

    /** The hub, through its signed callbacks. */
    public static final Actor HUB = new Actor("hub", "");

    public Actor {
      by = by == null ? "" : by.strip();
    }

    /** An operator working in Linli, named by account or token. */
    public static Actor operator(String by) {
      return new Actor("operator", by);
    }
  }

  /** A duplicate merged into the ticket that goes on, both as they are after the merge. */
  public record Merge(Ticket merged, Ticket into) {
  }

  OperatorDesk(TicketStore tickets, ResidentNotifier residents, Phones phones, Clock clock) {
    this.tickets = tickets;
    this.residents = residents;
    this.phones = phones;
    this.clock = clock;
  }

  /**
   * Moves the ticket to {@code to} as the lifecycle allows, with {@code note} (required for
   * rejected and merged), and tells the resident; a resolved ticket asks for stars. {@code
   * notice} is the id of the message to the resident, so a call repeated is told once (null: one
   * per history line).
   */
  public Future<Ticket> status(String receipt, TicketStatus to, String note, Actor actor, String notice) {
    String why = note == null ? "" : note.strip();
    return tickets.transition(receipt, to, actor.role(), actor.by(), why, clock.instant())
        .compose(result -> switch (result.outcome()) {
          case APPLIED -> {
            LOG.info("{}: ticket {} {} -> {}", who(actor), receipt, result.previous().apiName(), to.apiName());
            Ticket t = result.ticket();
            yield tellStatus(notice == null ? lineNotice(t) : notice, t, why).map(t);
          }
          case UNKNOWN -> Future.failedFuture(new NotFound("There is no ticket " + receipt));
          case MISSING_REASON -> Future.failedFuture(
              new BadRequest("\"note\" must give the reason for " + to.apiName()));
          default -> Future.failedFuture(refused(receipt, result, to));
        });
  }

  /**
   * Sends {@code message} to the resident of the ticket (in any status) and keeps it in the
   * history ({@code message} line). {@code notice} as for {@link #status}.
   */
  public Future<Ticket> reply(String receipt, String message, Actor actor, String notice) {
    String text = message == null ? "" : message.strip();
    if (text.isEmpty() || text.length() > MAX_MESSAGE) {
      return Future.failedFuture(new BadRequest("The message to the resident must have 1 to " + MAX_MESSAGE
          + " characters"));
    }
    return tickets.note(receipt, "message", actor.role(), actor.by(), text, clock.instant()).compose(result -> {
      if (!result.applied()) {
        return Future.failedFuture(new NotFound("There is no ticket " + receipt));
      }
      Ticket t = result.ticket();
      LOG.info("{}: message to the resident of ticket {}", who(actor), receipt);
      return residents.tell(notice == null ? lineNotice(t) : notice, t, Text.HUB_REPLY.of(t.receipt(), text),
          List.of()).map(t);
    });
  }

  /**
   * Merges the duplicate {@code receipt} into {@code into}: the duplicate becomes merged (its
   * resident is told the receipt number that goes on), and {@code into} gets a {@code merge} line
   * naming it. Refused when both are one, {@code into} is unknown or itself merged or rejected, or
   * the duplicate can no longer be merged (resolved, closed …).
   */
  public Future<Merge> merge(String receipt, String into, String reason, Actor actor) {
    return merge(receipt, into, reason, actor, null);
  }

  /**
   * As {@link #merge(String, String, String, Actor)}, both tickets of {@code community} (null: of
   * any): a ticket of another community is not found, as one that does not exist.
   */
  public Future<Merge> merge(String receipt, String into, String reason, Actor actor, String community) {
    if (into == null || into.isBlank()) {
      return Future.failedFuture(new BadRequest("\"into\" must name the receipt number of the ticket that goes on"));
    }
    String target = into.strip();
    if (target.equals(receipt)) {
      return Future.failedFuture(new BadRequest("A ticket cannot be merged into itself"));
    }
    return tickets.find(receipt).compose(dup -> dup == null || !in(dup, community)
        ? Future.failedFuture(new NotFound("There is no ticket " + receipt))
        : tickets.find(target)).compose(goesOn -> {
          if (goesOn == null || !in(goesOn, community)) {
            return Future.failedFuture(new BadRequest("\"into\" names no ticket: there is no ticket " + target));
          }
          if (goesOn.status() == TicketStatus.MERGED || goesOn.status() == TicketStatus.REJECTED) {
            return Future.failedFuture(new Conflict("Ticket " + target + " is " + goesOn.status().apiName()
                + "; nothing can be merged into it"));
          }
          String why = reason == null || reason.isBlank() ? "" : Text.TICKET_MERGED_REASON.of(reason.strip());
          return status(receipt, TicketStatus.MERGED, Text.TICKET_MERGED_INTO.of(target) + why, actor, null)
              .compose(merged -> tickets.note(target, "merge", actor.role(), actor.by(),
                  Text.TICKET_MERGED_FROM.of(receipt), clock.instant())
                  .map(r -> new Merge(merged, r.applied() ? r.ticket() : goesOn)));
        });
  }

  private boolean in(Ticket t, String community) {
    return community == null || tickets.communityOf(t).equals(community);
  }

  /**
   * Corrects the category (the time limit follows it, see {@link TicketStore#setCategory}) and
   * writes a {@code category} line; the same category again changes nothing.
   */
  public Future<Ticket> category(String receipt, String category, Actor actor) {
    if (category == null || !CATEGORIES.contains(category)) {
      return Future.failedFuture(new BadRequest("category must be one of " + String.join(", ",
          new TreeSet<>(CATEGORIES))));
    }
    return tickets.find(receipt).compose(before -> {
      if (before == null) {
        return Future.failedFuture(new NotFound("There is no ticket " + receipt));
      }
      if (before.category().equals(category)) {
        return Future.succeededFuture(before);
      }
      String note = Text.TICKET_CATEGORY_CHANGED.of(HelpDesk.categoryName(before.category()),
          HelpDesk.categoryName(category));
      return tickets.setCategory(receipt, category, clock.instant())
          .compose(ok -> ok
              ? tickets.note(receipt, "category", actor.role(), actor.by(), note, clock.instant())
              : Future.succeededFuture(null))
          .compose(r -> r == null || !r.applied()
              ? Future.failedFuture(new NotFound("There is no ticket " + receipt))
              : Future.succeededFuture(r.ticket()));
    });
  }

  private Future<Void> tellStatus(String notice, Ticket t, String note) {
    StringBuilder text = new StringBuilder(Text.HUB_STATUS.of(t.receipt(), t.status().label()));
    if (!note.isBlank()) {
      text.append(Text.STATUS_DETAILS_NOTE.of(note));
    }
    List<Reply.Button> buttons = List.of();
    switch (t.status()) {
      case WAITING_RESIDENT -> text.append('\n').append(Text.HUB_WAITING_RESIDENT.of(phones.hotline()));
      case RESOLVED -> {
        text.append('\n').append(Text.HUB_RESOLVED.of());
        buttons = HelpDesk.ratingButtons(t.receipt());
      }
      default -> {
      }
    }
    return residents.tell(notice, t, text.toString(), buttons).mapEmpty();
  }

  /** One message to the resident per line of the history. */
  private static String lineNotice(Ticket t) {
    return "op-" + t.receipt() + "-" + t.history().size();
  }

  private static Conflict refused(String receipt, TransitionResult result, TicketStatus to) {
    return new Conflict("Ticket " + receipt + " is " + result.current().apiName() + "; it cannot become "
        + to.apiName());
  }

  private static String who(Actor actor) {
    return actor.by().isEmpty() ? actor.role() : actor.role() + " " + actor.by();
  }
}
