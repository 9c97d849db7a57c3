package org.linli.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseScriptTest {

  @Test
  void folding_turns_traditional_into_simplified_and_full_width_into_lower_case_ascii() {
    assertThat(ChineseScript.fold("居住證怎麼辦")).isEqualTo("居住证怎么办");
    assertThat(ChineseScript.fold("ＡＢＣ１２３號")).isEqualTo("abc123号");
    assertThat(ChineseScript.fold("居住证怎么办")).isEqualTo("居住证怎么办");
  }

  @Test
  void a_traditional_question_is_recognised_and_a_simplified_one_is_not() {
    assertThat(ChineseScript.isTraditional("居住證怎麼辦")).isTrue();
    assertThat(ChineseScript.isTraditional("樓道燈壞了")).isTrue();
    assertThat(ChineseScript.isTraditional("居住证怎么办")).isFalse();
    assertThat(ChineseScript.isTraditional("hello")).isFalse();
  }

  @Test
  void a_simplified_reply_can_be_written_back_in_traditional() {
    assertThat(ChineseScript.toTraditional("居住证怎么办")).isEqualTo("居住證怎麼辦");
  }
}
