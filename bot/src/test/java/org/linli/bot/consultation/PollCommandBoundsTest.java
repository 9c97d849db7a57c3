package org.linli.bot.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The chat's /poll and /extend refuse what the HTTP API refuses: control characters, far dates, huge numbers. */
class PollCommandBoundsTest {

  private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
  private final PollCommand command = new PollCommand(ZoneId.of("Asia/Shanghai"));

  @Test
  void an_option_holding_the_options_separator_or_another_control_character_is_refused() {
    assertThatThrownBy(() -> command.parse("活动时间 | 上午\u001f下午 | 晚上", NOW))
        .isInstanceOf(PollCommand.Invalid.class).hasMessageContaining("控制字符");
    assertThatThrownBy(() -> command.parse("活动\u0000时间 | 上午 | 晚上", NOW))
        .isInstanceOf(PollCommand.Invalid.class).hasMessageContaining("控制字符");
    assertThatThrownBy(() -> command.parse("活动时间 | 上午 | 晚\u007f上", NOW))
        .isInstanceOf(PollCommand.Invalid.class).hasMessageContaining("控制字符");
  }

  @Test
  void a_deadline_more_than_two_years_ahead_is_refused_and_one_within_is_taken() throws Exception {
    assertThatThrownBy(() -> command.parse("议题 | 是 | 否 --closes +999999999-12-31T23:59:59+08:00", NOW))
        .isInstanceOf(PollCommand.Invalid.class).hasMessageContaining("两年");
    assertThatThrownBy(() -> command.parse("议题 | 是 | 否 --closes 2029-01-01T20:00", NOW))
        .isInstanceOf(PollCommand.Invalid.class).hasMessageContaining("两年");
    assertThat(command.parse("议题 | 是 | 否 --closes 2028-01-01T20:00", NOW).closesAt())
        .isEqualTo(Instant.parse("2028-01-01T12:00:00Z"));
  }

  @Test
  void a_duration_too_long_for_a_number_is_refused_as_out_of_range() {
    assertThatThrownBy(() -> command.parse("议题 | 是 | 否 --closes 99999999999999999999d", NOW))
        .isInstanceOf(PollCommand.Invalid.class).hasMessageContaining("90");
    assertThatThrownBy(() -> command.parse("议题 | 是 | 否 --remind 9223372036854775807m", NOW))
        .isInstanceOf(PollCommand.Invalid.class).hasMessageContaining("90");
  }

  @Test
  void an_extension_beyond_two_years_is_refused() throws Exception {
    assertThatThrownBy(() -> command.deadline("+999999999-01-01T00:00:00+08:00", NOW))
        .isInstanceOf(PollCommand.Invalid.class).hasMessageContaining("两年");
    assertThat(command.deadline("3d", NOW)).isEqualTo(NOW.plus(Duration.ofDays(3)));
  }
}
