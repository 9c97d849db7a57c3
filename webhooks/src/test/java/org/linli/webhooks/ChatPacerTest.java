package org.linli.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The pacer on a clock the test moves by hand, with Telegram's published limits and with one limit per chat. */
class ChatPacerTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final ChatPacer pacer = new ChatPacer(new ChatPacer.Rate(3, 20, TimeUnit.MINUTES),
      new ChatPacer.Rate(1, 1, TimeUnit.SECONDS), new ChatPacer.Rate(30, 30, TimeUnit.SECONDS), now::get);

  private void advance(long millis) {
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  @Test
  void a_group_gets_a_burst_of_three_and_then_one_message_every_three_seconds() {
    for (int i = 0; i < 3; i++) {
      assertThat(pacer.take("-100", true, 0)).isEqualTo(new ChatPacer.Slot(true, 0));
    }

    assertThat(pacer.take("-100", true, 0)).isEqualTo(new ChatPacer.Slot(false, 3000));
    advance(3000);
    assertThat(pacer.take("-100", true, 0).granted()).isTrue();
    assertThat(pacer.take("-100", true, 0).granted()).isFalse();
  }

  @Test
  void over_a_minute_a_busy_group_gets_no_more_than_twenty_three_messages() {
    int sent = 0;
    for (int second = 0; second < 60; second++) {
      while (pacer.take("-100", true, 0).granted()) {
        sent++;
      }
      advance(1000);
    }

    assertThat(sent).isBetween(20, 23);
  }

  @Test
  void a_reply_that_may_wait_takes_its_turn_behind_earlier_ones() {
    pacer.take("42", false, 0);

    assertThat(pacer.take("42", false, 60_000)).isEqualTo(new ChatPacer.Slot(true, 1000));
    assertThat(pacer.take("42", false, 60_000)).isEqualTo(new ChatPacer.Slot(true, 2000));
    assertThat(pacer.take("42", false, 1_500)).isEqualTo(new ChatPacer.Slot(false, 3000));
  }

  @Test
  void chats_do_not_share_a_bucket_but_the_whole_bot_keeps_to_thirty_a_second() {
    for (int i = 0; i < 30; i++) {
      assertThat(pacer.take("user-" + i, false, 0).granted()).as("chat %d", i).isTrue();
    }

    assertThat(pacer.take("user-30", false, 0)).isEqualTo(new ChatPacer.Slot(false, 34));
  }

  @Test
  void with_one_limit_per_chat_a_text_and_its_image_take_two_tokens_at_once_or_none() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    ChatPacer perChat = new ChatPacer(20, Duration.ofMinutes(1), clock);
    for (int i = 0; i < 19; i++) {
      assertThat(perChat.take("room")).isZero();
    }

    assertThat(perChat.take("room", 2)).isEqualTo(3000);
    assertThat(perChat.take("room")).isZero();
    assertThat(perChat.take("room")).isEqualTo(3000);
    assertThat(perChat.take("other", 50)).as("more than a burst counts as a burst").isZero();
  }
}
