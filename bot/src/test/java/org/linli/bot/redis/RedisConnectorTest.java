package org.linli.bot.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisReplicas;
import io.vertx.redis.client.RedisRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.config.Settings;

/** The client options each topology's settings give (the topologies themselves run in {@link StoresOnEveryTopologyTest}). */
class RedisConnectorTest {

  @Test
  void a_standalone_redis_is_the_one_url_given_embedded_or_set() {
    RedisOptions options = RedisConnector.options(
        new Settings.Redis("redis://:pw@10.0.0.5:6379/2", "standalone", List.of(), "", 0, 64, 0),
        "redis://:pw@10.0.0.5:6379/2");

    assertThat(options.getType()).isEqualTo(RedisClientType.STANDALONE);
    assertThat(options.getEndpoints()).containsExactly("redis://:pw@10.0.0.5:6379/2");
    assertThat(options.getMaxPoolSize()).isEqualTo(64);
  }

  @Test
  void a_sentinel_set_is_asked_for_its_master_and_followed_to_the_next_one() {
    RedisOptions options = RedisConnector.options(new Settings.Redis("", "sentinel",
        List.of("redis://10.0.0.1:26379", "redis://10.0.0.2:26379"), "linli", 0, 64, 0), "redis://10.0.0.1:26379");

    assertThat(options.getType()).isEqualTo(RedisClientType.SENTINEL);
    assertThat(options.getEndpoints()).containsExactly("redis://10.0.0.1:26379", "redis://10.0.0.2:26379");
    assertThat(options.getMasterName()).isEqualTo("linli");
    assertThat(options.getRole()).isEqualTo(RedisRole.MASTER);
    assertThat(options.isAutoFailover()).isTrue();
  }

  @Test
  void a_cluster_is_read_and_written_on_its_masters_only() {
    RedisOptions options = RedisConnector.options(new Settings.Redis("", "cluster",
        List.of("rediss://:pw@10.0.1.1:7000", "rediss://:pw@10.0.1.2:7000"), "", 0, 64, 0),
        "rediss://:pw@10.0.1.1:7000");

    assertThat(options.getType()).isEqualTo(RedisClientType.CLUSTER);
    assertThat(options.getEndpoints()).hasSize(2);
    assertThat(options.getUseReplicas()).isEqualTo(RedisReplicas.NEVER);
  }
}
