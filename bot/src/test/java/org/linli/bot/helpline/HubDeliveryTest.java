package org.linli.bot.helpline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.bot.Waits.eventually;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.redis.client.RedisAPI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.outbox.DeadLetter;
import org.linli.bot.outbox.Outbox;
import org.linli.bot.redis.RedisPerClass;
import org.linli.config.Secret;
import org.linli.webhooks.ChannelSender.SendFailure;
import org.linli.webhooks.hub.FakeHub;
import org.linli.webhooks.hub.FakeHub.Answer;
import org.linli.webhooks.hub.HubClient;
import org.linli.webhooks.hub.HubSender;
import org.linli.webhooks.hub.Open311Receipt;
import org.linli.webhooks.hub.Open311Sender;
import org.linli.webhooks.hub.StandardWebhooks;

/**
 * Hub deliveries through the real outbox, a real Redis and a fake hub on loopback that accepts
 * connections and never answers: every dead letter was really sent (the hub saw each of its
 * attempts), whatever the pool; and an Open311 retry after a timeout finds the request the hub
 * filed instead of filing it twice. Timeouts are short so the tests run in seconds; the property
 * is the one of a hub silent for 60 s with the 15 s request timeout.
 */
class HubDeliveryTest {

  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(300);

  @RegisterExtension
  static final RedisPerClass server = new RedisPerClass();
  static Vertx vertx;
  static RedisAPI redis;
  static final AtomicInteger queues = new AtomicInteger();

  FakeHub hub;
  String queue;
  final List<Outbox> started = new ArrayList<>();
  final List<WebClient> clients = new ArrayList<>();

  @BeforeAll
  static void start_redis() {
    vertx = server.get().vertx;
    redis = server.api();
  }

  @BeforeEach
  void start_the_hub() {
    hub = await(new FakeHub().start(vertx));
    queue = "hubtest" + queues.incrementAndGet();
  }

  @AfterEach
  void stop() {
    await(Future.all(started.stream().map(Outbox::stop).toList()));
    clients.forEach(WebClient::close);
    await(hub.close());
  }

  private Outbox outbox(HubSender sender, int batch) {
    HubDelivery delivery = new HubDelivery(sender, null, "", new HubState(redis), (r, f) -> Future.succeededFuture(),
        Clock.systemUTC());
    // Three attempts; the lease leaves room for the request timeout, as the service's 60 s do for 15 s.
    Outbox.Timing timing = new Outbox.Timing(Duration.ofMillis(20), List.of(Duration.ZERO, Duration.ZERO),
        Duration.ofSeconds(2), batch, Duration.ofDays(1));
    Outbox outbox = new Outbox(vertx, redis, queue, timing, delivery);
    outbox.start();
    started.add(outbox);
    return outbox;
  }

  private List<DeadLetter> allDead(Outbox outbox, int messages) {
    List<DeadLetter> dead = new ArrayList<>();
    eventually(() -> {
      dead.clear();
      dead.addAll(await(outbox.deadLetters(messages * 2)));
      return dead.size() == messages;
    }, Duration.ofSeconds(60), () -> "dead letters: " + dead.size() + " of " + messages);
    return dead;
  }

  /** How many requests the hub saw for each webhook-id. */
  private Map<String, Integer> seenById() {
    Map<String, Integer> seen = new HashMap<>();
    hub.received().forEach(r -> seen.merge(r.webhookId(), 1, Integer::sum));
    return seen;
  }

  private static JsonObject event(String receipt) {
    return new JsonObject().put("type", HubEvents.CREATED).put("receipt", receipt)
        .put("data", new JsonObject().put("receipt", receipt).put("text", "楼道灯坏了"));
  }

  @Test
  void a_hub_that_never_answers_leaves_no_dead_letter_that_was_never_sent_with_a_pool_as_wide_as_the_batch() {
    hub.answer(Answer.of(0));
    int batch = 64;
    HubSender sender = new HubSender(HubClient.create(vertx, batch, Duration.ofSeconds(1)), hub.url(),
        new StandardWebhooks(Secret.of(SECRET)), Clock.systemUTC(), REQUEST_TIMEOUT);
    Outbox outbox = outbox(sender, batch);
    int messages = 150;
    for (int i = 0; i < messages; i++) {
      assertThat(await(outbox.enqueue("msg_20261125-" + (1000 + i) + "_created", event("20261125-" + (1000 + i)))))
          .isTrue();
    }

    List<DeadLetter> dead = allDead(outbox, messages);

    Map<String, Integer> seen = seenById();
    for (DeadLetter letter : dead) {
      assertThat(letter.attempts()).as(letter.id()).isEqualTo(3);
      assertThat(letter.error()).as(letter.id()).doesNotContain("getting a connection");
      assertThat(seen.getOrDefault(letter.id(), 0)).as("requests the hub saw for " + letter.id())
          .isEqualTo(letter.attempts());
    }
  }

  @Test
  void with_fewer_connections_than_deliveries_in_flight_a_busy_pool_spends_no_attempt() {
    hub.answer(Answer.of(0));
    WebClient web = WebClient.create(vertx); // the default pool: 5 connections
    clients.add(web);
    HubSender sender = new HubSender(web, hub.url(), new StandardWebhooks(Secret.of(SECRET)), Clock.systemUTC(),
        REQUEST_TIMEOUT);
    Outbox outbox = outbox(sender, 64);
    int messages = 20;
    for (int i = 0; i < messages; i++) {
      await(outbox.enqueue("msg_20261126-" + (1000 + i) + "_created", event("20261126-" + (1000 + i))));
    }

    List<DeadLetter> dead = allDead(outbox, messages);

    Map<String, Integer> seen = seenById();
    for (DeadLetter letter : dead) {
      assertThat(letter.attempts()).as(letter.id()).isEqualTo(3);
      assertThat(seen.getOrDefault(letter.id(), 0)).as("requests the hub saw for " + letter.id()).isEqualTo(3);
    }
  }

  @Test
  void an_open311_retry_after_a_timeout_finds_the_request_the_hub_filed_and_does_not_file_it_twice() {
    String receipt = "20261125-0042";
    hub.answer(Answer.of(0),
        Answer.of(200, "[{\"service_request_id\":\"900001\",\"description\":\"[20261125-0041] 别的\"},"
            + "{\"service_request_id\":\"638344\",\"description\":\"[" + receipt + "] 3号楼楼道灯坏了\"}]"));
    Map<String, Open311Receipt> filed = new ConcurrentHashMap<>();
    HubDelivery delivery = open311(filed);
    JsonObject event = open311Event(receipt);

    Throwable first = awaitFailure(delivery.deliver(HubEvents.id("created", receipt), event, 1));
    await(delivery.deliver(HubEvents.id("created", receipt), event, 2));

    assertThat(first).isInstanceOf(SendFailure.class);
    assertThat(hub.received()).extracting(FakeHub.Received::method).containsExactly("POST", "GET");
    assertThat(hub.received().get(1).path()).isEqualTo("/open311/requests.json");
    assertThat(filed).containsEntry(receipt, new Open311Receipt("638344", ""));
  }

  @Test
  void an_open311_retry_files_the_request_when_the_hub_lists_none_for_the_receipt() {
    String receipt = "20261125-0043";
    hub.answer(Answer.of(0),
        Answer.of(200, "[{\"service_request_id\":\"900001\",\"description\":\"[20261125-0041] 别的\"}]"),
        Answer.of(200, "[{\"service_request_id\":\"638345\"}]"));
    Map<String, Open311Receipt> filed = new ConcurrentHashMap<>();
    HubDelivery delivery = open311(filed);
    JsonObject event = open311Event(receipt);

    awaitFailure(delivery.deliver(HubEvents.id("created", receipt), event, 1));
    await(delivery.deliver(HubEvents.id("created", receipt), event, 2));

    assertThat(hub.received()).extracting(FakeHub.Received::method).containsExactly("POST", "GET", "POST");
    assertThat(new String(hub.received().get(2).body(), StandardCharsets.UTF_8)).contains("description=");
    assertThat(filed).containsEntry(receipt, new Open311Receipt("638345", ""));
  }

  private HubDelivery open311(Map<String, Open311Receipt> filed) {
    Open311Sender sender = new Open311Sender(HubClient.create(vertx, 4, Duration.ofSeconds(1)),
        hub.url("/open311"), Secret.of("open311-key"), Clock.systemUTC(), REQUEST_TIMEOUT);
    return new HubDelivery(null, sender, "community", new HubState(redis), (r, f) -> {
      filed.put(r, f);
      return Future.succeededFuture();
    }, Clock.systemUTC());
  }

  private static JsonObject open311Event(String receipt) {
    return new JsonObject().put("type", HubEvents.CREATED).put("data", new JsonObject().put("receipt", receipt)
        .put("text", "3号楼楼道灯坏了").put("category", "repair").put("createdAt", Instant.now().toString()));
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Throwable awaitFailure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError("expected a failure");
  }
}
