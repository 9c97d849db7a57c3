package org.linli.kb.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evaluation command over the three communities in lexical mode (the hybrid run is the same code
 * with the embedding model, and takes minutes): every table the issue asks for is printed.
 */
class EvaluationCommandTest {

  private static String printed;

  @BeforeAll
  static void run() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // Surefire runs in the module folder.
    EvaluationCommand.run(
        new String[]{
            "--sets", "shipped=entries:eval,second=eval/second/entries:eval/second,third=eval/third/entries:eval/third",
            "--mode", "lexical", "--self", "no"
        },
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    printed = bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void it_prints_the_within_and_the_cross_knowledge_base_figures_in_both_directions() {
    assertThat(printed)
        .contains("lexical within shipped")
        .contains("lexical within second")
        .contains("lexical cross-KB: fitted on shipped, reported on second")
        .contains("lexical cross-KB: fitted on second, reported on shipped");
  }

  @Test
  void with_three_sets_each_is_reported_by_a_model_fitted_on_the_other_two() {
    assertThat(printed)
        .contains("lexical left-out KB: fitted on second + third, reported on shipped")
        .contains("lexical left-out KB: fitted on shipped + third, reported on second")
        .contains("lexical left-out KB: fitted on shipped + second, reported on third");
  }

  @Test
  void the_shipped_calibration_is_reported_on_every_set_saying_which_ones_it_was_fitted_on() {
    assertThat(printed)
        .containsPattern(
            "lexical the shipped calibration, reported on shipped \\(fitted on .*shipped.*, fitted on these")
        .containsPattern(
            "lexical the shipped calibration, reported on third \\(fitted on \\[shipped, second\\][^;]*; threshold");
  }

  @Test
  void every_table_has_a_row_per_kind_and_the_headline_figures() {
    for (String kind : EvalQuestion.KINDS) {
      assertThat(printed).containsPattern("(?m)^" + kind + " +\\d+ ");
    }
    assertThat(printed)
        .contains("in-scope top-1")
        .contains("out-of-scope declined")
        .contains("confidently wrong")
        .contains("emergency recall");
  }

  @Test
  void the_intent_classifier_gets_its_own_table_on_each_set() {
    assertThat(printed).contains("== intent on shipped").contains("== intent on second");
    for (String kind : new String[]{"emergency", "help request", "question", "small talk"}) {
      assertThat(printed).containsPattern("(?m)^" + kind + " +\\d+ +[\\d.]+% +[\\d.]+%");
    }
  }
}
