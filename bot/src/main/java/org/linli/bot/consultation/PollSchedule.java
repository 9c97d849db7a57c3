package org.linli.bot.consultation;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.linli.bot.timer.LeasedTimers;

/**
 * When something must happen to a poll — voting opens after the discussion period, the reminder,
 * the deadline — kept in Redis (one sorted set, {@code polls:{schedule}}), so it survives restarts
 * and is shared by every instance. An instance claims due jobs with a lease (their time moves a
 * minute ahead), does them, and marks them done; an instance that dies mid-job leaves it to be
 * claimed again when the lease ends. Jobs are idempotent (closing is a state change that succeeds
 * once, messages go through the outbox by id), so a second run changes nothing.
 */
public final class PollSchedule {

  static final String KEY = "polls:{schedule}";

  /** What is due: {@code open}, {@code remind} or {@code close}. */
  public enum Kind {
    OPEN,
    REMIND,
    CLOSE
  }

  /** A claimed job; {@code lease} is the time it was moved to while this instance works on it. */
  public record Job(Kind kind, String pollId, long lease) {
  }

  private final RedisAPI redis;
  private final LeasedTimers timers;

  public PollSchedule(RedisAPI redis) {
    this.redis = redis;
    this.timers = new LeasedTimers(redis, KEY);
  }

  /** Schedules every job of a new poll. */
  public Future<Void> plan(Poll poll) {
    List<String> args = new ArrayList<>(List.of(KEY));
    if (poll.opensAt().toEpochMilli() > System.currentTimeMillis()) {
      args.addAll(List.of(String.valueOf(poll.opensAt().toEpochMilli()), member(Kind.OPEN, poll.id())));
    }
    if (poll.remindAt() != null) {
      args.addAll(List.of(String.valueOf(poll.remindAt().toEpochMilli()), member(Kind.REMIND, poll.id())));
    }
    args.addAll(List.of(String.valueOf(poll.closesAt().toEpochMilli()), member(Kind.CLOSE, poll.id())));
    return redis.zadd(args).mapEmpty();
  }

  /** Moves the deadline (and the reminder, if any) of a poll. */
  public Future<Void> reschedule(String pollId, Instant closesAt, Instant remindAt) {
    List<String> args = new ArrayList<>(
        List.of(KEY, String.valueOf(closesAt.toEpochMilli()), member(Kind.CLOSE, pollId)));
    if (remindAt != null) {
      args.addAll(List.of(String.valueOf(remindAt.toEpochMilli()), member(Kind.REMIND, pollId)));
    }
    return redis.zadd(args).mapEmpty();
  }

  /** Forgets every job of a poll (it was closed by hand). */
  public Future<Void> forget(String pollId) {
    return redis.zrem(List.of(KEY, member(Kind.OPEN, pollId), member(Kind.REMIND, pollId), member(Kind.CLOSE, pollId)))
        .mapEmpty();
  }

  /** Claims up to {@code limit} jobs due at {@code now}, leasing them for {@code leaseMillis}. */
  public Future<List<Job>> claim(long now, long leaseMillis, int limit) {
    long lease = now + leaseMillis;
    return timers.claim(now, lease, limit)
        .map(members -> {
          List<Job> jobs = new ArrayList<>();
          for (String m : members) {
            String[] parts = m.split(":", 2);
            jobs.add(new Job(Kind.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[1], lease));
          }
          return jobs;
        });
  }

  /** Marks a job done, unless it was rescheduled meanwhile (a deadline extended while it ran). */
  public Future<Void> done(Job job) {
    return timers.done(member(job.kind(), job.pollId()), job.lease()).mapEmpty();
  }

  private static String member(Kind kind, String pollId) {
    return kind.name().toLowerCase(Locale.ROOT) + ":" + pollId;
  }
}
