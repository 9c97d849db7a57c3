package org.linli.bot.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.bot.redis.RealRedis.await;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Claims on platform events, against a real (embedded) Redis. */
class RedisDeduplicatorTest {

  @RegisterExtension
  static final RedisPerClass redis = new RedisPerClass();

  @Test
  void a_released_claim_lets_the_next_delivery_handle_the_event() {
    RedisDeduplicator dedupe = new RedisDeduplicator(redis.api());

    assertThat(await(dedupe.claim("test:e1"))).isTrue();
    await(dedupe.release("test:e1"));

    assertThat(await(dedupe.claim("test:e1"))).isTrue();
    await(dedupe.done("test:e1"));
    assertThat(await(dedupe.claim("test:e1"))).isFalse();
  }

  @Test
  void a_late_release_keeps_the_done_mark_of_a_call_that_handled_the_event_after_the_lease_lapsed() {
    RedisDeduplicator dedupe = new RedisDeduplicator(redis.api());
    assertThat(await(dedupe.claim("test:e2"))).isTrue();
    // The first call's lease lapses while it is still at work; a redelivery claims and handles it.
    await(redis.api().del(List.of("dedupe:{events}:test:e2")));
    assertThat(await(dedupe.claim("test:e2"))).isTrue();
    await(dedupe.done("test:e2"));

    // The first call then fails and gives its claim up: the event stays done.
    await(dedupe.release("test:e2"));

    assertThat(await(dedupe.claim("test:e2"))).isFalse();
  }
}
