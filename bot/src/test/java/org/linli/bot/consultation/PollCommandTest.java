package org.linli.bot.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PollCommandTest {

  private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");
  private final PollCommand command = new PollCommand(ZoneId.of("Asia/Shanghai"));

  @Test
  void a_quick_poll_takes_its_question_options_and_deadline_from_one_line() throws Exception {
    PollCommand.Request r = command.parse("周六活动室开放时间 | 上午 | 下午 | 晚上 --closes 2h", NOW);

    assertThat(r.question()).isEqualTo("周六活动室开放时间");
    assertThat(r.options()).containsExactly("上午", "下午", "晚上");
    assertThat(r.closesAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
    assertThat(r.kind()).as("time slots are a choice, not a yes/no on the first").isEqualTo(Poll.Kind.CHOICE);
    assertThat(r.rule()).isEqualTo(Rule.PLURALITY);
    assertThat(r.scale()).isEqualTo(Poll.Scale.SMALL);
    assertThat(r.multi()).isEqualTo(1);
  }

  @Test
  void full_width_bars_and_chinese_punctuation_are_understood() throws Exception {
    PollCommand.Request r = command.parse("是否同意加装电梯？｜同意，｜不同意。 －－closes 3天", NOW);

    assertThat(r.question()).isEqualTo("是否同意加装电梯？");
    assertThat(r.options()).containsExactly("同意", "不同意");
    assertThat(r.closesAt()).isEqualTo(NOW.plus(Duration.ofDays(3)));
  }

  @Test
  void a_big_matter_with_a_civil_code_rule_a_date_and_a_secret_ballot() throws Exception {
    PollCommand.Request r = command.parse(
        "加装电梯 | 同意 | 不同意 --big --rule civil-code-major --closes 2026-12-01T20:00 --anonymous --discuss 2d --remind 1d",
        NOW);

    assertThat(r.scale()).isEqualTo(Poll.Scale.BIG);
    assertThat(r.rule()).isEqualTo(Rule.CIVIL_CODE_MAJOR);
    assertThat(r.closesAt()).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
    assertThat(r.anonymous()).isTrue();
    assertThat(r.opensAt()).isEqualTo(NOW.plus(Duration.ofDays(2)));
    assertThat(r.remindBefore()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void a_multiple_choice_hidden_poll() throws Exception {
    PollCommand.Request r = command.parse("活动 | 唱歌 | 跳舞 | 下棋 --multi 2 --hidden", NOW);

    assertThat(r.multi()).isEqualTo(2);
    assertThat(r.hidden()).isTrue();
    assertThat(r.closesAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
  }

  @Test
  void mistakes_get_a_plain_explanation() {
    assertThatThrownBy(() -> command.parse("只有问题", NOW)).hasMessageContaining("至少需要两个选项");
    assertThatThrownBy(() -> command.parse("问题 | 甲 | 甲", NOW)).hasMessageContaining("重复");
    assertThatThrownBy(() -> command.parse("问题 | 甲 | 乙 --closes tomorrow", NOW)).hasMessageContaining("看不懂截止时间");
    assertThatThrownBy(() -> command.parse("问题 | 甲 | 乙 --multi 5", NOW)).hasMessageContaining("--multi");
    assertThatThrownBy(() -> command.parse("问题 | 甲 | 乙 --rule unanimous", NOW)).hasMessageContaining("不认识的表决规则");
    assertThatThrownBy(() -> command.parse("问题 | 甲 | 乙 --colour red", NOW)).hasMessageContaining("不认识的参数");
    assertThatThrownBy(() -> command.parse("", NOW)).hasMessageContaining("请写上议题");
  }
}
