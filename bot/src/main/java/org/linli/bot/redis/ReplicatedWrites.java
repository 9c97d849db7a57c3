package org.linli.bot.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.Set;

/**
 * The service's Redis commands, with every write held back until {@code replicas} replicas have it
 * ({@code redis.waitReplicas}): the write and a {@code WAIT replicas 500} go out together on one
 * connection (a batch; on a Cluster, to the master of the write's keys), and the write is answered
 * only when WAIT counts enough replicas. Otherwise it fails with {@code NOREPLICAS}, which the
 * service answers 503 like any outage (the caller retries; every write of the service is idempotent
 * or deduplicated). So a vote, a ticket or a queued message that was acknowledged survives the
 * master's death and its replica's promotion: Redis replicates asynchronously, and without this a
 * failover loses what the master acknowledged in its last milliseconds.
 *
 * <p>With {@code replicas == 0} every command goes straight to the client.
 */
public final class ReplicatedWrites implements RedisAPI {

  /** How long a write waits for its replicas before it is refused. */
  static final long WAIT_MILLIS = 500;

  /**
   * The commands of the service that change data (reads and administration are sent as they are);
   * {@code ReplicatedWritesTest} fails when the service's code sends a command that is in neither
   * this list nor the test's list of reads.
   */
  static final Set<Command> WRITES = Set.of(Command.EVAL, Command.EVALSHA, Command.SET, Command.SETEX,
      Command.GETDEL, Command.DEL, Command.HSET, Command.HSETNX, Command.HDEL, Command.INCR, Command.PEXPIRE,
      Command.SADD, Command.SREM, Command.ZADD, Command.ZREM, Command.RPUSH, Command.XADD);

  private final Redis client;
  private final int replicas;

  private ReplicatedWrites(Redis client, int replicas) {
    this.client = client;
    this.replicas = replicas;
  }

  /** The commands of {@code client}, each write acknowledged once {@code replicas} replicas have it. */
  public static RedisAPI over(Redis client, int replicas) {
    return replicas == 0 ? RedisAPI.api(client) : new ReplicatedWrites(client, replicas);
  }

  @Override
  public Future<Response> send(Command cmd, String... args) {
    Request request = Request.cmd(cmd);
    for (String arg : args) {
      request.arg(arg);
    }
    if (!WRITES.contains(cmd)) {
      return client.send(request);
    }
    Request wait = Request.cmd(Command.WAIT).arg(replicas).arg(WAIT_MILLIS);
    return client.batch(List.of(request, wait)).recover(ReplicatedWrites::asSent).compose(replies -> {
      long copies = replies.get(1).toLong();
      if (copies < replicas) {
        return Future.failedFuture(new IllegalStateException("NOREPLICAS the write reached " + copies + " of "
            + replicas + " replicas within " + WAIT_MILLIS + " ms"));
      }
      return Future.succeededFuture(replies.get(0));
    });
  }

  /**
   * A batch's failure as the command alone would have failed: Redis's reply without the batch's
   * {@code ERR [i] } prefix (so {@code NOSCRIPT}, {@code READONLY} or a script's own error read as
   * they do without the wait).
   */
  private static Future<List<Response>> asSent(Throwable failure) {
    String message = failure.getMessage();
    if (message != null && message.matches("(?s)ERR \\[\\d+\\] .*")) {
      // One line per command of the batch; the write's own comes first.
      String first = message.lines().findFirst().orElse(message);
      return Future.failedFuture(new ReplyError(first.substring(first.indexOf(']') + 2), failure));
    }
    return Future.failedFuture(failure);
  }

  /**
   * Redis's error reply to a write, as the command alone would have got it; a connection that
   * closed under the batch reads as the name of its exception ({@link RedisOutage} knows it).
   */
  public static final class ReplyError extends RuntimeException {
    ReplyError(String reply, Throwable batchFailure) {
      super(reply, batchFailure, false, false);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
