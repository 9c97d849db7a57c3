package org.linli.kb.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pins the analysis of each field kind, in the manner of Lucene's {@code assertAnalyzesTo}. */
class LinliAnalyzerTest {

  /** A fresh analyzer per test: each test analyses one field kind (see the disabled test below). */
  private final LinliAnalyzer analyzer = new LinliAnalyzer();

  private void assertAnalyzesTo(String field, String text, String... expected) {
    assertThat(analyzer.terms(field, text)).as("%s of %s", field, text).containsExactly(expected);
  }

  @Test
  void a_traditional_sentence_and_its_simplified_twin_yield_the_same_words() {
    assertAnalyzesTo("title_w", "居住證怎麼辦理", "居住", "证", "办理");
    assertAnalyzesTo("title_w", "居住证怎么办理", "居住", "证", "办理");
  }

  @Test
  void a_traditional_sentence_and_its_simplified_twin_yield_the_same_character_grams() {
    String[] grams = {"居", "居住", "住", "住证", "证", "证怎", "怎", "怎么", "么", "么办", "办", "办理", "理"};
    assertAnalyzesTo("title_g", "居住證怎麼辦理", grams);
    assertAnalyzesTo("title_g", "居住证怎么办理", grams);
  }

  @Test
  void a_traditional_sentence_and_its_simplified_twin_yield_the_same_pinyin_bigrams() {
    String[] pinyin = {"ju zhu", "zhu zheng", "zheng zen", "zen me", "me ban", "ban li"};
    assertAnalyzesTo("title_py", "居住證怎麼辦理", pinyin);
    assertAnalyzesTo("title_py", "居住证怎么办理", pinyin);
  }

  @Test
  void question_words_and_particles_are_not_words_of_a_topic() {
    assertAnalyzesTo("q_w", "请问我的低保怎么申请呢？", "低", "保", "申请");
  }

  @Test
  void full_width_letters_and_digits_meet_their_ascii_form() {
    assertAnalyzesTo("body_w", "ＡＢＣ１２３", "abc", "123");
    assertAnalyzesTo("body_g", "ＡＢＣ１２３", "abc123");
  }

  @ParameterizedTest(name = "{0} meets {1}")
  @CsvSource({"低宝, 低保, di bao", "生鱼津贴, 生育津贴, sheng yu", "居住正, 居住证, zhu zheng"})
  void a_homophone_typo_shares_pinyin_bigrams_with_the_intended_word(String typo, String intended, String shared) {
    assertThat(analyzer.terms("title_py", typo))
        .contains(shared)
        .containsExactlyElementsOf(new LinliAnalyzer().terms("title_py", intended));
  }

  @Test
  void a_homophone_typo_does_not_share_the_character_bigram_which_is_why_pinyin_is_indexed() {
    assertThat(analyzer.terms("title_g", "低宝")).doesNotContain("低保");
  }

  @Test
  void one_analyzer_keeps_each_field_kind_apart_whatever_it_analysed_first() {
    analyzer.terms("title_g", "低保");

    assertAnalyzesTo("title_w", "居住证怎么办理", "居住", "证", "办理");
    assertAnalyzesTo("title_py", "居住证怎么办理", "ju zhu", "zhu zheng", "zheng zen", "zen me", "me ban", "ban li");
  }
}
