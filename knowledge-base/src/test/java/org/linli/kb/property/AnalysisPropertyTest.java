package org.linli.kb.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.linli.kb.ChineseScript;
import org.linli.kb.analysis.LinliAnalyzer;
import org.linli.kb.index.Retriever;

/** Whatever a resident types, analysis and script folding neither throw nor produce empty terms. */
class AnalysisPropertyTest {

  private static final LinliAnalyzer ANALYZER = new LinliAnalyzer();
  private static final Retriever RETRIEVER = new Retriever(ANALYZER, null);

  @Provide
  Arbitrary<String> texts() {
    return ResidentTexts.texts();
  }

  @Property(tries = 250)
  void every_field_kind_analyses_any_text_into_non_empty_well_formed_terms(@ForAll("texts") String text) {
    for (String field : List.of("x" + LinliAnalyzer.WORDS, "x" + LinliAnalyzer.GRAMS, "x" + LinliAnalyzer.PINYIN)) {
      List<String> terms = ANALYZER.terms(field, text);

      for (String term : terms) {
        if (term.isEmpty() || !wellFormed(term)) {
          throw new AssertionError(field + " of " + escape(text) + ": bad term " + escape(term) + " among "
              + escape(terms.toString()));
        }
      }
    }
  }

  @Property(tries = 250)
  void folding_any_text_is_well_formed_and_stable(@ForAll("texts") String text) {
    String folded = ChineseScript.fold(text);

    assertThat(wellFormed(folded)).as("well-formed: %s", folded).isTrue();
    assertThat(ChineseScript.fold(folded)).isEqualTo(folded);
  }

  @Property(tries = 300)
  void script_detection_and_conversion_take_any_text(@ForAll("texts") String text) {
    boolean traditional = ChineseScript.isTraditional(text);
    String back = ChineseScript.toTraditional(text);

    assertThat(back).isNotNull();
    if (text.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
      assertThat(traditional).as("no Han character, so not Traditional").isFalse();
    }
  }

  @Property(tries = 250)
  void a_prepared_question_has_only_two_code_point_bigrams_and_no_blank_terms(@ForAll("texts") String text) {
    Retriever.Prepared prepared = RETRIEVER.prepareWords(text);

    assertThat(prepared.folded()).isEqualTo(prepared.folded().strip());
    assertThat(prepared.bigrams()).allSatisfy(b -> assertThat(b.codePointCount(0, b.length())).isEqualTo(2));
    assertThat(prepared.bigrams()).allSatisfy(b -> assertThat(b.codePoints().allMatch(AnalysisPropertyTest::wordChar))
        .as("a bigram is two word characters, not an emoji: %s", b).isTrue());
    assertThat(prepared.words()).allSatisfy(w -> assertThat(w.isBlank()).as("blank word %s", w).isFalse());
    assertThat(prepared.grams()).allSatisfy(g -> assertThat(g.isBlank()).isFalse());
  }

  @Property(tries = 200)
  void emoji_carry_no_terms_but_the_digits_of_keycaps(@ForAll("emojiOnly") String text) {
    Retriever.Prepared prepared = RETRIEVER.prepareWords(text);

    assertThat(prepared.words()).allSatisfy(w -> assertThat(w).containsOnlyDigits());
    assertThat(prepared.grams()).allSatisfy(g -> assertThat(g).containsOnlyDigits());
    assertThat(prepared.pinyin()).allSatisfy(p -> assertThat(p.replace(" ", "")).containsOnlyDigits());
  }

  @Provide
  Arbitrary<String> emojiOnly() {
    return ResidentTexts.emoji().list().ofMinSize(1).ofMaxSize(12).map(l -> String.join("", l));
  }

  /** Non-printing and non-ASCII chars as \\uXXXX, so a failure report stays readable. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c >= 0x20 && c < 0x7F) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04X", (int) c));
      }
    }
    return out.toString();
  }

  /**
   * A letter, a digit, a spacing mark of a script that writes vowels so (Tamil ா), or a connector
   * such as the underscore, which Unicode word breaking keeps inside a word (a_1).
   */
  static boolean wordChar(int codePoint) {
    int type = Character.getType(codePoint);
    return Character.isLetterOrDigit(codePoint) || type == Character.COMBINING_SPACING_MARK
        || type == Character.CONNECTOR_PUNCTUATION || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
