package org.linli.bot.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraditionalScriptTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "身份证复印件, 身份證複印件",
      "到社区服务中心咨询, 到社區服務中心諮詢",
      "工作人员会答复您, 工作人員會答覆您",
      "头发 干部 面积, 頭髮 幹部 面積"})
  void phrases_choose_the_right_traditional_character_where_a_character_transform_cannot(String simplified,
      String traditional) {
    assertThat(TraditionalScript.of(simplified)).isEqualTo(traditional);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "发到群里，为了大家, 發到群裡，為了大家",
      "居住證 12345 abc, 居住證 12345 abc",
      "'', ''"})
  void characters_come_out_in_taiwan_standard_forms_and_text_without_simplified_ones_as_it_is(String text,
      String traditional) {
    assertThat(TraditionalScript.of(text)).isEqualTo(traditional);
  }
}
