package org.linli.bot.outbox;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
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

  private static final LuaScript ENQUEUE = LuaScript.load("outbox-enqueue");
  private static final LuaScript CLAIM = LuaScript.load("outbox-claim");
  private static final LuaScript DELIVERED = LuaScript.load("outbox-delivered");
  private static final LuaScript RETRY = LuaScript.load("outbox-retry");
  private static final LuaScript BURY = LuaScript.load("outbox-bury");
  private static final LuaScript REPLAY = LuaScript.load("outbox-replay");
  private static final LuaScript DEAD_LETTERS = LuaScript.load("outbox-dead-letters");

  /** A message claimed for one delivery attempt, under the token of that claim. */
  record Claimed(String id, JsonObject payload, int attempt, String token) {
  }

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
    return ENQUEUE.call()
        .key("due", key("due"))
        .key("msg", key("msg"))
        .key("attempts", key("attempts"))
        .key("done", done(id))
        .arg("id", id)
        .arg("payload", payload.encode())
        .arg("now", now)
        .run(redis)
        .map(r -> r.toInteger() == 1);
  }

  /** Claims up to {@code limit} due messages until {@code leaseUntil}, counting an attempt for each. */
  Future<List<Claimed>> claim(long now, int limit, long leaseUntil, String token) {
    return CLAIM.call()
        .key("due", key("due"))
        .key("msg", key("msg"))
        .key("attempts", key("attempts"))
        .key("lease", key("lease"))
        .arg("now", now)
        .arg("limit", limit)
        .arg("leaseUntil", leaseUntil)
        .arg("token", token)
        .run(redis)
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
    return DELIVERED.call()
        .key("due", key("due"))
        .key("msg", key("msg"))
        .key("attempts", key("attempts"))
        .key("lease", key("lease"))
        .key("errors", key("error"))
        .key("done", done(c.id()))
        .arg("id", c.id())
        .arg("token", c.token())
        .arg("keepMillis", Math.max(1, keepMillis))
        .arg("now", now)
        .run(redis)
        .map(r -> r.toInteger() == 1);
  }

  /**
   * Makes a message due again at {@code dueAt}; with {@code refund} the attempt does not count (the
   * message could not be tried at all). False if the claim was lost.
   */
  Future<Boolean> retry(Claimed c, long dueAt, String error, boolean refund) {
    return RETRY.call()
        .key("due", key("due"))
        .key("attempts", key("attempts"))
        .key("lease", key("lease"))
        .key("errors", key("error"))
        .arg("id", c.id())
        .arg("token", c.token())
        .arg("dueAt", dueAt)
        .arg("reason", error)
        .arg("refund", refund ? "1" : "0")
        .run(redis)
        .map(r -> r.toInteger() == 1);
  }

  /** Turns a message into a dead letter; false if the claim was lost. */
  Future<Boolean> bury(Claimed c, String error, long now) {
    return BURY.call()
        .key("due", key("due"))
        .key("lease", key("lease"))
        .key("errors", key("error"))
        .key("dead", key("dead"))
        .arg("id", c.id())
        .arg("token", c.token())
        .arg("reason", error)
        .arg("now", now)
        .run(redis)
        .map(r -> r.toInteger() == 1);
  }

  /** Makes a dead letter pending again, due now, with no attempts; false if there is no such dead letter. */
  Future<Boolean> replay(String id, long now) {
    return REPLAY.call()
        .key("due", key("due"))
        .key("attempts", key("attempts"))
        .key("errors", key("error"))
        .key("dead", key("dead"))
        .arg("id", id)
        .arg("now", now)
        .run(redis)
        .map(r -> r.toInteger() == 1);
  }

  /** The latest dead letters, newest first. */
  Future<List<DeadLetter>> deadLetters(int limit) {
    return DEAD_LETTERS.call()
        .key("dead", key("dead"))
        .key("msg", key("msg"))
        .key("attempts", key("attempts"))
        .key("errors", key("error"))
        .arg("limit", limit)
        .run(redis)
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
  /** When the earliest waiting message fell due (ms; in-flight ones count by their lease), or -1 for none. */
  Future<Long> earliestDue() {
    return redis.zrange(List.of(key("due"), "0", "0", "WITHSCORES")).map(r -> {
      if (r == null || r.size() == 0) {
        return -1L;
      }
      Response first = r.get(0);
      Response score = first.type() == ResponseType.MULTI ? first.get(1) : r.get(1);
      return score.toDouble().longValue();
    });
  }

  Future<Outbox.Stats> stats() {
    return Future.all(redis.zcard(key("due")), redis.zcard(key("dead")))
        .map(all -> new Outbox.Stats(count(all.resultAt(0)), count(all.resultAt(1))));
  }

  private static long count(Response r) {
    return r == null ? 0 : r.toLong();
  }
}
