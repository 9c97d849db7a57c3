package org.linli.bot.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.bot.redis.RealRedis.await;

import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One instance at a time runs the task, against a real (embedded) Redis. */
class LeadershipTest {

  @TempDir
  static Path data;
  static RealRedis server;

  @BeforeAll
  static void start() {
    server = RealRedis.start(data);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void the_first_instance_leads_the_second_waits_and_a_third_takes_over_once_the_first_stops() throws Exception {
    CompletableFuture<Void> firstLeads = new CompletableFuture<>();
    CompletableFuture<Void> thirdLeads = new CompletableFuture<>();
    AtomicInteger secondStarted = new AtomicInteger();
    Leadership first = new Leadership(server.api, "test:{poller}", () -> done(firstLeads), Future::succeededFuture);
    Leadership second = new Leadership(server.api, "test:{poller}", () -> {
      secondStarted.incrementAndGet();
      return Future.succeededFuture();
    }, Future::succeededFuture);
    Leadership third = new Leadership(server.api, "test:{poller}", () -> done(thirdLeads), Future::succeededFuture);

    first.start(server.vertx);
    firstLeads.get(10, TimeUnit.SECONDS);
    second.start(server.vertx);
    // The second's first check has run once its renewal script answered; the key is still the first's.
    await(server.api.ping(List.of()));
    Thread.sleep(200);
    assertThat(secondStarted).hasValue(0);
    assertThat(await(server.api.pttl("test:{poller}")).toLong()).isBetween(1L, 30_000L);

    await(first.stop());
    await(second.stop());
    third.start(server.vertx);

    thirdLeads.get(10, TimeUnit.SECONDS);
    assertThat(secondStarted).hasValue(0);
    await(third.stop());
    assertThat(await(server.api.exists(List.of("test:{poller}"))).toInteger()).isZero();
  }

  private static Future<Void> done(CompletableFuture<Void> signal) {
    signal.complete(null);
    return Future.succeededFuture();
  }
}
