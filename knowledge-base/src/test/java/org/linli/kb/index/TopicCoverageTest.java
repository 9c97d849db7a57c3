package org.linli.kb.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.kb.EntryLoader;
import org.linli.kb.analysis.LinliAnalyzer;

/**
 * The topic evidence of a candidate: a question about another matter with the same procedure words
 * (房产证 asked of the guide on 身份证) shows as a guide that does not cover, or is about a sibling
 * of, the question's topic; a question about the guide's own matter does not.
 */
class TopicCoverageTest {

  @TempDir
  static Path root;
  private static KbIndex index;
  private static final LinliAnalyzer ANALYZER = new LinliAnalyzer();
  private static final Retriever RETRIEVER = new Retriever(ANALYZER, null);

  @BeforeAll
  static void build() {
    index = KbIndex.build(new EntryLoader().shipped().entries(), ANALYZER, null, root);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static Candidate candidate(String question, String guide) {
    List<Candidate> all = RETRIEVER.candidates(RETRIEVER.prepareWords(question, index), index);
    return all.stream().filter(c -> c.entryId().equals(guide)).findFirst().orElseThrow();
  }

  @Test
  void procedure_words_are_not_topic_words() {
    assertThat(TopicWords.of(List.of("办理", "材料", "多久", "身份证", "补办"))).containsExactly("身份证", "补办");
  }

  @Test
  void a_question_on_the_guides_own_matter_is_covered_by_what_the_guide_is_about() {
    Candidate own = candidate("身份证丢了怎么补办", "id-card-renew");

    assertThat(own.headTopicCoverage()).isEqualTo(1.0);
    assertThat(own.siblingNamed()).isZero();
  }

  @Test
  void a_question_on_a_sibling_matter_shows_the_guide_is_about_something_else() {
    Candidate own = candidate("身份证快到期了，换证要去哪里办", "id-card-renew");
    Candidate sibling = candidate("驾照快到期了，换证要去哪里办", "id-card-renew");

    assertThat(sibling.siblingNamed()).isEqualTo(1.0);
    assertThat(sibling.headTopicCoverage()).isLessThan(own.headTopicCoverage());
  }

  @Test
  void a_topic_word_no_guide_has_counts_as_unknown() {
    Candidate cat = candidate("猫要打什么疫苗", "child-vaccination");
    Candidate child = candidate("孩子要打什么疫苗", "child-vaccination");

    assertThat(cat.unknownTopics()).isGreaterThan(0);
    assertThat(child.unknownTopics()).isZero();
  }
}
