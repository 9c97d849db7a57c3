package org.linli.bot.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraditionalScriptTest {

  @Test
  void phrases_choose_the_right_traditional_character_where_a_character_transform_cannot() {
    assertThat(TraditionalScript.of("身份证复印件")).isEqualTo("身份證複印件");
    assertThat(TraditionalScript.of("到社区服务中心咨询")).isEqualTo("到社區服務中心諮詢");
    assertThat(TraditionalScript.of("工作人员会答复您")).isEqualTo("工作人員會答覆您");
    assertThat(TraditionalScript.of("头发 干部 面积")).isEqualTo("頭髮 幹部 面積");
  }

  @Test
  void characters_come_out_in_taiwan_standard_forms() {
    assertThat(TraditionalScript.of("发到群里，为了大家")).isEqualTo("發到群裡，為了大家");
  }

  @Test
  void text_without_simplified_characters_is_left_as_it_is() {
    assertThat(TraditionalScript.of("居住證 12345 abc")).isEqualTo("居住證 12345 abc");
    assertThat(TraditionalScript.of("")).isEmpty();
  }
}
