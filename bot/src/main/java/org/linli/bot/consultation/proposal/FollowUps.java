package org.linli.bot.consultation.proposal;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.linli.bot.PersonalData;
import org.linli.bot.consultation.Poll;
import org.linli.bot.consultation.PollStore;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.errors.Conflict;
import org.linli.bot.errors.NotFound;
import org.linli.bot.outbox.Poster;
import org.linli.bot.text.Text;
import org.linli.bot.ticket.TicketStore;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;

/**
 * The follow-up of decided polls (协商成果运用): moderators record what was done, optionally with
 * the help-line tickets it concerns, until they mark the matter done. Each step is published on
 * the poll's page and told to the poll's chat through the outbox, once per step.
 */
public final class FollowUps {

  static final int MAX_TEXT = 300;
  static final int MAX_TICKETS = 10;
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private final FollowUpStore store;
  private final PollStore polls;
  private final TicketStore tickets;
  private final Poster poster;
  private final Clock clock;

  public FollowUps(FollowUpStore store, PollStore polls, TicketStore tickets, Poster poster, Clock clock) {
    this.store = store;
    this.polls = polls;
    this.tickets = tickets;
    this.poster = poster;
    this.clock = clock;
  }

  /** A recorded step: its number (from 1) and the poll it belongs to. */
  public record Recorded(Poll poll, int number, FollowUp.Step step) {
  }

  /** The poll that must be decided before its follow-up is recorded, or a domain error. */
  public Future<Poll> decided(String pollId) {
    return polls.find(pollId).compose(stored -> {
      if (stored == null) {
        return Future.failedFuture(new NotFound(Text.POLL_NOT_FOUND.of(pollId)));
      }
      if (stored.open()) {
        return Future.failedFuture(new Conflict(Text.FOLLOWUP_NOT_DECIDED.of(pollId)));
      }
      return Future.succeededFuture(stored.poll());
    });
  }

  /**
   * Records a step of poll {@code pollId}'s follow-up: refused (nothing stored) for an empty or too
   * long text, an unknown ticket, a poll still open or a matter already done.
   */
  public Future<Recorded> record(String pollId, String text, List<String> ticketNumbers, boolean done) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return Future.failedFuture(new BadRequest(Text.FOLLOWUP_USAGE.of()));
    }
    if (t.length() > MAX_TEXT || CONTROL.matcher(t.replace('\n', ' ')).find()) {
      return Future.failedFuture(new BadRequest(Text.FOLLOWUP_TOO_LONG.of(MAX_TEXT)));
    }
    List<String> numbers = new ArrayList<>(new LinkedHashSet<>(ticketNumbers));
    if (numbers.size() > MAX_TICKETS) {
      return Future.failedFuture(new BadRequest(Text.FOLLOWUP_TOO_MANY_TICKETS.of(MAX_TICKETS)));
    }
    return decided(pollId)
        .compose(poll -> known(numbers).map(poll))
        .compose(poll -> {
          FollowUp.Step step = new FollowUp.Step(clock.instant(), PersonalData.maskForGroup(t), numbers, done);
          return store.add(pollId, step).compose(added -> {
            if (!added.recorded()) {
              return Future.failedFuture(new Conflict(Text.FOLLOWUP_ALREADY_DONE.of(pollId)));
            }
            return poster.post("followup:" + pollId + ":" + added.number(), new Outgoing(poll.channel(),
                new ChatEvent.Chat(poll.chat(), ChatEvent.ChatType.GROUP),
                Reply.text(notice(poll, added.number(), step))))
                .map(new Recorded(poll, added.number(), step));
          });
        });
  }

  /** Fails with a {@link BadRequest} naming the first ticket number the help-line does not know. */
  private Future<Void> known(List<String> numbers) {
    return Future.all(numbers.stream().map(tickets::find).toList()).compose(all -> {
      for (int i = 0; i < numbers.size(); i++) {
        if (all.resultAt(i) == null) {
          return Future.failedFuture(new BadRequest(Text.FOLLOWUP_UNKNOWN_TICKET.of(numbers.get(i))));
        }
      }
      return Future.succeededFuture();
    });
  }

  /** The follow-up of an existing poll (no steps where none was recorded), or a {@link NotFound}. */
  public Future<FollowUp> existing(String pollId) {
    return polls.find(pollId).compose(stored -> stored == null
        ? Future.failedFuture(new NotFound(Text.POLL_NOT_FOUND.of(pollId)))
        : store.find(pollId));
  }

  /** The poll's follow-up (no steps where none was recorded). */
  public Future<FollowUp> of(String pollId) {
    return store.find(pollId);
  }

  private static String notice(Poll poll, int number, FollowUp.Step step) {
    StringBuilder text = new StringBuilder(Text.FOLLOWUP_NOTICE.of(poll.id(), poll.question(), number, step.text()));
    if (!step.tickets().isEmpty()) {
      text.append('\n').append(Text.FOLLOWUP_NOTICE_TICKETS.of(String.join(", ", step.tickets())));
    }
    if (step.done()) {
      text.append('\n').append(Text.FOLLOWUP_NOTICE_DONE.of());
    }
    return text.toString();
  }
}
