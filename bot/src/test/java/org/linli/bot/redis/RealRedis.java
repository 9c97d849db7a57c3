package org.linli.bot.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server (the embedded one, data under a test folder) with a Vert.x instance and a
 * pooled client, for the tests of the Redis stores. Closing stops all three.
 */
public final class RealRedis implements AutoCloseable {

  public final EmbeddedRedis server;
  public final Vertx vertx;
  public final Redis client;
  public final RedisAPI api;

  private RealRedis(EmbeddedRedis server) {
    this.server = server;
    this.vertx = Vertx.vertx();
    this.client = Redis.createClient(vertx, new RedisOptions().setConnectionString(server.url()).setMaxPoolSize(16)
        .setMaxPoolWaiting(10_000));
    this.api = RedisAPI.api(client);
  }

  /** Starts a server with its data in {@code dir}. */
  public static RealRedis start(Path dir) {
    return new RealRedis(EmbeddedRedis.start(dir, 0));
  }

  /** Empties the database (between tests that share the server). */
  public void flush() {
    await(api.flushall(List.of()));
  }

  /** Waits for a future (at most a minute) and returns its result, or throws its failure. */
  public static <T> T await(Future<T> future) {
    return await(future, 60);
  }

  /** Waits for a future (at most {@code seconds}) and returns its result, or throws its failure. */
  public static <T> T await(Future<T> future, int seconds) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
    }
  }

  @Override
  public void close() {
    client.close();
    await(vertx.close());
    server.close();
  }
}
