package org.linli.kb.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linli.kb.Entry;
import org.linli.kb.EntryLoader;

/** The evaluation set measures the knowledge base only if it is well formed and was not copied from it. */
class EvaluationSetTest {

  private static final Set<String> KINDS =
      Set.of("paraphrase", "colloquial", "traditional", "typo", "chitchat", "offtopic", "personal");

  private static List<EvalQuestion> questions;
  private static Map<String, Entry> entries;

  @BeforeAll
  static void read() {
    // Surefire runs in the module folder.
    questions = EvalQuestion.readAll(Path.of("eval"));
    entries = new EntryLoader().shipped().entries().stream().collect(Collectors.toMap(Entry::id, Function.identity()));
  }

  @Test
  void there_are_at_least_two_hundred_questions() {
    assertThat(questions).hasSizeGreaterThanOrEqualTo(200);
  }

  @Test
  void every_question_has_a_known_kind_and_a_text() {
    assertThat(questions)
        .allSatisfy(
            q -> {
              assertThat(q.kind()).as(q.file() + ":" + q.line()).isIn(KINDS);
              assertThat(q.text()).as(q.file() + ":" + q.line()).isNotBlank();
            });
  }

  @Test
  void every_in_scope_question_names_a_shipped_guide() {
    assertThat(questions.stream().filter(EvalQuestion::inScope))
        .isNotEmpty()
        .allSatisfy(q -> assertThat(entries).as(q.file() + ":" + q.line()).containsKey(q.expected()));
  }

  @Test
  void out_of_scope_questions_expect_a_decline_and_personal_cases_a_forward() {
    assertThat(questions.stream().filter(q -> !q.inScope()))
        .isNotEmpty()
        .allSatisfy(
            q -> assertThat(q.expected()).as(q.file() + ":" + q.line()).isEqualTo(q.kind().equals("personal") ? "forward" : "none"));
  }

  @Test
  void every_shipped_guide_is_asked_about() {
    Set<String> asked = questions.stream().filter(EvalQuestion::inScope).map(EvalQuestion::expected).collect(Collectors.toSet());

    assertThat(asked).containsAll(entries.keySet());
  }

  @Test
  void no_question_repeats_a_guide_title_or_alternative_question_verbatim() {
    List<String> copies = new java.util.ArrayList<>();
    for (Entry entry : entries.values()) {
      for (String phrase : heads(entry)) {
        questions.stream()
            .filter(q -> q.text().contains(phrase))
            .forEach(q -> copies.add(q.file() + ":" + q.line() + " repeats \"" + phrase + "\" of " + entry.id()));
      }
    }

    assertThat(copies).isEmpty();
  }

  private static List<String> heads(Entry entry) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(entry.title()), entry.questions().stream()).toList();
  }
}
