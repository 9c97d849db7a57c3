package org.linli.bot.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Time limits read from the setting. */
class TimeLimitsTest {

  @Test
  void each_category_gets_its_hours_and_an_unlisted_one_the_default() {
    TimeLimits limits = TimeLimits.parse(Tickets.LIMITS);

    assertThat(limits.of("emergency")).isEqualTo(Duration.ofHours(2));
    assertThat(limits.of("social_assistance")).isEqualTo(Duration.ofHours(120));
    assertThat(limits.of("noise")).isEqualTo(Duration.ofHours(72));
  }

  @Test
  void without_a_default_an_unlisted_category_gets_three_days_and_a_bad_pair_is_refused() {
    assertThat(TimeLimits.parse("repair=48, ").of("elderly")).isEqualTo(Duration.ofHours(72));
    assertThat(TimeLimits.parse("").of("repair")).isEqualTo(Duration.ofHours(72));
    assertThatThrownBy(() -> TimeLimits.parse("repair=soon")).isInstanceOf(IllegalArgumentException.class);
  }
}
