package org.linli.kb.property;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.linli.kb.Answer;
import org.linli.kb.KnowledgeBase;
import org.linli.kb.search.Calibration;

/** The lexical knowledge base (no embedding model) answers any text with a well-formed answer. */
class KnowledgeBasePropertyTest {

  private static KnowledgeBase kb;

  @BeforeContainer
  static void load_the_shipped_guides() {
    kb = new KnowledgeBase(null, null, Calibration.shipped().model(false), 3);
    kb.reload();
  }

  @AfterContainer
  static void close() {
    kb.close();
  }

  @Provide
  Arbitrary<String> texts() {
    return ResidentTexts.texts();
  }

  @Provide
  Arbitrary<String> questions() {
    return ResidentTexts.questionInNoise();
  }

  @Property(tries = 300)
  void any_text_gets_a_well_formed_answer(@ForAll("texts") String text) {
    AnswerChecks.wellFormed(kb.ask(text), 3);
  }

  @Property(tries = 100)
  void a_guide_question_among_emoji_gets_the_guide_it_gets_alone(@ForAll("questions") String text) {
    Answer noisy = kb.ask(text);
    Answer plain = kb.ask(ResidentTexts.QUESTIONS.stream().filter(text::contains).findFirst().orElseThrow());

    assertThat(noisy.outcome()).as("%s (%.2f) vs plain (%.2f)", text, noisy.confidence(), plain.confidence())
        .isEqualTo(plain.outcome());
    if (plain.answered()) {
      assertThat(noisy.entry().id()).isEqualTo(plain.entry().id());
    }
  }
}
