package org.linli.kb.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AskedPartTest {

  @Test
  void a_question_that_fits_is_read_whole() {
    assertThat(AskedPart.of("居住证怎么办")).isEqualTo("居住证怎么办");
    String sixtyFour = "我".repeat(AskedPart.MAX_CODE_POINTS);
    assertThat(AskedPart.of(sixtyFour)).isEqualTo(sixtyFour);
  }

  @Test
  void a_long_message_is_read_from_its_last_whole_clauses() {
    String context = "我家老人今年八十五岁了，一直住在三号楼，身体还算硬朗，但是腿脚不太方便，平时都是我们子女轮流照顾。";
    String asked = "听说有高龄津贴,请问要准备哪些材料?";
    String part = AskedPart.of(context + asked);

    assertThat(part).endsWith(asked);
    assertThat(part.codePointCount(0, part.length())).isLessThanOrEqualTo(AskedPart.MAX_CODE_POINTS);
    assertThat(context + asked).endsWith(part);
    // A whole clause: the part starts right after a clause mark of the message.
    String before = (context + asked).substring(0, (context + asked).length() - part.length());
    assertThat(before).matches("(?s).*[，。,?]$");
  }

  @Test
  void a_last_clause_longer_than_the_limit_is_cut_to_its_last_code_points() {
    String clause = "😂".repeat(10) + "老".repeat(70) + "？";
    String part = AskedPart.of("前面的话，" + clause);

    assertThat(part.codePointCount(0, part.length())).isEqualTo(AskedPart.MAX_CODE_POINTS);
    assertThat(clause).endsWith(part);
  }

  @Test
  void spaces_between_clauses_count_as_clause_marks_and_emoji_are_never_split() {
    String message = "驾照下个月就到期了 是不是必须去车管所啊 " + "😂".repeat(30) + " 手机上能不能换";
    String part = AskedPart.of(message);

    assertThat(part).endsWith("手机上能不能换");
    assertThat(part.codePoints().allMatch(c -> !Character.isSurrogate((char) c) || c > 0xFFFF)).isTrue();
    assertThat(part.codePointCount(0, part.length())).isLessThanOrEqualTo(AskedPart.MAX_CODE_POINTS);
  }
}
