package org.linli.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseScriptTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      居住證怎麼辦 | 居住证怎么办
      ＡＢＣ１２３號 | abc123号
      居住证怎么办 | 居住证怎么办
      """)
  void folding_turns_traditional_into_simplified_and_full_width_into_lower_case_ascii(String text, String folded) {
    assertThat(ChineseScript.fold(text)).isEqualTo(folded);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      居住證怎麼辦 | true
      樓道燈壞了   | true
      居住证怎么办 | false
      hello        | false
      """)
  void a_traditional_question_is_recognised_and_a_simplified_one_is_not(String question, boolean traditional) {
    assertThat(ChineseScript.isTraditional(question)).isEqualTo(traditional);
  }

  @Test
  void a_pair_the_script_conversion_swaps_folds_to_one_character_and_folding_again_changes_nothing() {
    // ICU's Traditional-Simplified turns 苧 into 苎 and 苎 into 苧.
    assertThat(ChineseScript.fold("苧")).isEqualTo("苎");
    assertThat(ChineseScript.fold("苎")).isEqualTo("苎");
    assertThat(ChineseScript.fold(ChineseScript.fold("苧麻 苎麻"))).isEqualTo("苎麻 苎麻");
  }

  @Test
  void a_simplified_reply_can_be_written_back_in_traditional() {
    assertThat(ChineseScript.toTraditional("居住证怎么办")).isEqualTo("居住證怎麼辦");
  }
}
