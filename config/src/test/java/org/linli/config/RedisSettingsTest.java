package org.linli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Redis topology settings: embedded, standalone by URL or endpoint, sentinel and cluster. */
class RedisSettingsTest {

  private static Settings.Redis load(Map<String, String> env) {
    return new SettingsLoader().load(env).redis();
  }

  @Test
  void with_nothing_set_the_embedded_standalone_redis_is_used() {
    Settings.Redis redis = load(Map.of());

    assertThat(redis.type()).isEqualTo("standalone");
    assertThat(redis.embedded()).isTrue();
    assertThat(redis.nodes()).isEmpty();
  }

  @Test
  void the_url_alone_still_names_a_standalone_server() {
    Settings.Redis redis = load(Map.of("LINLI_REDIS_URL", "redis://:pw@10.0.0.5:6379/2"));

    assertThat(redis.embedded()).isFalse();
    assertThat(redis.type()).isEqualTo("standalone");
    assertThat(redis.nodes()).containsExactly("redis://:pw@10.0.0.5:6379/2");
  }

  @Test
  void a_cluster_takes_comma_separated_node_urls_with_tls_and_password_in_them() {
    Settings.Redis redis = load(Map.of("LINLI_REDIS_TYPE", "Cluster",
        "LINLI_REDIS_ENDPOINTS", "rediss://:pw@10.0.0.1:7000, redis://10.0.0.2:7000,"));

    assertThat(redis.type()).isEqualTo("cluster");
    assertThat(redis.embedded()).isFalse();
    assertThat(redis.nodes()).containsExactly("rediss://:pw@10.0.0.1:7000", "redis://10.0.0.2:7000");
  }

  @Test
  void a_sentinel_set_takes_the_sentinels_and_the_master_name() {
    Settings.Redis redis = load(Map.of("LINLI_REDIS_TYPE", "sentinel",
        "LINLI_REDIS_ENDPOINTS", "redis://10.0.0.1:26379,redis://10.0.0.2:26379", "LINLI_REDIS_MASTER_NAME", "linli"));

    assertThat(redis.nodes()).hasSize(2);
    assertThat(redis.masterName()).isEqualTo("linli");
    assertThat(redis.waitReplicas()).isZero();
  }

  @Test
  void writes_can_be_made_to_wait_for_a_replica_of_an_external_redis() {
    Settings.Redis redis = load(
        Map.of("LINLI_REDIS_TYPE", "sentinel", "LINLI_REDIS_ENDPOINTS", "redis://10.0.0.1:26379",
            "LINLI_REDIS_MASTER_NAME", "linli", "LINLI_REDIS_WAIT_REPLICAS", "1"));

    assertThat(redis.waitReplicas()).isEqualTo(1);
  }

  @Test
  void a_setting_that_cannot_work_stops_the_start_with_a_sentence_and_no_password() {
    List.of(
        Map.of("LINLI_REDIS_TYPE", "replication", "LINLI_REDIS_ENDPOINTS", "redis://a:1"),
        Map.of("LINLI_REDIS_TYPE", "cluster"),
        Map.of("LINLI_REDIS_TYPE", "sentinel", "LINLI_REDIS_ENDPOINTS", "redis://a:26379"),
        Map.of("LINLI_REDIS_ENDPOINTS", "redis://a:1,redis://b:1"),
        Map.of("LINLI_REDIS_URL", "redis://a:1", "LINLI_REDIS_ENDPOINTS", "redis://b:1"),
        Map.of("LINLI_REDIS_WAIT_REPLICAS", "1"),
        Map.of("LINLI_REDIS_URL", "redis://a:1", "LINLI_REDIS_WAIT_REPLICAS", "-1"))
        .forEach(env -> assertThatThrownBy(() -> load(env)).as(env.toString())
            .isInstanceOf(SettingsException.class).hasMessageContaining("redis."));
    assertThatThrownBy(() -> load(Map.of("LINLI_REDIS_TYPE", "cluster", "LINLI_REDIS_ENDPOINTS", "tcp://:hunter2@a:1")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("rediss://")
        .hasMessageNotContaining("hunter2");
  }
}
