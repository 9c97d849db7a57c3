package org.linli.bot.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisReplicas;
import io.vertx.redis.client.RedisRole;
import java.util.List;
import org.linli.config.Settings;

/**
 * Builds the pooled Redis client for the configured topology: one server (the embedded one or
 * {@code redis.url}), a Sentinel set (always its master) or a Cluster (masters only). Replicas are
 * never read, so every read sees the last acknowledged write.
 */
public final class RedisConnector {

  private RedisConnector() {
  }

  /** The client for {@code settings}; {@code standaloneUrl} is the one server's address when standalone. */
  public static Redis create(Vertx vertx, Settings.Redis settings, String standaloneUrl) {
    return Redis.createClient(vertx, options(settings, standaloneUrl));
  }

  /** The client options for {@code settings} (see {@link #create}). */
  static RedisOptions options(Settings.Redis settings, String standaloneUrl) {
    RedisOptions options = new RedisOptions()
        // A stable name for the pool's metrics (vertx_pool_*{pool_name="linli"}) across restarts.
        .setPoolName("linli")
        .setMaxPoolSize(settings.poolSize())
        .setMaxWaitingHandlers(4096)
        .setMaxPoolWaiting(4096);
    switch (settings.type()) {
      case "sentinel" -> options.setType(RedisClientType.SENTINEL)
          .setMasterName(settings.masterName())
          .setRole(RedisRole.MASTER)
          // on the sentinels' +switch-master, every pooled connection moves to the new master
          .setAutoFailover(true);
      case "cluster" -> options.setType(RedisClientType.CLUSTER)
          .setUseReplicas(RedisReplicas.NEVER);
      default -> options.setType(RedisClientType.STANDALONE);
    }
    List<String> endpoints = settings.type().equals("standalone") ? List.of(standaloneUrl) : settings.nodes();
    endpoints.forEach(options::addConnectionString);
    return options;
  }
}
