package org.linli.kb.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one form guides and questions are matched in: folded, without symbols, residents' words rewritten. */
class MatchFormTest {

  @Test
  void emoji_and_other_symbols_say_nothing_about_the_question() {
    assertThat(ResidentLexicon.matchForm("居住证怎么办😂🙏🐶")).isEqualTo(ResidentLexicon.matchForm("居住证怎么办"));
    assertThat(ResidentLexicon.matchForm("☀️🇨🇳👍🏻低保👨‍👩‍👧")).isEqualTo("低保");
    assertThat(ResidentLexicon.matchForm("3˂号楼")).isEqualTo("3号楼");
  }

  @Test
  void traditional_and_residents_words_meet_the_guides_words() {
    assertThat(ResidentLexicon.matchForm("俺閨女的戶口本丟了咋整")).isEqualTo(ResidentLexicon.matchForm("我女儿的户口簿丢了怎么办"));
  }

  @Test
  void digits_and_letters_stay() {
    assertThat(ResidentLexicon.matchForm("3号楼2单元 App")).contains("3", "2", "app");
  }
}
