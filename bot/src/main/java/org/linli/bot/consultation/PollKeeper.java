package org.linli.bot.consultation;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.linli.bot.outbox.Poster;
import org.linli.bot.redis.PersistenceRewrite;
import org.linli.bot.text.Text;
import org.linli.bot.timer.TimerDriven;
import org.linli.bot.timer.TimerLoop;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Identity;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of a poll, whoever starts it (a moderator in the chat or the API): opening (with the
 * register snapshot for big matters, and its timers), the end of the discussion period, the
 * reminder, the deadline, and closing by hand. Whoever closes a poll announces its result: the
 * deadline and the API through the outbox (once per poll, by message id), the chat as the reply.
 *
 * <p>Every instance runs the timer loop; a job is claimed by one instance at a time (see {@link
 * PollSchedule}), and closing succeeds once, so two instances close a poll exactly once.
 */
public final class PollKeeper implements TimerDriven {

  private static final Logger LOG = LoggerFactory.getLogger(PollKeeper.class);
  private static final long LEASE_MILLIS = 60_000;

  private final PollStore store;
  private final PollSchedule schedule;
  private final HouseholdDirectories households;
  private final Poster poster;
  private final ChartMaker charts;
  private final PollMessages messages;
  private final Clock clock;
  private final TimerLoop<PollSchedule.Job> timers;
  private final PersistenceRewrite rewrite;

  /** A keeper over a Redis whose files it does not rewrite. */
  public PollKeeper(
      PollStore store, PollSchedule schedule, HouseholdDirectory households, Poster poster, ChartMaker charts,
      PollMessages messages, Clock clock) {
    this(store, schedule, HouseholdDirectories.single(households), poster, charts, messages, clock,
        PersistenceRewrite.none());
  }

  /**
   * A keeper that, once a secret ballot has closed, has {@code rewrite} make the Redis files forget
   * what the closed poll's key was (the embedded Redis; {@link PersistenceRewrite#none()} otherwise);
   * {@code households} gives each community's register (a big matter takes its poll's community's).
   */
  public PollKeeper(
      PollStore store, PollSchedule schedule, HouseholdDirectories households, Poster poster, ChartMaker charts,
      PollMessages messages, Clock clock, PersistenceRewrite rewrite) {
    this.rewrite = rewrite;
    this.store = store;
    this.schedule = schedule;
    this.households = households;
    this.poster = poster;
    this.charts = charts;
    this.messages = messages;
    this.clock = clock;
    this.timers = new TimerLoop<>("Poll timers", () -> schedule.claim(clock.millis(), LEASE_MILLIS, 50), this::run,
        schedule::done);
  }

  /** Why a poll cannot be opened, in words for the moderator. */
  public static final class Refused extends RuntimeException {
    public Refused(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Stores a new poll and schedules its timers; a big matter takes the register as it is now (and
   * is refused when the register is empty). With {@code announce}, the announcement goes to the
   * poll's chat through the outbox (polls opened from the API); otherwise the caller replies with
   * it. Completes only once the poll is in Redis.
   */
  public Future<Poll> open(Poll poll, boolean announce) {
    Future<Map<String, Long>> register = poll.byHousehold()
        ? households.of(poll.community()).areas()
        : Future.succeededFuture(Map.of());
    return register
        .compose(r -> {
          if (poll.byHousehold() && r.isEmpty()) {
            return Future.failedFuture(new Refused(Text.POLL_REGISTER_EMPTY.of()));
          }
          return store.create(poll, r);
        })
        .compose(v -> schedule.plan(poll))
        .compose(v -> announce ? announce(poll, "open:" + poll.id(), votingOpen(poll)) : Future.succeededFuture())
        .map(v -> {
          LOG.info("Poll {} opened in {}:{} ({}, {}, closes {})", poll.id(), poll.channel(), poll.chat(),
              poll.scale().name().toLowerCase(Locale.ROOT), poll.rule().apiName(), poll.closesAt());
          return poll;
        });
  }

  private boolean votingOpen(Poll poll) {
    return !poll.opensAt().isAfter(clock.instant());
  }

  private Future<Void> announce(Poll poll, String id, boolean votingOpen) {
    return post(id, poll, messages.announcement(poll, votingOpen));
  }

  private Future<Void> post(String id, Poll poll, Reply reply) {
    return poster
        .post(id, new Outgoing(poll.channel(), new ChatEvent.Chat(poll.chat(), ChatEvent.ChatType.GROUP), reply))
        .mapEmpty();
  }

  /**
   * Closes a poll by hand ({@code by}: chat or api). True when this call closed it; the result is
   * posted through the outbox when {@code announce}, else the caller shows it.
   */
  public Future<Boolean> close(String pollId, String by, boolean announce) {
    return store.close(pollId, clock.millis(), by).compose(closed -> {
      if (!closed) {
        return Future.succeededFuture(false);
      }
      LOG.info("Poll {} closed by {}", pollId, by);
      return schedule.forget(pollId)
          .compose(v -> forgetOnDisk(pollId))
          .compose(v -> announce ? announceResult(pollId) : Future.succeededFuture())
          .map(v -> true);
    });
  }

  /** The result message of a closed (or open) poll, with its chart when there is one. */
  public Future<Reply> resultReply(String pollId) {
    return store.find(pollId).compose(stored -> {
      if (stored == null) {
        return Future.succeededFuture(null);
      }
      return store.tally(pollId, stored.poll().options().size()).compose(t -> {
        Reply text = Reply.text(messages.results(stored, t));
        if (stored.open() && stored.poll().hideResults()) {
          return Future.succeededFuture(text);
        }
        return charts.chart(stored, t).map(image -> image == null ? text : text.withImage(image));
      });
    });
  }

  private Future<Void> announceResult(String pollId) {
    return store.find(pollId)
        .compose(stored -> resultReply(pollId).compose(reply -> post("result:" + pollId, stored.poll(), reply)));
  }

  @Override
  public TimerLoop<?> loop() {
    return timers;
  }

  private Future<Void> run(PollSchedule.Job job) {
    return store.find(job.pollId()).compose(stored -> {
      if (stored == null) {
        return Future.succeededFuture();
      }
      Poll poll = stored.poll();
      return switch (job.kind()) {
        case OPEN -> stored.open() ? announce(poll, "voting:" + poll.id(), true) : Future.succeededFuture();
        case REMIND -> stored.open()
            ? store.tally(poll.id(), poll.options().size())
                .compose(t -> post("remind:" + poll.id() + ":" + poll.closesAt().toEpochMilli(), poll,
                    messages.reminder(poll, t)))
                .compose(v -> remindPrivately(stored))
            : Future.succeededFuture();
        case CLOSE -> store.close(poll.id(), clock.millis(), "deadline")
            .compose(closed -> closed
                ? Future.succeededFuture(true)
                : store.find(poll.id()).map(s -> "deadline".equals(s.closedBy())))
            .compose(ours -> {
              if (ours) {
                LOG.info("Poll {} closed at its deadline", poll.id());
                return forgetOnDisk(poll.id()).compose(v -> announceResult(poll.id()));
              }
              return Future.succeededFuture();
            });
      };
    });
  }

  /**
   * Once per poll, a private reminder to every bound resident whose household is on the poll's
   * electorate and has not voted. For a secret ballot this is decided with the poll's key while it
   * is open (is there a ballot under the household's keyed hash?); nothing is written about who
   * voted, and the messages are named in the outbox by a keyed hash, not by the resident, and kept
   * there sealed (chat and text encrypted under the ballot seal key).
   */
  private Future<Void> remindPrivately(PollStore.Stored stored) {
    Poll poll = stored.poll();
    if (!poll.byHousehold()) {
      return Future.succeededFuture();
    }
    return store.markPrivateReminders(poll.id()).compose(first -> {
      if (!first) {
        return Future.succeededFuture();
      }
      return Future.all(households.of(poll.community()).bindings(), store.electorate(poll.id())).compose(all -> {
        Map<String, String> bound = all.resultAt(0);
        Set<String> electorate = new HashSet<>(all.<List<String>>resultAt(1));
        List<String> identities = new ArrayList<>();
        List<String> ballotKeys = new ArrayList<>();
        bound.forEach((identity, household) -> {
          if (electorate.contains(household) && Identity.parse(identity).isPresent()) {
            identities.add(identity);
            ballotKeys.add(stored.ballotKey(identity, household));
          }
        });
        return store.cast(poll.id(), ballotKeys).compose(cast -> {
          String text = Text.POLL_REMINDER_PRIVATE.of(poll.id(), poll.question(), messages.when(poll.closesAt()));
          Future<Void> sent = Future.succeededFuture();
          int reminded = 0;
          for (int i = 0; i < identities.size(); i++) {
            if (!cast.get(i)) {
              Identity person = Identity.parse(identities.get(i)).orElseThrow();
              Outgoing message = new Outgoing(person.platform(),
                  new ChatEvent.Chat(person.user(), ChatEvent.ChatType.PRIVATE),
                  // For a secret ballot, whom it reminds waits in the outbox sealed.
                  Reply.builder(text).privately().sealed(poll.anonymous()).build());
              String id = "remind-private:" + poll.id() + ":" + stored.messageTag(identities.get(i));
              sent = sent.compose(v -> poster.post(id, message).mapEmpty());
              reminded++;
            }
          }
          LOG.info("Poll {}: private reminders to {} bound residents", poll.id(), reminded);
          return sent;
        });
      });
    });
  }

  /** After a secret ballot closed: the Redis files are rewritten so that none holds its key any more. */
  private Future<Void> forgetOnDisk(String pollId) {
    return store.find(pollId).compose(stored -> stored == null || !stored.poll().anonymous()
        ? Future.<Void>succeededFuture()
        : rewrite.rewrite().recover(e -> {
          LOG.error("Poll {} closed, but the Redis files could not be rewritten: {}", pollId, e.getMessage());
          return Future.succeededFuture();
        }));
  }
}
