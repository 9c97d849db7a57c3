package org.linli.bot.ticket;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linli.bot.timer.LeasedTimers;

/**
 * The ticket timers (临期催办): a reminder when four fifths of the time limit are gone ({@code
 * remind80:<receipt>}) and the overdue notice at the limit ({@code overdue:<receipt>}), kept in
 * one Redis sorted set shared by every instance. The store plans them when a ticket opens, drops
 * those not yet due while it waits for the resident, plans them again with the time that was left
 * when it comes back, and drops them when it is resolved, rejected or merged.
 *
 * <p>An instance claims due jobs with a lease (their score moves to the lease's end), does them,
 * and marks them done; a job whose instance died is claimed again when its lease ends. The job
 * handler reads the ticket first: a job may outlive a crash between a change and its index step,
 * and an overdue notice that fell due just before a pause still fires.
 */
public final class TicketDeadlines {

  /** Which timer: the reminder at 80% of the time limit, or the limit itself. */
  public enum Kind {
    REMIND80,
    OVERDUE;

    String prefix() {
      return name().toLowerCase(Locale.ROOT) + ":";
    }
  }

  /** A claimed job; {@code lease} is when the claim runs out (and the score it was moved to). */
  public record Job(Kind kind, String receipt, Instant lease) {
  }

  private final RedisAPI redis;
  private final LeasedTimers timers;

  public TicketDeadlines(RedisAPI redis) {
    this.redis = redis;
    this.timers = new LeasedTimers(redis, TicketKeys.TIMERS);
  }

  /** Claims up to {@code limit} jobs due at {@code now}, leasing them for {@code lease}. */
  public Future<List<Job>> claim(Instant now, Duration lease, int limit) {
    Instant until = now.plus(lease);
    return timers.claim(now.toEpochMilli(), until.toEpochMilli(), limit)
        .map(members -> {
          List<Job> jobs = new ArrayList<>();
          for (String member : members) {
            for (Kind k : Kind.values()) {
              if (member.startsWith(k.prefix())) {
                jobs.add(new Job(k, member.substring(k.prefix().length()), until));
              }
            }
          }
          return jobs;
        });
  }

  /** Marks a job done, unless it was planned anew meanwhile (the clock paused and resumed). */
  public Future<Boolean> done(Job job) {
    return timers.done(job.kind().prefix() + job.receipt(), job.lease().toEpochMilli());
  }

  /** The jobs planned for a ticket and when they fall due (or their lease ends, if claimed). */
  public Future<Map<Kind, Instant>> planned(String receipt) {
    List<String> args = new ArrayList<>(List.of(TicketKeys.TIMERS));
    for (Kind k : Kind.values()) {
      args.add(k.prefix() + receipt);
    }
    return redis.zmscore(args).map(r -> {
      Map<Kind, Instant> out = new EnumMap<>(Kind.class);
      for (Kind k : Kind.values()) {
        Response score = r.get(k.ordinal());
        if (score != null) {
          out.put(k, Instant.ofEpochMilli((long) Double.parseDouble(score.toString())));
        }
      }
      return out;
    });
  }
}
