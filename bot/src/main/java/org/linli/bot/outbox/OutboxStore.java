package org.linli.bot.outbox;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.linli.bot.redis.LuaScript;

/**
 * One outbox queue in Redis; every change of a message's state is one Lua script. All keys share
 * the hash tag of the queue ({@code outbox:{chat}:...}), so the scripts work on a cluster:
 *
 * <ul>
 *   <li>{@code due} — sorted set, id → when it is next due (ms); pending messages, in flight ones
 *       with the end of their lease
 *   <li>{@code msg} — hash, id → payload JSON, for pending and dead messages
 *   <li>{@code attempts} — hash, id → delivery attempts so far
 *   <li>{@code lease} — hash, id → token of the claim that may report on the attempt in flight
 *   <li>{@code error} — hash, id → why the last attempt failed
 *   <li>{@code dead} — sorted set, id → when it became a dead letter (ms)
 *   <li>{@code done:<id>} — marker of a delivered message, expiring after some days
 * </ul>
 */
final class OutboxStore {

  private static final LuaScript ENQUEUE = new LuaScript("""
      if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 or redis.call('EXISTS', KEYS[4]) == 1 then return 0 end
      redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
      redis.call('HSET', KEYS[3], ARGV[1], 0)
      redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
      return 1
      """);

  // Moving the due time to the end of the lease is what keeps every other instance off the message.
  private static final LuaScript CLAIM = new LuaScript("""
      local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
      local out = {}
      for _, id in ipairs(ids) do
        local payload = redis.call('HGET', KEYS[2], id)
        if payload then
          redis.call('ZADD', KEYS[1], ARGV[3], id)
          local attempt = redis.call('HINCRBY', KEYS[3], id, 1)
          redis.call('HSET', KEYS[4], id, ARGV[4])
          table.insert(out, id)
          table.insert(out, payload)
          table.insert(out, attempt)
        else
          redis.call('ZREM', KEYS[1], id)
        end
      end
      return out
      """);

  private static final LuaScript DELIVERED = new LuaScript("""
      if redis.call('HGET', KEYS[4], ARGV[1]) ~= ARGV[2] then return 0 end
      redis.call('ZREM', KEYS[1], ARGV[1])
      redis.call('HDEL', KEYS[2], ARGV[1])
      redis.call('HDEL', KEYS[3], ARGV[1])
      redis.call('HDEL', KEYS[4], ARGV[1])
      redis.call('HDEL', KEYS[5], ARGV[1])
      redis.call('SET', KEYS[6], ARGV[4], 'PX', ARGV[3])
      return 1
      """);

  private static final LuaScript RETRY = new LuaScript("""
      if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
      redis.call('HDEL', KEYS[3], ARGV[1])
      redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
      redis.call('HSET', KEYS[4], ARGV[1], ARGV[4])
      if ARGV[5] == '1' then redis.call('HINCRBY', KEYS[2], ARGV[1], -1) end
      return 1
      """);

  private static final LuaScript BURY = new LuaScript("""
      if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return 0 end
      redis.call('HDEL', KEYS[2], ARGV[1])
      redis.call('ZREM', KEYS[1], ARGV[1])
      redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
      redis.call('ZADD', KEYS[4], ARGV[4], ARGV[1])
      return 1
      """);

  private static final LuaScript REPLAY = new LuaScript("""
      if redis.call('ZREM', KEYS[4], ARGV[1]) == 0 then return 0 end
      redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
      redis.call('HSET', KEYS[2], ARGV[1], 0)
      redis.call('HDEL', KEYS[3], ARGV[1])
      return 1
      """);

  private static final LuaScript DEAD_LETTERS = new LuaScript("""
      local ids = redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
      local out = {}
      for i = 1, #ids, 2 do
        local id = ids[i]
        table.insert(out, id)
        table.insert(out, ids[i + 1])
        table.insert(out, redis.call('HGET', KEYS[2], id) or '{}')
        table.insert(out, redis.call('HGET', KEYS[3], id) or '0')
        table.insert(out, redis.call('HGET', KEYS[4], id) or '')
      end
      return out
      """);

  /** A message claimed for one delivery attempt, under the token of that claim. */
  record Claimed(String id, JsonObject payload, int attempt, String token) {}

  private final RedisAPI redis;
  private final String base;

  OutboxStore(RedisAPI redis, String queue) {
    this.redis = redis;
    this.base = "outbox:{" + queue + "}:";
  }

  private String key(String name) {
    return base + name;
  }

  private String done(String id) {
    return base + "done:" + id;
  }

  /** Adds a message due now; false (and nothing changed) if the id is pending, dead or recently delivered. */
  Future<Boolean> enqueue(String id, JsonObject payload, long now) {
    return ENQUEUE.run(redis, List.of(key("due"), key("msg"), key("attempts"), done(id)),
            List.of(id, payload.encode(), String.valueOf(now)))
        .map(r -> r.toInteger() == 1);
  }

  /** Claims up to {@code limit} due messages until {@code leaseUntil}, counting an attempt for each. */
  Future<List<Claimed>> claim(long now, int limit, long leaseUntil, String token) {
    return CLAIM.run(redis, List.of(key("due"), key("msg"), key("attempts"), key("lease")),
            List.of(String.valueOf(now), String.valueOf(limit), String.valueOf(leaseUntil), token))
        .map(r -> {
          List<Claimed> claimed = new ArrayList<>(r.size() / 3);
          for (int i = 0; i + 2 < r.size(); i += 3) {
            claimed.add(new Claimed(r.get(i).toString(), new JsonObject(r.get(i + 1).toString()),
                r.get(i + 2).toInteger(), token));
          }
          return claimed;
        });
  }

  /** Removes a delivered message and marks its id delivered for {@code keepMillis}; false if the claim was lost. */
  Future<Boolean> delivered(Claimed c, long keepMillis, long now) {
    return DELIVERED.run(redis,
            List.of(key("due"), key("msg"), key("attempts"), key("lease"), key("error"), done(c.id())),
            List.of(c.id(), c.token(), String.valueOf(Math.max(1, keepMillis)), String.valueOf(now)))
        .map(r -> r.toInteger() == 1);
  }

  /**
   * Makes a message due again at {@code dueAt}; with {@code refund} the attempt does not count (the
   * message could not be tried at all). False if the claim was lost.
   */
  Future<Boolean> retry(Claimed c, long dueAt, String error, boolean refund) {
    return RETRY.run(redis, List.of(key("due"), key("attempts"), key("lease"), key("error")),
            List.of(c.id(), c.token(), String.valueOf(dueAt), error, refund ? "1" : "0"))
        .map(r -> r.toInteger() == 1);
  }

  /** Turns a message into a dead letter; false if the claim was lost. */
  Future<Boolean> bury(Claimed c, String error, long now) {
    return BURY.run(redis, List.of(key("due"), key("lease"), key("error"), key("dead")),
            List.of(c.id(), c.token(), error, String.valueOf(now)))
        .map(r -> r.toInteger() == 1);
  }

  /** Makes a dead letter pending again, due now, with no attempts; false if there is no such dead letter. */
  Future<Boolean> replay(String id, long now) {
    return REPLAY.run(redis, List.of(key("due"), key("attempts"), key("error"), key("dead")),
            List.of(id, String.valueOf(now)))
        .map(r -> r.toInteger() == 1);
  }

  /** The latest dead letters, newest first. */
  Future<List<DeadLetter>> deadLetters(int limit) {
    return DEAD_LETTERS.run(redis, List.of(key("dead"), key("msg"), key("attempts"), key("error")),
            List.of(String.valueOf(limit)))
        .map(r -> {
          List<DeadLetter> letters = new ArrayList<>(r.size() / 5);
          for (int i = 0; i + 4 < r.size(); i += 5) {
            letters.add(new DeadLetter(r.get(i).toString(), new JsonObject(r.get(i + 2).toString()),
                Integer.parseInt(r.get(i + 3).toString()), r.get(i + 4).toString(),
                Instant.ofEpochMilli((long) Double.parseDouble(r.get(i + 1).toString()))));
          }
          return letters;
        });
  }

  /** Pending (including in flight) and dead counts. */
  Future<Outbox.Stats> stats() {
    return Future.all(redis.zcard(key("due")), redis.zcard(key("dead")))
        .map(all -> new Outbox.Stats(count(all.resultAt(0)), count(all.resultAt(1))));
  }

  private static long count(Response r) {
    return r == null ? 0 : r.toLong();
  }
}
