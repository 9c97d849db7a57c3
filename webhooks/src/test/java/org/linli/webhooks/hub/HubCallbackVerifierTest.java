package org.linli.webhooks.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.linli.config.Secret;
import org.linli.webhooks.SettableClock;
import org.linli.webhooks.hub.Verification.Reason;

/** The check the bot's {@code POST /webhooks/hub} route runs before it reads a status update. */
class HubCallbackVerifierTest {

  private static final String SECRET = StandardWebhooks.newSecret();
  private static final byte[] UPDATE = """
      {"type":"ticket.status","ticket":"T-20250611-0042","receipt":"638344","status":"处理中","note":"师傅下午两点上门"}"""
      .getBytes(StandardCharsets.UTF_8);

  private final SettableClock clock = new SettableClock(Instant.parse("2025-06-11T06:00:00Z"));
  private final HubCallbackVerifier verifier = new HubCallbackVerifier(Secret.of(SECRET), clock);

  private MultiMap headersSignedAt(Instant at, String id) {
    String ts = Long.toString(at.getEpochSecond());
    return MultiMap.caseInsensitiveMultiMap()
        .add("Webhook-Id", id)
        .add("Webhook-Timestamp", ts)
        .add("Webhook-Signature", SpecSignature.of(SECRET, id, ts, UPDATE));
  }

  @Test
  void an_update_signed_by_the_hub_is_accepted_and_its_id_exposed_for_replay_protection() {
    Verification v = verifier.verify(headersSignedAt(clock.instant(), "msg_hub_771"), Buffer.buffer(UPDATE));

    assertThat(v.ok()).isTrue();
    assertThat(v.webhookId()).isEqualTo("msg_hub_771");
  }

  @Test
  void an_update_replayed_six_minutes_later_is_refused_as_too_old() {
    MultiMap headers = headersSignedAt(clock.instant(), "msg_hub_771");
    clock.advance(Duration.ofMinutes(6));

    Verification v = verifier.verify(headers, Buffer.buffer(UPDATE));

    assertThat(v.reason()).isEqualTo(Reason.TIMESTAMP_TOO_OLD);
    assertThat(v.webhookId()).isEqualTo("msg_hub_771");
  }

  @Test
  void an_update_whose_body_was_changed_on_the_way_is_refused() {
    byte[] changed = new String(UPDATE, StandardCharsets.UTF_8).replace("处理中", "已办结").getBytes(StandardCharsets.UTF_8);

    Verification v = verifier.verify(headersSignedAt(clock.instant(), "msg_hub_771"), Buffer.buffer(changed));

    assertThat(v.ok()).isFalse();
    assertThat(v.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  void an_update_without_the_signature_header_is_refused_and_the_missing_header_named() {
    MultiMap headers = headersSignedAt(clock.instant(), "msg_hub_771").remove("webhook-signature");

    Verification v = verifier.verify(headers, Buffer.buffer(UPDATE));

    assertThat(v.reason()).isEqualTo(Reason.MISSING_HEADER);
    assertThat(v.detail()).isEqualTo("webhook-signature header missing");
  }

  @Test
  void without_a_secret_every_update_is_refused() {
    HubCallbackVerifier unset = new HubCallbackVerifier(Secret.none(), clock);

    Verification v = unset.verify(headersSignedAt(clock.instant(), "msg_hub_771"), Buffer.buffer(UPDATE));

    assertThat(v.reason()).isEqualTo(Reason.NOT_CONFIGURED);
  }

  @Test
  void a_malformed_secret_is_refused_when_the_verifier_is_built() {
    assertThatThrownBy(() -> new HubCallbackVerifier(Secret.of("hub-shared-password"), clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whsec_")
        .message().doesNotContain("hub-shared-password");
  }
}
