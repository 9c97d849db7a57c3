package org.linli.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.kb.analysis.LinliAnalyzer;
import org.linli.kb.intent.IntentClassifier;
import org.linli.kb.search.Calibration;
import org.linli.kb.search.Sample;
import org.linli.kb.search.ScoringModel;

/** Self-calibration makes labelled samples from the guides alone, and moves only the threshold. */
class SelfCalibrationTest {

  @TempDir
  Path root;

  @Test
  void the_guides_held_out_questions_are_in_scope_samples_and_their_topic_swaps_are_not() {
    try (KnowledgeBase kb = new KnowledgeBase(null, null, Calibration.shipped().model(false), 3, root)) {
      kb.reload();
      KnowledgeBase.SelfSamples samples = kb.selfSamples(List.of("红烧肉怎么做才好吃"));

      long questions = kb.entries().stream().filter(e -> e.questions().size() > 1)
          .mapToLong(e -> e.questions().size()).sum();
      List<Sample> real = samples.real();
      assertThat(real.stream().filter(Sample::inScope).count()).isEqualTo(questions);
      assertThat(real.stream().filter(s -> !s.inScope()).count()).isEqualTo(1);
      assertThat(samples.variants()).isPositive();
      assertThat(samples.full().subList(real.size(), samples.full().size())).noneMatch(Sample::inScope);
      // A held-out question mostly still finds its own guide among the candidates (the index kept
      // the guide's title, body and other questions).
      long found = real.stream().filter(Sample::inScope)
          .filter(s -> s.candidates().stream().anyMatch(c -> c.entryId().equals(s.expected()))).count();
      assertThat(found).isGreaterThan(questions * 8 / 10);
    }
  }

  @Test
  void a_topic_swap_names_a_sibling_that_neither_the_guide_nor_any_title_mentions() {
    SelfCalibration self = new SelfCalibration(new LinliAnalyzer(), null, null,
        new IntentClassifier());

    assertThat(self.nearTopic("身份证丢了怎么补办", "身份证 补办 户口簿", "身份证补领")).isEqualTo("护照丢了怎么补办");
    assertThat(self.nearTopic("今天天气不错", "身份证", "身份证")).isNull();
  }

  @Test
  void self_calibration_of_an_offices_folder_keeps_the_model_and_chooses_a_threshold() throws Exception {
    Path dir = fourShippedGuides("guides");
    ScoringModel shipped = Calibration.shipped().model(false);
    try (KnowledgeBase kb = new KnowledgeBase(dir, null, shipped, 3, root.resolve("index")).withSelfCalibration()) {
      kb.reload();

      assertThat(kb.model().ranker()).isEqualTo(shipped.ranker());
      assertThat(kb.model().threshold()).isBetween(0.05, 0.95);
    }
  }

  @Test
  void self_calibration_never_answers_more_boldly_than_the_calibration_it_starts_from_and_does_not_ratchet()
      throws Exception {
    Path dir = fourShippedGuides("office");
    ScoringModel shipped = Calibration.shipped().model(false);
    try (KnowledgeBase bold = new KnowledgeBase(dir, null, shipped.withThreshold(0.05), 3, root.resolve("bold"));
        KnowledgeBase careful = new KnowledgeBase(dir, null, shipped.withThreshold(0.95), 3, root.resolve("careful"))
            .withSelfCalibration()) {
      bold.reload();
      careful.reload();
      double chosen = careful.model().threshold();
      careful.reload();

      // These four guides' own samples allow 0.05; a calibration chosen on residents' questions stands.
      assertThat(bold.selfCalibratedThreshold(shipped.withThreshold(0.05))).isEqualTo(0.05);
      assertThat(bold.selfCalibratedThreshold(shipped.withThreshold(0.5))).isEqualTo(0.5);
      assertThat(chosen).isEqualTo(0.95);
      assertThat(careful.model().threshold()).isEqualTo(chosen);
    }
  }

  /** A folder under the test's root holding four shipped guides, as an office might load them. */
  private Path fourShippedGuides(String name) throws Exception {
    Path dir = root.resolve(name);
    Files.createDirectories(dir);
    for (String id : List.of("juzhuzheng-apply", "dog-registration", "dibao-apply", "id-card-renew")) {
      try (var in = getClass().getClassLoader().getResourceAsStream(EntryLoader.SHIPPED + id + ".md")) {
        Files.copy(in, dir.resolve(id + ".md"));
      }
    }
    return dir;
  }
}
