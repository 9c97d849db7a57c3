package org.linli.webhooks.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.webhooks.Futures.await;
import static org.linli.webhooks.Futures.failure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linli.config.Secret;
import org.linli.webhooks.ChannelSender.SendFailure;
import org.linli.webhooks.Loopback;
import org.linli.webhooks.SettableClock;
import org.linli.webhooks.hub.FakeHub.Answer;
import org.linli.webhooks.hub.FakeHub.Received;

/** The Standard Webhooks sender against a fake hub on loopback. */
class HubSenderTest {

  private static final String SECRET = StandardWebhooks.newSecret();
  private static final String ID = "ticket:T-20250611-0042:created";
  private static final byte[] EVENT = """
      {"type":"ticket.created","ticket":{"id":"T-20250611-0042","category":"水电维修",\
      "text":"3号楼2单元楼道灯坏了，老人晚上看不见。","phone":"13800138000"}}"""
      .getBytes(StandardCharsets.UTF_8);

  @RegisterExtension
  final Loopback loopback = new Loopback();
  private final SettableClock clock = new SettableClock(Instant.parse("2025-06-11T02:00:00Z"));
  private FakeHub hub;

  @BeforeEach
  void start_the_fake_hub() {
    hub = loopback.start(new FakeHub()::start);
  }

  private HubSender sender() {
    return new HubSender(loopback.client(), hub.url("/linli/events"),
        new StandardWebhooks(Secret.of(SECRET)), clock, Duration.ofMillis(500));
  }

  @Test
  void an_event_is_posted_as_the_exact_bytes_given_with_the_three_standard_webhooks_headers() {
    await(sender().send(ID, EVENT));

    assertThat(hub.received()).hasSize(1);
    Received r = hub.received().get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/linli/events");
    assertThat(r.body()).isEqualTo(EVENT);
    assertThat(r.headers()).containsEntry("Content-Type", "application/json")
        .containsEntry("webhook-id", ID)
        .containsEntry("webhook-timestamp", "1749607200");
    assertThat(r.headers().get("webhook-signature")).isEqualTo(SpecSignature.of(SECRET, ID, "1749607200", r.body()));
  }

  @Test
  void a_hub_refusing_twice_with_503_sees_the_same_id_each_time_freshly_signed_and_then_accepts() {
    hub.answer(Answer.of(503), Answer.of(503), Answer.of(202));
    HubSender sender = sender();

    SendFailure first = failure(sender.send(ID, EVENT), SendFailure.class);
    clock.advance(Duration.ofSeconds(5));
    SendFailure second = failure(sender.send(ID, EVENT), SendFailure.class);
    clock.advance(Duration.ofMinutes(5));
    await(sender.send(ID, EVENT));

    assertThat(first.permanent()).isFalse();
    assertThat(second.permanent()).isFalse();
    assertThat(first.getMessage()).contains("503").contains(ID);
    assertThat(hub.received()).hasSize(3);
    assertThat(hub.received()).extracting(r -> r.headers().get("webhook-id")).containsOnly(ID);
    assertThat(hub.received()).extracting(r -> r.headers().get("webhook-timestamp"))
        .containsExactly("1749607200", "1749607205", "1749607505");
    for (Received r : hub.received()) {
      assertThat(r.body()).isEqualTo(EVENT);
      assertThat(r.headers().get("webhook-signature"))
          .isEqualTo(
              SpecSignature.of(SECRET, r.headers().get("webhook-id"), r.headers().get("webhook-timestamp"), r.body()));
    }
  }

  @Test
  void what_the_hub_receives_passes_the_callback_verifier_the_hub_side_would_run() {
    await(sender().send(ID, EVENT));
    Received r = hub.received().get(0);

    Verification v = new HubCallbackVerifier(Secret.of(SECRET), clock)
        .verify(r.headers().get("webhook-id"), r.headers().get("webhook-timestamp"),
            r.headers().get("webhook-signature"), r.body());

    assertThat(v.ok()).isTrue();
  }

  @Test
  void a_hub_answering_410_gone_fails_with_hub_gone() {
    hub.answer(Answer.of(410));

    HubGone gone = failure(sender().send(ID, EVENT), HubGone.class);

    assertThat(gone.permanent()).isTrue();
    assertThat(gone.webhookId()).isEqualTo(ID);
    assertThat(gone.getMessage()).contains("410");
  }

  @Test
  void a_hub_answering_400_is_a_permanent_failure_whose_message_quotes_no_body() {
    hub.answer(Answer.of(400, "{\"error\":\"bad phone 13800138000\"}"));

    SendFailure failure = failure(sender().send(ID, EVENT), SendFailure.class);

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.getMessage()).contains("400").doesNotContain("13800138000");
  }

  @ParameterizedTest(name = "status {0}")
  @ValueSource(ints = {401, 403, 404, 413, 422, 301, 307})
  void other_client_errors_and_redirects_are_permanent(int status) {
    hub.answer(new Answer(status, Map.of("Location", hub.url("/elsewhere")), ""));

    assertThat(failure(sender().send(ID, EVENT), SendFailure.class).permanent()).as("status %d", status).isTrue();
    assertThat(hub.received()).extracting(Received::path).containsOnly("/linli/events");
  }

  @Test
  void a_429_with_retry_after_7_is_temporary_and_asks_for_7_seconds() {
    hub.answer(new Answer(429, Map.of("Retry-After", "7"), ""));

    SendFailure failure = failure(sender().send(ID, EVENT), SendFailure.class);

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.retryAfterSeconds()).isEqualTo(7);
  }

  @Test
  void a_503_with_retry_after_as_a_date_asks_for_the_seconds_until_then() {
    hub.answer(new Answer(503, Map.of("Retry-After", "Wed, 11 Jun 2025 02:02:00 GMT"), ""));

    assertThat(failure(sender().send(ID, EVENT), SendFailure.class).retryAfterSeconds()).isEqualTo(120);
  }

  @ParameterizedTest(name = "status {0}")
  @ValueSource(ints = {408, 500, 502, 504, 0})
  void timeouts_408_and_other_server_errors_are_temporary(int status) {
    hub.answer(Answer.of(status));

    SendFailure failure = failure(sender().send(ID, EVENT), SendFailure.class);

    assertThat(failure.permanent()).as("status %d", status).isFalse();
    assertThat(failure.retryAfterSeconds()).isZero();
  }

  @Test
  void an_unreachable_hub_is_a_temporary_failure() {
    await(hub.close());

    SendFailure failure = failure(sender().send(ID, EVENT), SendFailure.class);

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.getMessage()).startsWith("hub unreachable for " + ID);
  }

  @Test
  void an_id_that_cannot_be_signed_is_refused_permanently_and_nothing_is_sent() {
    SendFailure failure = failure(sender().send("ticket.42", EVENT), SendFailure.class);

    assertThat(failure.permanent()).isTrue();
    assertThat(hub.received()).isEmpty();
  }

  @Test
  void without_a_hub_url_the_sender_is_not_configured_and_sends_nothing() {
    HubSender unset = new HubSender(loopback.client(), " ", new StandardWebhooks(Secret.of(SECRET)));

    assertThat(unset.configured()).isFalse();
    assertThat(failure(unset.send(ID, EVENT), SendFailure.class).permanent()).isFalse();
    assertThat(sender().configured()).isTrue();
    assertThat(hub.received()).isEmpty();
  }

}
