package org.linli.webhooks.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.linli.config.Secret;
import org.linli.webhooks.hub.Verification.Reason;

class StandardWebhooksTest {

  // The test vector published with the Standard Webhooks reference libraries.
  private static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long VECTOR_TIMESTAMP = 1614265330;
  private static final byte[] VECTOR_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  private static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  private static final String SECRET = StandardWebhooks.newSecret();
  private static final StandardWebhooks WEBHOOKS = new StandardWebhooks(Secret.of(SECRET));
  private static final Instant NOW = Instant.ofEpochSecond(1_760_000_000L);
  private static final String TS = Long.toString(NOW.getEpochSecond());
  private static final byte[] TICKET = """
      {"ticket":"T-20250611-0042","category":"水电维修","text":"3号楼2单元楼道灯坏了，老人晚上看不见。","phone":"13800138000"}"""
      .getBytes(StandardCharsets.UTF_8);

  @Test
  void signing_reproduces_the_published_test_vector() {
    StandardWebhooks vector = new StandardWebhooks(Secret.of(VECTOR_SECRET));

    assertThat(vector.sign(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY)).isEqualTo(VECTOR_SIGNATURE);
  }

  @Test
  void the_published_test_vector_verifies_at_its_own_time() {
    StandardWebhooks vector = new StandardWebhooks(Secret.of(VECTOR_SECRET));

    Verification v = vector.verify(VECTOR_ID, Long.toString(VECTOR_TIMESTAMP), VECTOR_SIGNATURE, VECTOR_BODY,
        Instant.ofEpochSecond(VECTOR_TIMESTAMP + 30));

    assertThat(v.ok()).isTrue();
    assertThat(v.webhookId()).isEqualTo(VECTOR_ID);
  }

  @Test
  void the_independent_implementation_agrees_with_the_published_test_vector() {
    assertThat(SpecSignature.of(VECTOR_SECRET, VECTOR_ID, Long.toString(VECTOR_TIMESTAMP), VECTOR_BODY))
        .isEqualTo(VECTOR_SIGNATURE);
  }

  @Test
  void a_chinese_body_is_signed_over_its_exact_utf8_bytes_as_an_independent_implementation_computes() {
    String id = StandardWebhooks.newMessageId();

    assertThat(WEBHOOKS.sign(id, NOW.getEpochSecond(), TICKET)).isEqualTo(SpecSignature.of(SECRET, id, TS, TICKET));
  }

  @Test
  void bytes_that_are_not_valid_utf8_are_signed_as_they_are() {
    // Half a Chinese character: decoding to a String and back would change these bytes.
    byte[] broken = {'{', '"', 't', '"', ':', '"', (byte) 0xE6, (byte) 0xB0, '"', '}'};

    String signature = WEBHOOKS.sign("msg_1", NOW.getEpochSecond(), broken);

    assertThat(signature).isEqualTo(SpecSignature.of(SECRET, "msg_1", TS, broken));
    assertThat(WEBHOOKS.verify("msg_1", TS, signature, broken, NOW).ok()).isTrue();
  }

  @Test
  void a_webhook_signed_by_the_independent_implementation_is_accepted() {
    Verification v = WEBHOOKS.verify("msg_abc", TS, SpecSignature.of(SECRET, "msg_abc", TS, TICKET), TICKET, NOW);

    assertThat(v.ok()).isTrue();
    assertThat(v.reason()).isNull();
  }

  @Test
  void a_timestamp_within_five_minutes_either_way_is_accepted_and_beyond_is_refused() {
    for (long offset : new long[]{-300, 300}) {
      String ts = Long.toString(NOW.getEpochSecond() + offset);
      assertThat(WEBHOOKS.verify("msg_1", ts, SpecSignature.of(SECRET, "msg_1", ts, TICKET), TICKET, NOW).ok())
          .as("offset %d", offset).isTrue();
    }
    String stale = Long.toString(NOW.getEpochSecond() - 301);
    String future = Long.toString(NOW.getEpochSecond() + 301);

    Verification old = WEBHOOKS.verify("msg_1", stale, SpecSignature.of(SECRET, "msg_1", stale, TICKET), TICKET, NOW);
    Verification ahead = WEBHOOKS.verify("msg_1", future, SpecSignature.of(SECRET, "msg_1", future, TICKET), TICKET,
        NOW);

    assertThat(old.reason()).isEqualTo(Reason.TIMESTAMP_TOO_OLD);
    assertThat(old.detail()).contains("301 s old");
    assertThat(ahead.reason()).isEqualTo(Reason.TIMESTAMP_IN_THE_FUTURE);
  }

  @Test
  void the_tolerance_is_a_constructor_parameter() {
    StandardWebhooks strict = new StandardWebhooks(Secret.of(SECRET), Duration.ofSeconds(10));
    String ts = Long.toString(NOW.getEpochSecond() - 11);

    assertThat(strict.verify("msg_1", ts, strict.sign("msg_1", NOW.getEpochSecond() - 11, TICKET), TICKET, NOW)
        .reason()).isEqualTo(Reason.TIMESTAMP_TOO_OLD);
  }

  @Test
  void a_tampered_body_is_refused() {
    String signature = WEBHOOKS.sign("msg_1", NOW.getEpochSecond(), TICKET);
    byte[] tampered = new String(TICKET, StandardCharsets.UTF_8).replace("13800138000", "13900139000")
        .getBytes(StandardCharsets.UTF_8);

    assertThat(WEBHOOKS.verify("msg_1", TS, signature, tampered, NOW).reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  void a_changed_id_or_timestamp_is_refused() {
    String signature = WEBHOOKS.sign("msg_1", NOW.getEpochSecond(), TICKET);
    String laterTs = Long.toString(NOW.getEpochSecond() + 1);

    assertThat(WEBHOOKS.verify("msg_2", TS, signature, TICKET, NOW).reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
    assertThat(WEBHOOKS.verify("msg_1", laterTs, signature, TICKET, NOW).reason())
        .isEqualTo(Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  void a_signature_made_with_another_secret_is_refused() {
    String other = StandardWebhooks.newSecret();

    Verification v = WEBHOOKS.verify("msg_1", TS, SpecSignature.of(other, "msg_1", TS, TICKET), TICKET, NOW);

    assertThat(v.ok()).isFalse();
    assertThat(v.reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  void one_matching_signature_among_several_is_enough_as_during_a_secret_rotation() {
    String old = SpecSignature.of(StandardWebhooks.newSecret(), "msg_1", TS, TICKET);
    String current = SpecSignature.of(SECRET, "msg_1", TS, TICKET);
    String asymmetric = "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg==";

    assertThat(WEBHOOKS.verify("msg_1", TS, old + " " + asymmetric + "  " + current, TICKET, NOW).ok()).isTrue();
    assertThat(WEBHOOKS.verify("msg_1", TS, old + " " + asymmetric + " v1,not*base64", TICKET, NOW).reason())
        .isEqualTo(Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  void a_valid_signature_under_another_version_label_is_refused() {
    String v2 = "v2," + SpecSignature.of(SECRET, "msg_1", TS, TICKET).substring(3);

    assertThat(WEBHOOKS.verify("msg_1", TS, v2, TICKET, NOW).reason()).isEqualTo(Reason.NO_MATCHING_SIGNATURE);
  }

  @Test
  void a_missing_header_is_named() {
    String signature = WEBHOOKS.sign("msg_1", NOW.getEpochSecond(), TICKET);

    assertThat(WEBHOOKS.verify(null, TS, signature, TICKET, NOW).detail()).isEqualTo("webhook-id header missing");
    assertThat(WEBHOOKS.verify("msg_1", " ", signature, TICKET, NOW).detail())
        .isEqualTo("webhook-timestamp header missing");
    assertThat(WEBHOOKS.verify("msg_1", TS, null, TICKET, NOW).detail()).isEqualTo("webhook-signature header missing");
    assertThat(WEBHOOKS.verify("msg_1", TS, null, TICKET, NOW).reason()).isEqualTo(Reason.MISSING_HEADER);
  }

  @Test
  void a_timestamp_that_is_not_a_whole_number_of_seconds_is_refused() {
    for (String ts : new String[]{"2025-06-11T10:00:00Z", "1760000000.5", "-1760000000", "1e9",
        "99999999999999999999"}) {
      assertThat(WEBHOOKS.verify("msg_1", ts, "v1,AAAA", TICKET, NOW).reason()).as(ts)
          .isEqualTo(Reason.TIMESTAMP_NOT_A_NUMBER);
    }
  }

  @Test
  void a_secret_without_the_prefix_is_refused_with_a_message_that_does_not_repeat_it() {
    String bare = VECTOR_SECRET.substring("whsec_".length());

    assertThatThrownBy(() -> new StandardWebhooks(Secret.of(bare)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must start with whsec_")
        .message().doesNotContain(bare);
  }

  @Test
  void a_secret_with_bad_base64_is_refused_with_a_message_that_does_not_repeat_it() {
    String bad = "whsec_not!base64*at-all";

    assertThatThrownBy(() -> new StandardWebhooks(Secret.of(bad)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not valid base64")
        .message().doesNotContain("not!base64").doesNotContain("!");
  }

  @Test
  void a_secret_shorter_than_the_specification_allows_or_unset_is_refused() {
    String shortKey = "whsec_" + Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(() -> new StandardWebhooks(Secret.of(shortKey)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 24");
    assertThatThrownBy(() -> new StandardWebhooks(Secret.none()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not set");
  }

  @Test
  void new_secrets_are_whsec_and_24_random_bytes_and_new_ids_are_url_safe() {
    String secret = StandardWebhooks.newSecret();
    String id = StandardWebhooks.newMessageId();

    assertThat(secret).startsWith("whsec_").isNotEqualTo(StandardWebhooks.newSecret());
    assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(24);
    assertThat(id).matches("msg_[A-Za-z0-9_-]{24}").isNotEqualTo(StandardWebhooks.newMessageId());
  }

  @Test
  void an_id_with_a_full_stop_or_a_space_cannot_be_signed() {
    for (String id : new String[]{"ticket.42", "ticket 42", "", "ticket\r\n42"}) {
      assertThatThrownBy(() -> WEBHOOKS.sign(id, 1, TICKET)).as(id).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(WEBHOOKS.sign("ticket:T-42:created", 1, TICKET)).startsWith("v1,");
  }
}
