package org.linli.bot.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.linli.bot.outbox.RetryPolicy.Kind;
import org.linli.webhooks.ChannelSender.SendFailure;

/** What happens to a message after a failed attempt, on the Standard Webhooks schedule. */
class RetryPolicyTest {

  private final RetryPolicy policy = new RetryPolicy(
      List.of(5, 300, 1800, 7200, 18000, 36000, 36000).stream().map(s -> Duration.ofSeconds(s)).toList(),
      Duration.ofSeconds(60));

  @Test
  void each_retry_waits_the_next_delay_of_the_schedule_give_or_take_ten_percent() {
    for (int i = 0; i < 200; i++) {
      assertThat(policy.decide(1, new SendFailure("generic receiver answered 503", false)).delayMillis())
          .isBetween(4_500L, 5_500L);
      assertThat(policy.decide(2, new IllegalStateException()).delayMillis()).isBetween(270_000L, 330_000L);
    }
    assertThat(policy.decide(7, new SendFailure("x", false)).kind()).isEqualTo(Kind.RETRY);
  }

  @Test
  void after_the_eighth_attempt_the_message_is_a_dead_letter() {
    RetryPolicy.Decision last = policy.decide(8, new SendFailure("generic receiver answered 503", false));

    assertThat(last.kind()).isEqualTo(Kind.EXHAUSTED);
    assertThat(last.error()).isEqualTo("generic receiver answered 503");
  }

  @Test
  void a_refusal_is_a_dead_letter_at_once_whoever_refuses() {
    assertThat(policy.decide(1, new SendFailure("generic receiver answered 400", true)).kind()).isEqualTo(Kind.REFUSED);
    assertThat(policy.decide(1, new PermanentFailure("hub answered 410")).kind()).isEqualTo(Kind.REFUSED);
  }

  @Test
  void a_receiver_asking_to_wait_longer_is_obeyed_up_to_a_day() {
    assertThat(policy.decide(1, new SendFailure("429", false, 120)).delayMillis()).isEqualTo(120_000L);
    assertThat(policy.decide(1, new SendFailure("429", false, 10_000_000)).delayMillis())
        .isEqualTo(Duration.ofDays(1).toMillis());
  }

  @Test
  void an_unconfigured_channel_defers_by_one_lease() {
    RetryPolicy.Decision deferred = policy.decide(1, new DeliveryDeferred("the generic channel is not configured"));

    assertThat(deferred.kind()).isEqualTo(Kind.DEFERRED);
    assertThat(deferred.delayMillis()).isEqualTo(60_000L);
  }

  @Test
  void a_foreign_failure_is_kept_by_its_type_and_text_shortened_to_five_hundred_characters() {
    assertThat(policy.decide(1, new TimeoutException("Timeout 45000 (ms) fired")).error())
        .isEqualTo("TimeoutException: Timeout 45000 (ms) fired");
    assertThat(policy.decide(1, new IllegalStateException("x".repeat(2000))).error()).hasSize(500);
  }
}
