package org.linli.kb.property;

import static org.assertj.core.api.Assertions.assertThat;

import org.linli.kb.Answer;

/** What every answer must look like, whatever the question. */
final class AnswerChecks {

  private AnswerChecks() {
  }

  static void wellFormed(Answer answer, int maxAlternatives) {
    assertThat(answer).isNotNull();
    assertThat(answer.outcome()).isNotNull();
    assertThat(answer.intent()).isNotNull();
    assertThat(answer.confidence()).isBetween(0.0, 1.0);
    assertThat(answer.alternatives()).hasSizeLessThanOrEqualTo(maxAlternatives).doesNotContainNull();
    if (answer.answered()) {
      assertThat(answer.entry()).isNotNull();
    } else {
      assertThat(answer.entry()).isNull();
    }
  }
}
