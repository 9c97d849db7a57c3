package org.linli.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.bot.Waits.eventually;
import static org.linli.bot.Waits.pause;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.consultation.BallotKeys;
import org.linli.bot.redis.RealRedis;
import org.linli.bot.redis.RedisPerClass;
import org.linli.config.Secret;
import org.linli.config.Settings;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;
import org.linli.webhooks.generic.GenericSender;

/**
 * The chat outbox end to end: a real (embedded) Redis, the real generic sender, and a fake
 * community app on loopback that records what it receives. Each test has a queue of its own.
 */
class OutboxTest {

  private static final Duration ZERO = Duration.ZERO;
  private static final String TOKEN = "app-token";
  private static final Sealer KEYS = BallotKeys.ephemeral();

  @RegisterExtension
  static final RedisPerClass server = new RedisPerClass();
  static Vertx vertx;
  static RedisAPI redis;
  static WebClient web;
  static final AtomicInteger queues = new AtomicInteger();

  FakeReceiver app;
  String queue;
  final List<ChatOutbox> started = new ArrayList<>();

  @BeforeAll
  static void start_redis() {
    vertx = server.get().vertx;
    redis = server.api();
    web = WebClient.create(vertx);
  }

  @AfterAll
  static void stop_redis() {
    web.close();
  }

  @BeforeEach
  void start_the_app() {
    app = await(new FakeReceiver().start(vertx));
    queue = "test" + queues.incrementAndGet();
  }

  @AfterEach
  void stop_the_loops() {
    await(Future.all(started.stream().map(ChatOutbox::stop).toList()));
  }

  private static Outbox.Timing timing(Duration lease, Duration... retries) {
    return new Outbox.Timing(Duration.ofMillis(20), List.of(retries), lease, 64, Duration.ofDays(7));
  }

  private ChatOutbox outbox(Outbox.Timing timing) {
    return outbox(vertx, redis, web, timing);
  }

  private ChatOutbox outbox(Vertx on, RedisAPI redis, WebClient web, Outbox.Timing timing) {
    ChatOutbox outbox = new ChatOutbox(on, redis, queue, timing,
        List.of(new GenericSender(web, app.url(), Secret.of(TOKEN), Duration.ofMillis(500))));
    outbox.start();
    started.add(outbox);
    return outbox;
  }

  private static Outgoing message(String text) {
    return new Outgoing("generic", new ChatEvent.Chat("g-1", ChatEvent.ChatType.GROUP),
        new Reply(text, List.of(new Reply.Button("赞成", "vote:p9:1")), false));
  }

  @Test
  void a_message_is_delivered_once_with_its_id_as_idempotency_key() {
    ChatOutbox outbox = outbox(timing(Duration.ofSeconds(5), ZERO));

    assertThat(await(outbox.send("poll:p9", message("投票开始：是否在楼下加装充电桩？")))).isTrue();

    eventually(() -> app.requests.size() == 1);
    FakeReceiver.Request r = app.requests.get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/app/messages");
    assertThat(r.headers()).containsEntry("Idempotency-Key", "poll:p9").containsEntry("Authorization",
        "Bearer " + TOKEN);
    assertThat(r.body()).isEqualTo(new JsonObject("""
        {"id": "poll:p9", "chat": {"id": "g-1", "type": "group"}, "text": "投票开始：是否在楼下加装充电桩？",
         "buttons": [{"label": "赞成", "data": "vote:p9:1"}], "private": false, "forward": false}
        """));
    eventually(() -> await(outbox.outbox().stats()).equals(new Outbox.Stats(0, 0)));
    pause(200);
    assertThat(app.requests).hasSize(1);
  }

  @Test
  void a_receiver_that_fails_twice_gets_the_message_on_the_third_attempt_under_the_same_id() {
    app.script.addAll(List.of(503, 503));
    ChatOutbox outbox = outbox(timing(Duration.ofSeconds(5), ZERO, ZERO, ZERO));

    await(outbox.send("reminder:p9", message("还有一天截止")));

    eventually(() -> app.requests.size() == 3);
    assertThat(app.requests).extracting(FakeReceiver.Request::key).containsOnly("reminder:p9");
    eventually(() -> await(outbox.outbox().stats()).equals(new Outbox.Stats(0, 0)));
    pause(200);
    assertThat(app.requests).hasSize(3);
  }

  @Test
  void a_refused_message_is_a_dead_letter_at_once_and_a_replay_delivers_it() {
    app.otherwise = 400;
    ChatOutbox outbox = outbox(timing(Duration.ofSeconds(5), ZERO, ZERO, ZERO));
    Outgoing note = message("您家的投票已由另一位成员更改");

    await(outbox.send("note:p9:3-1-201", note));

    eventually(() -> await(outbox.outbox().stats()).dead() == 1);
    assertThat(app.requests).hasSize(1);
    List<DeadLetter> dead = await(outbox.outbox().deadLetters(10));
    assertThat(dead).hasSize(1);
    DeadLetter letter = dead.get(0);
    assertThat(letter.id()).isEqualTo("note:p9:3-1-201");
    assertThat(letter.payload()).isEqualTo(note.toJson());
    assertThat(letter.attempts()).isEqualTo(1);
    assertThat(letter.error()).isEqualTo("generic receiver answered 400");
    assertThat(letter.diedAt()).isBetween(Instant.now().minusSeconds(10), Instant.now());
    assertThat(await(outbox.outbox().stats())).isEqualTo(new Outbox.Stats(0, 1));

    app.otherwise = 200;
    assertThat(await(outbox.outbox().replay("note:p9:3-1-201"))).isTrue();

    eventually(() -> app.requests.size() == 2);
    eventually(() -> await(outbox.outbox().stats()).equals(new Outbox.Stats(0, 0)));
    assertThat(app.with("note:p9:3-1-201")).hasSize(2);
    assertThat(await(outbox.outbox().deadLetters(10))).isEmpty();
    assertThat(await(outbox.outbox().replay("note:p9:3-1-201"))).isFalse();
  }

  @Test
  void a_sealed_message_waits_encrypted_under_a_tag_is_delivered_opened_and_stays_sealed_as_a_dead_letter() {
    app.script.add(400);
    ChatOutbox outbox = new ChatOutbox(vertx, redis, queue, timing(Duration.ofSeconds(5), ZERO),
        List.of(new GenericSender(web, app.url(), Secret.of(TOKEN), Duration.ofMillis(500))), KEYS);
    outbox.start();
    started.add(outbox);
    Outgoing receipt = new Outgoing("generic", new ChatEvent.Chat("resident-7", ChatEvent.ChatType.PRIVATE),
        Reply.builder("已记录您的选择：同意。回执码：K7Q2-M4XZ").privately().sealed().build());

    assertThat(await(outbox.send("generic-resident-7-msg9-0", receipt))).isTrue();
    // What Redis holds names neither the chat nor the text; the id is a keyed tag.
    String stored = String.valueOf(await(redis.hgetall("outbox:{" + queue + "}:msg")));
    assertThat(stored).doesNotContain("resident-7", "K7Q2-M4XZ", "generic-resident-7-msg9-0").contains("sealed-");
    assertThat(await(outbox.send("generic-resident-7-msg9-0", receipt))).as("the same id, once").isFalse();

    eventually(() -> await(outbox.outbox().stats()).dead() == 1);
    DeadLetter letter = await(outbox.outbox().deadLetters(10)).get(0);
    assertThat(letter.sealed()).isTrue();
    assertThat(letter.id()).startsWith("sealed-").doesNotContain("resident-7");
    assertThat(letter.toJson().encode()).doesNotContain("resident-7", "K7Q2-M4XZ", "回执码").contains("\"sealed\":true");
    // The receiver got it opened, under the tag as its idempotency key.
    FakeReceiver.Request first = app.requests.get(0);
    assertThat(first.key()).isEqualTo(letter.id());
    assertThat(first.body().getJsonObject("chat").getString("id")).isEqualTo("resident-7");
    assertThat(first.body().getString("text")).contains("K7Q2-M4XZ");

    assertThat(await(outbox.outbox().replay(letter.id()))).isTrue();
    eventually(() -> app.requests.size() == 2 && await(outbox.outbox().stats()).equals(new Outbox.Stats(0, 0)));
    assertThat(app.requests.get(1).body().getString("text")).contains("K7Q2-M4XZ");
    assertThat(String.valueOf(await(redis.keys("outbox:{" + queue + "}:*")))).doesNotContain("resident-7");
  }

  @Test
  void a_sealed_message_that_the_sealing_key_cannot_open_is_a_dead_letter_without_a_delivery() {
    ChatOutbox sealing = new ChatOutbox(vertx, redis, queue, timing(Duration.ofSeconds(5), ZERO), List.of(),
        KEYS);
    Outgoing receipt = new Outgoing("generic", new ChatEvent.Chat("resident-8", ChatEvent.ChatType.PRIVATE),
        Reply.builder("回执码：P3RT-7YQA").privately().sealed().build());
    await(sealing.send("generic-resident-8-msg1-0", receipt));

    // Another instance, started with another sealing key.
    ChatOutbox other = new ChatOutbox(vertx, redis, queue, timing(Duration.ofSeconds(5), ZERO),
        List.of(new GenericSender(web, app.url(), Secret.of(TOKEN), Duration.ofMillis(500))), BallotKeys.ephemeral());
    other.start();
    started.add(other);

    eventually(() -> await(other.outbox().stats()).dead() == 1);
    assertThat(app.requests).isEmpty();
    DeadLetter letter = await(other.outbox().deadLetters(10)).get(0);
    assertThat(letter.error()).contains("cannot open");
    assertThat(letter.toJson().encode()).doesNotContain("resident-8", "P3RT-7YQA");
  }

  @Test
  void an_outbox_without_a_sealing_key_refuses_a_sealed_message_and_stores_nothing() {
    ChatOutbox plain = outbox(timing(Duration.ofSeconds(5), ZERO));
    Outgoing receipt = new Outgoing("generic", new ChatEvent.Chat("resident-9", ChatEvent.ChatType.PRIVATE),
        Reply.builder("回执码：Q2W3-E4R5").privately().sealed().build());

    Future<Boolean> sent = plain.send("generic-resident-9-msg1-0", receipt);
    eventually(sent::isComplete);

    assertThat(sent.failed()).isTrue();
    assertThat(await(redis.hlen("outbox:{" + queue + "}:msg")).toInteger()).isZero();
  }

  @Test
  void a_message_still_failing_after_the_last_retry_is_a_dead_letter() {
    app.otherwise = 503;
    ChatOutbox outbox = outbox(timing(Duration.ofSeconds(5), ZERO, Duration.ofMillis(100)));

    await(outbox.send("result:p9", message("结果：赞成 12 票")));

    eventually(() -> await(outbox.outbox().stats()).dead() == 1);
    assertThat(app.requests).hasSize(3);
    DeadLetter letter = await(outbox.outbox().deadLetters(10)).get(0);
    assertThat(letter.attempts()).isEqualTo(3);
    assertThat(letter.error()).isEqualTo("generic receiver answered 503");
    pause(200);
    assertThat(app.requests).hasSize(3);
  }

  @Test
  void the_same_id_is_sent_once_however_often_it_is_enqueued() {
    ChatOutbox outbox = outbox(timing(Duration.ofSeconds(5), ZERO));

    List<Future<Boolean>> sends = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sends.add(outbox.send("result:p7", message("结果公布")));
    }
    await(Future.all(sends));

    assertThat(sends.stream().filter(Future::result).count()).isEqualTo(1);
    eventually(() -> await(outbox.outbox().stats()).equals(new Outbox.Stats(0, 0)) && app.requests.size() == 1);
    assertThat(await(outbox.send("result:p7", message("结果公布")))).isFalse();
    pause(200);
    assertThat(app.requests).hasSize(1);
  }

  @Test
  void two_instances_on_one_redis_deliver_two_hundred_messages_each_exactly_once() {
    Vertx other = Vertx.vertx();
    Redis otherClient = Redis.createClient(other, new RedisOptions().setConnectionString(server.get().server.url())
        .setMaxPoolSize(16).setMaxPoolWaiting(10_000));
    ChatOutbox second = null;
    try {
      Outbox.Timing timing = new Outbox.Timing(Duration.ofMillis(5), List.of(ZERO), Duration.ofSeconds(5), 16,
          Duration.ofDays(7));
      ChatOutbox first = outbox(timing);
      second = outbox(other, RedisAPI.api(otherClient), WebClient.create(other), timing);

      List<Future<Boolean>> sends = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        sends.add((i % 2 == 0 ? first : second).send("m" + i, message("消息 " + i)));
      }
      await(Future.all(sends));

      eventually(() -> app.perKey.size() == 200 && await(first.outbox().stats()).equals(new Outbox.Stats(0, 0)));
      pause(200);
      assertThat(app.perKey).hasSize(200);
      assertThat(app.perKey.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    } finally {
      if (second != null) {
        started.remove(second);
        await(second.stop());
      }
      otherClient.close();
      await(other.close());
    }
  }

  @Test
  void a_message_in_flight_when_its_instance_dies_is_delivered_by_the_next_after_the_lease() {
    app.script.add(0);
    Duration lease = Duration.ofMillis(800);
    Vertx doomed = Vertx.vertx();
    Redis doomedClient = Redis.createClient(doomed, new RedisOptions().setConnectionString(server.get().server.url()));
    ChatOutbox dying = outbox(doomed, RedisAPI.api(doomedClient), WebClient.create(doomed), timing(lease, ZERO));

    await(dying.send("poll:p5", message("投票开始")));
    eventually(() -> app.requests.size() == 1);
    // The instance dies: it can no longer tell Redis how the attempt ended.
    started.remove(dying);
    dying.stop();
    doomedClient.close();
    await(doomed.close());

    ChatOutbox next = outbox(timing(lease, ZERO));
    eventually(() -> app.requests.size() == 2);
    assertThat(app.requests.get(1).at() - app.requests.get(0).at()).isGreaterThanOrEqualTo(lease.toMillis() - 100);
    assertThat(app.requests).extracting(FakeReceiver.Request::key).containsExactly("poll:p5", "poll:p5");
    eventually(() -> await(next.outbox().stats()).equals(new Outbox.Stats(0, 0)));
    pause(200);
    assertThat(app.requests).hasSize(2);
  }

  @Test
  void messages_for_an_unconfigured_channel_wait_without_spending_their_retries() {
    ChatOutbox outbox = new ChatOutbox(vertx, redis, queue, timing(Duration.ofMillis(100), ZERO),
        List.of(new GenericSender(web, "", Secret.none())));
    outbox.start();
    started.add(outbox);

    await(outbox.send("poll:p4", message("投票开始")));

    pause(600);
    assertThat(await(outbox.outbox().stats())).isEqualTo(new Outbox.Stats(1, 0));
    assertThat(app.requests).isEmpty();
  }

  @Test
  void a_message_for_a_platform_without_a_sender_is_a_dead_letter_at_once() {
    ChatOutbox outbox = outbox(timing(Duration.ofSeconds(5), ZERO, ZERO));
    Outgoing telegram = new Outgoing("telegram", new ChatEvent.Chat("-100", ChatEvent.ChatType.GROUP),
        Reply.text("投票开始"));

    await(outbox.send("poll:p3", telegram));

    eventually(() -> await(outbox.outbox().stats()).dead() == 1);
    DeadLetter letter = await(outbox.outbox().deadLetters(5)).get(0);
    assertThat(letter.error()).isEqualTo("no sender for platform 'telegram'");
    assertThat(letter.attempts()).isEqualTo(1);
  }

  @Test
  void an_attempt_that_outlasts_three_quarters_of_the_lease_is_written_off_before_the_next_begins() {
    // The first request is never answered and the sender would wait 30 s: the outbox gives the
    // attempt up at three quarters of the lease, before any other claim could start a second one.
    app.script.add(0);
    Duration lease = Duration.ofSeconds(1);
    ChatOutbox outbox = new ChatOutbox(vertx, redis, queue, timing(lease, Duration.ofMillis(50)),
        List.of(new GenericSender(web, app.url(), Secret.of(TOKEN), Duration.ofSeconds(30))));
    outbox.start();
    started.add(outbox);

    await(outbox.send("poll:p2", message("投票开始")));

    eventually(() -> app.requests.size() == 2);
    long gap = app.requests.get(1).at() - app.requests.get(0).at();
    assertThat(gap).isBetween(lease.toMillis() * 3 / 4, lease.toMillis());
    eventually(() -> await(outbox.outbox().stats()).equals(new Outbox.Stats(0, 0)));
  }

  @Test
  void the_service_paces_the_outbox_by_its_settings() {
    Outbox.Timing timing = Outbox.Timing.from(new Settings.Outbox(250, List.of(5, 300, 1800)));

    assertThat(timing.poll()).isEqualTo(Duration.ofMillis(250));
    assertThat(timing.retries()).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30));
    assertThat(timing.lease()).isEqualTo(Duration.ofSeconds(60));
    assertThat(timing.keepDelivered()).isEqualTo(Duration.ofDays(7));
  }

  static <T> T await(Future<T> future) {
    return RealRedis.await(future, 30);
  }
}
