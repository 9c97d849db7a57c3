package org.linli.bot.ticket;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.linli.bot.community.Community;
import org.linli.bot.redis.LuaScript;

/**
 * The cross-ticket slot ({@code tickets:{index}}): receipt numbers, the per-resident rate window,
 * the indexes by creation time, status, resident and community (other than the default one), and
 * the timer jobs. {@link #reserve} runs
 * before a ticket is written, {@link #sync} after each change of it; sync is derived from the
 * ticket as stored and guarded by its revision, so running it again (or late) never goes back.
 */
final class TicketIndex {

  static final long HOUR_MS = 3_600_000L;

  private static final LuaScript RESERVE = LuaScript.load("ticket-reserve");
  private static final LuaScript SYNC = LuaScript.load("ticket-sync");

  /** A receipt number given out, or the time the resident may open the next ticket. */
  record Reservation(String receipt, Instant retryAfter) {
  }

  private final RedisAPI redis;

  TicketIndex(RedisAPI redis) {
    this.redis = redis;
  }

  /**
   * {@code remindAfter}, {@code dueAfter}: when the two timers fall, in ms after the request;
   * {@code community}: the community whose index takes the ticket, null for the default one.
   */
  Future<Reservation> reserve(String day, NewTicket request, String community, long remindAfter, long dueAfter,
      int perHour) {
    String resident = request.source().resident();
    boolean inCommunity = community != null && !community.equals(Community.DEFAULT);
    return RESERVE.call()
        .key("rate", TicketKeys.rate(resident))
        .key("sequence", TicketKeys.sequence(day))
        .key("created", TicketKeys.CREATED)
        .key("byResident", TicketKeys.resident(resident))
        .key("received", TicketKeys.status(TicketStatus.RECEIVED))
        .key("revisions", TicketKeys.REV)
        .key("timers", TicketKeys.TIMERS)
        .key("byCommunity", TicketKeys.community(inCommunity ? community : Community.DEFAULT))
        .arg("now", request.at().toEpochMilli())
        .arg("perHour", perHour)
        .arg("day", day)
        .arg("remindAfter", remindAfter)
        .arg("limitMs", dueAfter)
        .arg("inCommunity", inCommunity ? "1" : "0")
        .run(redis)
        .map(r -> r.get(0).toString().equals("ok")
            ? new Reservation(r.get(1).toString(), null)
            : new Reservation(null, Instant.ofEpochMilli(Long.parseLong(r.get(1).toString()) + HOUR_MS)));
  }

  /**
   * Brings the indexes and timers in line with a stored ticket at revision {@code rev}; its
   * reminder falls at {@code remindAt} (the time limits know where, over the working calendar).
   */
  Future<Boolean> sync(Ticket ticket, long rev, Instant now, Instant remindAt) {
    String clock = ticket.status().clockRuns()
        ? "run"
        : ticket.status() == TicketStatus.WAITING_RESIDENT ? "pause" : "stop";
    return SYNC.call()
        .key("revisions", TicketKeys.REV)
        .key("timers", TicketKeys.TIMERS)
        .keys("statuses", TicketKeys.statuses())
        .arg("receipt", ticket.receipt())
        .arg("rev", rev)
        .arg("position", ticket.status().ordinal() + 1)
        .arg("createdAt", ticket.createdAt().toEpochMilli())
        .arg("clock", clock)
        .arg("remindAt", remindAt.toEpochMilli())
        .arg("dueAt", ticket.dueAt().toEpochMilli())
        .arg("now", now.toEpochMilli())
        .run(redis)
        .map(r -> r.toInteger() == 1);
  }

  /** Receipts in an index zset with scores in [from, to), oldest first, at most {@code limit}. */
  Future<List<String>> range(String key, Instant from, Instant to, int limit) {
    String min = from == null ? "-inf" : String.valueOf(from.toEpochMilli());
    String max = to == null ? "+inf" : "(" + to.toEpochMilli();
    return redis.zrangebyscore(List.of(key, min, max, "LIMIT", "0", String.valueOf(limit)))
        .map(TicketIndex::strings);
  }

  /** Receipts in both index zsets (same slot), by score. */
  Future<List<String>> both(String key, String other) {
    return redis.zinter(List.of("2", key, other)).map(TicketIndex::strings);
  }

  static List<String> strings(Response r) {
    List<String> out = new ArrayList<>();
    if (r != null) {
      for (Response x : r) {
        out.add(x.toString());
      }
    }
    return out;
  }
}
