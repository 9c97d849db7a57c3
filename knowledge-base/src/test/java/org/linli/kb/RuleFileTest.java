package org.linli.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RuleFileTest {

  /** Every rule file the module ships. */
  static List<String> shipped() throws IOException {
    Path root = Path.of("src/main/resources");
    try (Stream<Path> files = Files.walk(root.resolve("linli"))) {
      return files
          .filter(f -> f.toString().endsWith(".rules"))
          .map(f -> root.relativize(f).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  @Test
  void the_module_ships_its_rule_files() throws IOException {
    assertThat(shipped())
        .containsExactly(
            "linli/guide-body.rules",
            "linli/intent/danger.rules",
            "linli/intent/question.rules",
            "linli/intent/requests.rules",
            "linli/intent/small-talk.rules",
            "linli/question-focus.rules");
  }

  @ParameterizedTest
  @MethodSource("shipped")
  void each_shipped_rule_file_loads_with_every_reference_resolved_and_every_rule_compiled(String resource) {
    RuleFile rules = RuleFile.load(resource);

    assertThat(rules.names()).isNotEmpty();
    for (String name : rules.names()) {
      assertThat(rules.text(name)).as(name).doesNotContainPattern("(?<!\\\\[pP])\\{[A-Z][A-Z0-9_]*}");
      assertThat(rules.pattern(name).pattern()).as(name).isEqualTo(rules.text(name));
    }
  }

  @ParameterizedTest
  @MethodSource("readers")
  void each_class_reading_rules_finds_every_rule_it_asks_for_and_compiles_it_its_way(String className) {
    assertThatCode(() -> Class.forName(className, true, getClass().getClassLoader())).doesNotThrowAnyException();
  }

  static List<String> readers() {
    return List.of(
        "org.linli.kb.intent.Danger",
        "org.linli.kb.intent.Requests",
        "org.linli.kb.intent.SmallTalk",
        "org.linli.kb.intent.IntentClassifier",
        "org.linli.kb.QuestionFocus",
        "org.linli.kb.GuideBody");
  }

  @Test
  void a_shipped_file_with_an_unknown_reference_fails_naming_file_and_line() {
    assertThatThrownBy(() -> RuleFile.load("rules/unknown-reference.rules"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rules/unknown-reference.rules:4")
        .hasMessageContaining("{KINDRED}");
  }

  @Test
  void a_shipped_file_with_a_rule_that_does_not_compile_fails_naming_file_and_line() {
    assertThatThrownBy(() -> RuleFile.load("rules/bad-regex.rules"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rules/bad-regex.rules:3")
        .hasMessageContaining("BROKEN does not compile");
  }

  @Test
  void a_missing_file_fails() {
    assertThatThrownBy(() -> RuleFile.load("rules/none.rules")).hasMessageContaining("rules/none.rules is missing");
  }

  @Test
  void continuation_lines_are_appended_as_written_and_references_expand() {
    RuleFile rules = RuleFile.parse(
        "t.rules",
        "# comment\nKIN = (妈|\n    爸)\n\nPERSON = (人|{KIN})\nNEAR = {PERSON}.{0,4}\\p{P}\n"
            + "  # a comment inside a rule\n    [\\p{IsHan}]{2,}\n");

    assertThat(rules.text("KIN")).isEqualTo("(妈|爸)");
    assertThat(rules.text("PERSON")).isEqualTo("(人|(妈|爸))");
    assertThat(rules.text("NEAR")).isEqualTo("(人|(妈|爸)).{0,4}\\p{P}[\\p{IsHan}]{2,}");
    assertThat(rules.pattern("NEAR").matcher("我妈在，家里").find()).isTrue();
    assertThat(rules.names()).containsExactlyInAnyOrder("KIN", "PERSON", "NEAR");
  }

  @Test
  void a_reference_to_a_rule_defined_later_fails() {
    assertThatThrownBy(() -> RuleFile.parse("t.rules", "A = x{B}\nB = y\n"))
        .hasMessageContaining("t.rules:1")
        .hasMessageContaining("{B} is not defined earlier");
  }

  @Test
  void malformed_lines_and_duplicates_fail_naming_the_line() {
    assertThatThrownBy(() -> RuleFile.parse("t.rules", "A = x\nthis is no rule\n")).hasMessageContaining("t.rules:2");
    assertThatThrownBy(() -> RuleFile.parse("t.rules", "  x|y\n")).hasMessageContaining("t.rules:1");
    assertThatThrownBy(() -> RuleFile.parse("t.rules", "A = x\n\nA = y\n"))
        .hasMessageContaining("t.rules:3")
        .hasMessageContaining("defined twice");
    assertThatThrownBy(() -> RuleFile.parse("t.rules", "A =\n")).hasMessageContaining("A is empty");
  }

  @Test
  void a_rule_that_compiles_only_as_written_fails_another_compiler_naming_its_line() {
    RuleFile rules = RuleFile.parse("t.rules", "OK = 好\nTAIL = [\\p{P}了]$\n");

    assertThat(rules.pattern("TAIL").matcher("好了").find()).isTrue();
    assertThatThrownBy(() -> rules.pattern("TAIL", regex -> Pattern.compile(regex.toLowerCase())))
        .hasMessageContaining("t.rules:2")
        .hasMessageContaining("TAIL does not compile");
    assertThatThrownBy(() -> rules.pattern("NONE")).hasMessageContaining("t.rules defines no rule NONE");
  }
}
