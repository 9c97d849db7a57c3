package org.linli.bot.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.bot.redis.RealRedis.await;

import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One instance at a time runs the task, against a real (embedded) Redis. */
class LeadershipTest {

  @RegisterExtension
  static final RedisPerClass redis = new RedisPerClass();

  @Test
  void the_first_instance_leads_the_second_waits_and_a_third_takes_over_once_the_first_stops() throws Exception {
    CompletableFuture<Void> firstLeads = new CompletableFuture<>();
    CompletableFuture<Void> thirdLeads = new CompletableFuture<>();
    AtomicInteger secondStarted = new AtomicInteger();
    Leadership first = new Leadership(redis.api(), "test:{poller}", () -> done(firstLeads), Future::succeededFuture);
    Leadership second = new Leadership(redis.api(), "test:{poller}", () -> {
      secondStarted.incrementAndGet();
      return Future.succeededFuture();
    }, Future::succeededFuture);
    Leadership third = new Leadership(redis.api(), "test:{poller}", () -> done(thirdLeads), Future::succeededFuture);

    first.start(redis.get().vertx);
    firstLeads.get(10, TimeUnit.SECONDS);
    second.start(redis.get().vertx);
    // The second's first check has run once its renewal script answered; the key is still the first's.
    await(redis.api().ping(List.of()));
    Thread.sleep(200);
    assertThat(secondStarted).hasValue(0);
    assertThat(await(redis.api().pttl("test:{poller}")).toLong()).isBetween(1L, 30_000L);

    await(first.stop());
    await(second.stop());
    third.start(redis.get().vertx);

    thirdLeads.get(10, TimeUnit.SECONDS);
    assertThat(secondStarted).hasValue(0);
    await(third.stop());
    assertThat(await(redis.api().exists(List.of("test:{poller}"))).toInteger()).isZero();
  }

  private static Future<Void> done(CompletableFuture<Void> signal) {
    signal.complete(null);
    return Future.succeededFuture();
  }
}
