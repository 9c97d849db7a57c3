package org.linli.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.kb.intent.MessageKind;
import org.linli.kb.search.Calibration;
import org.linli.kb.search.ScoringModel;

/** The knowledge base in its lexical-only mode (no embedding model), as a small deployment runs it. */
class KnowledgeBaseTest {

  private static final ScoringModel LEXICAL = Calibration.shipped().model(false);
  /**
   * For the reload tests, which are about which guides are searched, not about the operating
   * point: the shipped model at a threshold that a guide's own alternative question clears in a
   * folder of two to four guides.
   */
  private static final ScoringModel RELOADING = LEXICAL.withThreshold(0.5);
  private static KnowledgeBase shipped;

  @TempDir
  Path dir;

  @BeforeAll
  static void load_the_shipped_guides() {
    shipped = new KnowledgeBase(null, null, LEXICAL, 3);
    KnowledgeBase.LoadReport report = shipped.reload();
    assertThat(report.problems()).isEmpty();
    assertThat(report.entries()).isGreaterThanOrEqualTo(40);
  }

  @AfterAll
  static void close() {
    shipped.close();
  }

  @Test
  void a_question_about_a_guide_is_answered_by_that_guide() {
    Answer answer = shipped.ask("外地人办居住证需要什么条件");

    assertThat(answer.outcome()).isEqualTo(Answer.Outcome.ANSWERED);
    assertThat(answer.entry().id()).isEqualTo("juzhuzheng-apply");
    assertThat(answer.confidence()).isGreaterThanOrEqualTo(LEXICAL.threshold());
    assertThat(answer.traditional()).isFalse();
    assertThat(answer.alternatives()).isEmpty();
  }

  @Test
  void a_question_in_traditional_characters_gets_the_same_guide_and_is_marked_traditional() {
    Answer answer = shipped.ask("居住證怎麼辦");
    Answer twin = shipped.ask("居住证怎么办");

    assertThat(answer.outcome()).isEqualTo(twin.outcome());
    assertThat(answer.confidence()).isEqualTo(twin.confidence());
    assertThat(answer.answered() ? answer.entry().id() : answer.alternatives().get(0).id())
        .isEqualTo("juzhuzheng-apply");
    assertThat(answer.traditional()).isTrue();
    assertThat(twin.traditional()).isFalse();
  }

  @Test
  void something_broken_is_forwarded_to_a_person_not_answered_with_a_guide() {
    Answer answer = shipped.ask("楼道灯坏了");

    assertThat(answer.outcome()).isEqualTo(Answer.Outcome.FORWARD);
    assertThat(answer.entry()).isNull();
    assertThat(answer.intent().kind()).isEqualTo(MessageKind.HELP_REQUEST);
    assertThat(answer.intent().urgent()).isFalse();
  }

  @Test
  void an_emergency_is_forwarded_and_flagged_urgent() {
    Answer answer = shipped.ask("电梯困人了");

    assertThat(answer.outcome()).isEqualTo(Answer.Outcome.FORWARD);
    assertThat(answer.intent().urgent()).isTrue();
  }

  @Test
  void thanks_are_small_talk() {
    assertThat(shipped.ask("谢谢大家").outcome()).isEqualTo(Answer.Outcome.SMALL_TALK);
  }

  @Test
  void a_question_no_guide_covers_is_not_answered_and_lists_at_most_three_closest_guides() {
    Answer answer = shipped.ask("股票怎么开户");

    assertThat(answer.outcome()).isEqualTo(Answer.Outcome.NOT_SURE);
    assertThat(answer.entry()).isNull();
    assertThat(answer.confidence()).isLessThan(LEXICAL.threshold());
    assertThat(answer.alternatives()).hasSizeLessThanOrEqualTo(3)
        .allSatisfy(e -> assertThat(shipped.entry(e.id())).isSameAs(e));
  }

  @Test
  void the_number_of_alternatives_follows_the_setting() throws IOException {
    copyShipped("juzhuzheng-apply", "dog-registration", "dibao-apply");
    try (KnowledgeBase kb = new KnowledgeBase(dir, null, LEXICAL, 1)) {
      kb.reload();

      Answer answer = kb.ask("股票怎么开户");

      assertThat(answer.outcome()).isEqualTo(Answer.Outcome.NOT_SURE);
      assertThat(answer.alternatives()).hasSizeLessThanOrEqualTo(1);
    }
  }

  @Test
  void a_guide_added_to_the_folder_is_answerable_after_reload() throws IOException {
    copyShipped("juzhuzheng-apply", "dog-registration", "dibao-apply");
    try (KnowledgeBase kb = new KnowledgeBase(dir, null, RELOADING, 3)) {
      assertThat(kb.reload().entries()).isEqualTo(3);
      assertThat(kb.ask("社区菜园怎么认领").answered()).isFalse();

      Files.writeString(
          dir.resolve("community-garden.md"),
          """
              ---
              id: community-garden
              title: 认领社区菜园地块
              questions: [社区菜园怎么认领, 小区里能种菜吗]
              tags: [菜园, 认领]
              ---
              一句话摘要：居民可向居委会申请认领社区菜园的一块地，每年认领一次。

              ## 办理步骤
              1. 到居委会登记；
              2. 抽签分地。
              """);
      KnowledgeBase.LoadReport report = kb.reload();

      assertThat(report.entries()).isEqualTo(4);
      Answer answer = kb.ask("社区菜园怎么认领");
      assertThat(answer.outcome()).isEqualTo(Answer.Outcome.ANSWERED);
      assertThat(answer.entry().id()).isEqualTo("community-garden");
      assertThat(kb.ask("外地人怎么办居住证").entry().id()).isEqualTo("juzhuzheng-apply");
    }
  }

  @Test
  void a_reload_that_finds_no_readable_guide_keeps_the_guides_loaded_before() throws IOException {
    copyShipped("juzhuzheng-apply", "dog-registration");
    try (KnowledgeBase kb = new KnowledgeBase(dir, null, RELOADING, 3)) {
      kb.reload();
      try (var files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.writeString(dir.resolve("broken.md"), "这一篇忘了写开头\n");

      KnowledgeBase.LoadReport report = kb.reload();

      assertThat(report.entries()).isEqualTo(2);
      assertThat(report.problems()).extracting(EntryLoader.Problem::file).containsExactly("broken.md");
      assertThat(kb.problems()).extracting(EntryLoader.Problem::file).containsExactly("broken.md");
      assertThat(kb.entries()).extracting(Entry::id).containsExactlyInAnyOrder("juzhuzheng-apply", "dog-registration");
      Answer answer = kb.ask("外地人怎么办居住证");
      assertThat(answer.outcome()).isEqualTo(Answer.Outcome.ANSWERED);
      assertThat(answer.entry().id()).isEqualTo("juzhuzheng-apply");
    }
  }

  private void copyShipped(String... ids) throws IOException {
    for (String id : ids) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(EntryLoader.SHIPPED + id + ".md")) {
        assertThat(in).as(id).isNotNull();
        Files.write(dir.resolve(id + ".md"), in.readAllBytes());
      }
    }
  }
}
