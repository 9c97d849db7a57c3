package org.linli.kb.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linli.kb.Entry;
import org.linli.kb.EntryLoader;

/**
 * The evaluation sets measure the knowledge base only if they are well formed and were not copied
 * from it: the shipped guides' questions, and a second community's guides and questions (kept out
 * of the shipped guides) for the cross-KB figures.
 */
class EvaluationSetTest {

  /** A knowledge base and its questions, as the evaluation command reads them. */
  record KbQuestions(String name, Map<String, Entry> entries, List<EvalQuestion> questions) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<KbQuestions> sets() {
    return Stream.concat(largeSets(), Stream.of(third()));
  }

  /** The two sets the models are fitted on when the calibration is written. */
  static Stream<KbQuestions> largeSets() {
    // Surefire runs in the module folder.
    Map<String, Entry> shipped = byId(new EntryLoader().shipped().entries());
    Map<String, Entry> second = byId(new EntryLoader().fromDirectory(Path.of("eval/second/entries")).entries());
    return Stream.of(
        new KbQuestions("shipped", shipped, EvalQuestion.readAll(Path.of("eval"))),
        new KbQuestions("second", second, EvalQuestion.readAll(Path.of("eval/second"))));
  }

  /** The held-out community: written by someone who had seen neither the other sets nor the ranker. */
  static KbQuestions third() {
    Map<String, Entry> third = byId(new EntryLoader().fromDirectory(Path.of("eval/third/entries")).entries());
    return new KbQuestions("third", third, EvalQuestion.readAll(Path.of("eval/third")));
  }

  private static Map<String, Entry> byId(List<Entry> entries) {
    return entries.stream().collect(Collectors.toMap(Entry::id, Function.identity()));
  }

  @ParameterizedTest
  @MethodSource("sets")
  void there_are_at_least_two_hundred_and_fifty_questions_on_at_least_forty_guides(KbQuestions set) {
    assertThat(set.questions()).hasSizeGreaterThanOrEqualTo(250);
    assertThat(set.entries()).hasSizeGreaterThanOrEqualTo(40);
  }

  @org.junit.jupiter.api.Test
  void the_held_out_community_asks_at_least_five_questions_of_every_one_of_its_guides() {
    KbQuestions third = third();
    Map<String, Long> asked = third.questions().stream()
        .filter(EvalQuestion::inScope)
        .collect(Collectors.groupingBy(EvalQuestion::expected, Collectors.counting()));
    assertThat(third.entries().keySet())
        .allSatisfy(id -> assertThat(asked.getOrDefault(id, 0L)).as(id).isGreaterThanOrEqualTo(5));
  }

  @ParameterizedTest
  @MethodSource("sets")
  void every_question_has_a_known_kind_and_a_text(KbQuestions set) {
    assertThat(set.questions())
        .allSatisfy(
            q -> {
              assertThat(q.kind()).as(q.file() + ":" + q.line()).isIn(EvalQuestion.KINDS);
              assertThat(q.text()).as(q.file() + ":" + q.line()).isNotBlank();
            });
  }

  @ParameterizedTest
  @MethodSource("sets")
  void every_kind_the_issue_names_is_asked(KbQuestions set) {
    Set<String> kinds = set.questions().stream().map(EvalQuestion::kind).collect(Collectors.toSet());

    assertThat(kinds).containsAll(EvalQuestion.KINDS);
  }

  @ParameterizedTest
  @MethodSource("sets")
  void every_in_scope_question_names_a_guide_of_its_set(KbQuestions set) {
    assertThat(set.questions().stream().filter(EvalQuestion::inScope))
        .isNotEmpty()
        .allSatisfy(q -> assertThat(set.entries()).as(q.file() + ":" + q.line()).containsKey(q.expected()));
  }

  @ParameterizedTest
  @MethodSource("sets")
  void off_scope_questions_expect_a_decline_personal_cases_a_forward_and_emergencies_urgency(KbQuestions set) {
    assertThat(set.questions().stream().filter(q -> !q.inScope()))
        .isNotEmpty()
        .allSatisfy(
            q -> assertThat(q.expected())
                .as(q.file() + ":" + q.line())
                .isEqualTo(switch (q.kind()) {
                  case "personal" -> "forward";
                  case "emergency" -> "urgent";
                  default -> "none";
                }));
  }

  @ParameterizedTest
  @MethodSource("sets")
  void every_guide_is_asked_about(KbQuestions set) {
    Set<String> asked = set.questions().stream().filter(EvalQuestion::inScope).map(EvalQuestion::expected)
        .collect(Collectors.toSet());

    assertThat(asked).containsAll(set.entries().keySet());
  }

  @ParameterizedTest
  @MethodSource("sets")
  void no_question_repeats_a_guide_title_or_alternative_question_verbatim(KbQuestions set) {
    List<String> copies = new ArrayList<>();
    for (Entry entry : set.entries().values()) {
      for (String phrase : heads(entry)) {
        set.questions().stream()
            .filter(q -> q.text().contains(phrase))
            .forEach(q -> copies.add(q.file() + ":" + q.line() + " repeats \"" + phrase + "\" of " + entry.id()));
      }
    }

    assertThat(copies).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void the_second_community_is_not_shipped() {
    Map<String, Entry> shipped = byId(new EntryLoader().shipped().entries());
    Map<String, Entry> second = byId(new EntryLoader().fromDirectory(Path.of("eval/second/entries")).entries());

    assertThat(shipped.keySet()).doesNotContainAnyElementsOf(second.keySet());
    assertThat(shipped.values().stream().map(Entry::title)).doesNotContainAnyElementsOf(
        second.values().stream().map(Entry::title).toList());
  }

  @org.junit.jupiter.api.Test
  void the_held_out_community_copies_no_shipped_guide() {
    Set<String> shippedBodies = new EntryLoader().shipped().entries().stream().map(Entry::body)
        .collect(Collectors.toSet());

    assertThat(third().entries().values()).extracting(Entry::body).doesNotContainAnyElementsOf(shippedBodies);
  }

  private static List<String> heads(Entry entry) {
    return Stream.concat(Stream.of(entry.title()), entry.questions().stream()).toList();
  }
}
