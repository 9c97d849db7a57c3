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

  @Test
  void a_limit_is_hours_minutes_seconds_or_working_days_and_anything_else_is_refused() {
    TimeLimits limits = TimeLimits.parse("emergency=2h,repair=2wd,drill=20s,elderly=24,default=3wd");

    assertThat(limits.limit("emergency")).isEqualTo(TimeLimit.of(Duration.ofHours(2)));
    assertThat(limits.limit("elderly")).isEqualTo(TimeLimit.of(Duration.ofHours(24)));
    assertThat(limits.limit("drill")).isEqualTo(TimeLimit.of(Duration.ofSeconds(20)));
    assertThat(limits.limit("repair")).isEqualTo(TimeLimit.workingDays(2));
    assertThat(limits.limit("noise")).isEqualTo(TimeLimit.workingDays(3));
    assertThat(limits.of("repair")).as("24 h per working day").isEqualTo(Duration.ofHours(48));
    for (String bad : new String[]{"repair=0", "repair=2d", "repair=wd", "repair=-1h", "repair=2 wd", "repair"}) {
      assertThatThrownBy(() -> TimeLimits.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("2wd");
    }
  }

  @Test
  void an_emergency_counts_clock_hours_through_a_holiday_and_a_repair_counts_working_days() {
    TimeLimits limits = TimeLimits.parse("emergency=2h,repair=2wd");
    java.time.Instant national = WorkingCalendarTest.at("2026-10-02T09:00");

    assertThat(limits.dueAt("emergency", national)).isEqualTo(WorkingCalendarTest.at("2026-10-02T11:00"));
    assertThat(limits.dueAt("repair", national)).isEqualTo(WorkingCalendarTest.at("2026-10-10T00:00"));
  }
}
