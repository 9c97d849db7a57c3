package org.linli.bot.ticket;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.linli.bot.redis.LuaScript;

/**
 * The cross-ticket slot ({@code tickets:{index}}): receipt numbers, the per-resident rate window,
 * the indexes by creation time, status and resident, and the timer jobs. {@link #reserve} runs
 * before a ticket is written, {@link #sync} after each change of it; sync is derived from the
 * ticket as stored and guarded by its revision, so running it again (or late) never goes back.
 */
final class TicketIndex {

  static final long HOUR_MS = 3_600_000L;

  /**
   * Sliding window: a resident's tickets of the last hour are the members of their rate set with a
   * score (opening time) after now - 1 h.
   */
  private static final LuaScript RESERVE =
      new LuaScript(
          """
          local now = tonumber(ARGV[1])
          redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 3600000)
          if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            return {'limited', oldest[2]}
          end
          local seq = redis.call('INCR', KEYS[2])
          redis.call('EXPIRE', KEYS[2], 172800)
          local receipt = ARGV[3] .. '-' .. string.format('%04d', seq)
          redis.call('ZADD', KEYS[1], now, receipt)
          redis.call('PEXPIRE', KEYS[1], 3600000)
          redis.call('ZADD', KEYS[3], now, receipt)
          redis.call('ZADD', KEYS[4], now, receipt)
          redis.call('ZADD', KEYS[5], now, receipt)
          redis.call('HSET', KEYS[6], receipt, 1)
          redis.call('ZADD', KEYS[7], now + tonumber(ARGV[4]), 'remind80:' .. receipt)
          redis.call('ZADD', KEYS[7], now + tonumber(ARGV[5]), 'overdue:' .. receipt)
          return {'ok', receipt}
          """);

  /**
   * ARGV[5]: {@code run} (schedule the jobs still ahead), {@code pause} (drop the jobs not yet due:
   * one already due still fires), {@code stop} (drop both).
   */
  private static final LuaScript SYNC =
      new LuaScript(
          """
          local receipt = ARGV[1]
          local rev = tonumber(ARGV[2])
          if tonumber(redis.call('HGET', KEYS[1], receipt) or '0') > rev then return 0 end
          redis.call('HSET', KEYS[1], receipt, rev)
          local pos = tonumber(ARGV[3])
          for i = 3, #KEYS do
            if i - 2 == pos then redis.call('ZADD', KEYS[i], ARGV[4], receipt) else redis.call('ZREM', KEYS[i], receipt) end
          end
          local now = tonumber(ARGV[8])
          local jobs = {{'remind80:' .. receipt, tonumber(ARGV[6])}, {'overdue:' .. receipt, tonumber(ARGV[7])}}
          for _, job in ipairs(jobs) do
            if ARGV[5] == 'run' then
              if job[2] > now then redis.call('ZADD', KEYS[2], job[2], job[1]) end
            elseif ARGV[5] == 'pause' then
              local score = redis.call('ZSCORE', KEYS[2], job[1])
              if score and tonumber(score) > now then redis.call('ZREM', KEYS[2], job[1]) end
            else
              redis.call('ZREM', KEYS[2], job[1])
            end
          end
          return 1
          """);

  /** A receipt number given out, or the time the resident may open the next ticket. */
  record Reservation(String receipt, Instant retryAfter) {}

  private final RedisAPI redis;

  TicketIndex(RedisAPI redis) {
    this.redis = redis;
  }

  Future<Reservation> reserve(String day, NewTicket request, long limitMs, int perHour) {
    String resident = request.source().resident();
    List<String> keys = List.of(TicketKeys.rate(resident), TicketKeys.sequence(day), TicketKeys.CREATED,
        TicketKeys.resident(resident), TicketKeys.status(TicketStatus.RECEIVED), TicketKeys.REV, TicketKeys.TIMERS);
    long remindAfter = limitMs - limitMs / 5;
    return RESERVE.run(redis, keys, List.of(String.valueOf(request.at().toEpochMilli()), String.valueOf(perHour), day,
            String.valueOf(remindAfter), String.valueOf(limitMs)))
        .map(r -> r.get(0).toString().equals("ok")
            ? new Reservation(r.get(1).toString(), null)
            : new Reservation(null, Instant.ofEpochMilli(Long.parseLong(r.get(1).toString()) + HOUR_MS)));
  }

  /** Brings the indexes and timers in line with a stored ticket at revision {@code rev}. */
  Future<Boolean> sync(Ticket ticket, long rev, Instant now) {
    List<String> keys = new ArrayList<>(List.of(TicketKeys.REV, TicketKeys.TIMERS));
    keys.addAll(TicketKeys.statuses());
    String clock = ticket.status().clockRuns() ? "run" : ticket.status() == TicketStatus.WAITING_RESIDENT ? "pause" : "stop";
    return SYNC.run(redis, keys, List.of(ticket.receipt(), String.valueOf(rev),
            String.valueOf(ticket.status().ordinal() + 1), String.valueOf(ticket.createdAt().toEpochMilli()), clock,
            String.valueOf(ticket.remindAt().toEpochMilli()), String.valueOf(ticket.dueAt().toEpochMilli()),
            String.valueOf(now.toEpochMilli())))
        .map(r -> r.toInteger() == 1);
  }

  /** Receipts in an index zset with scores in [from, to), oldest first, at most {@code limit}. */
  Future<List<String>> range(String key, Instant from, Instant to, int limit) {
    String min = from == null ? "-inf" : String.valueOf(from.toEpochMilli());
    String max = to == null ? "+inf" : "(" + to.toEpochMilli();
    return redis.zrangebyscore(List.of(key, min, max, "LIMIT", "0", String.valueOf(limit)))
        .map(TicketIndex::strings);
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
