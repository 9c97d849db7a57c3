package org.linli.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linli.kb.embed.BgeSmallZhEmbedder;
import org.linli.kb.embed.CachedEmbedder;
import org.linli.kb.search.Calibration;
import org.linli.kb.search.ScoringModel;

/**
 * The knowledge base with the sentence-embedding model beside the words. The model takes a second
 * or two to load and the shipped guides a few more to embed, so both are done once for the class.
 */
class HybridKnowledgeBaseTest {

  private static final ScoringModel HYBRID = Calibration.shipped().model(true);

  @TempDir
  static Path data;

  private static BgeSmallZhEmbedder embedder;
  private static KnowledgeBase kb;

  @BeforeAll
  static void load_the_model_and_the_shipped_guides() {
    embedder = BgeSmallZhEmbedder.load(data, 1);
    kb = new KnowledgeBase(null, embedder, HYBRID, 3);
    kb.reload();
  }

  @AfterAll
  static void close() {
    if (kb != null) {
      kb.close(); // closes the embedder too
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      // 宠物狗/牌照 for 养犬登记/狗证: words alone do not reach the threshold.
      "宠物狗要上牌照吗, dog-registration",
      // 义工 is 志愿者 in other words.
      "想做义工在哪报名, volunteer-register",
      // Words alone pick the guide for old people living alone; the meaning is 特困供养.
      "家里老人走了后事补助怎么申请, funeral-subsidy",
      // 失去工作/帮助 for 失业登记/就业援助.
      "失去工作以后社区能提供什么帮助, unemployment-registration",
  })
  void a_paraphrase_in_other_words_than_its_guide_is_answered_by_it(String question, String expected) {
    Answer answer = kb.ask(question);

    assertThat(answer.outcome()).as("confidence %.2f, closest %s", answer.confidence(), answer.alternatives())
        .isEqualTo(Answer.Outcome.ANSWERED);
    assertThat(answer.entry().id()).isEqualTo(expected);
  }

  @Test
  void a_question_no_guide_covers_is_still_not_answered() {
    Answer answer = kb.ask("股票怎么开户");

    assertThat(answer.outcome()).isEqualTo(Answer.Outcome.NOT_SURE);
    assertThat(answer.alternatives()).hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void a_sentence_vector_has_512_dimensions_and_unit_length() {
    float[] vector = embedder.embed("外地人怎么办居住证");

    assertThat(vector).hasSize(embedder.dimensions()).hasSize(512);
    double norm = 0;
    for (float x : vector) {
      norm += x * x;
    }
    assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-4));
  }

  @Test
  void the_vector_cache_is_written_and_a_second_start_reads_it_back_without_embedding_again(@TempDir Path cacheDir)
      throws IOException {
    List<String> passages = List.of("居住证需要什么材料", "养狗要不要办狗证", "失业登记有什么用");
    Path file = cacheDir.resolve(embedder.name() + ".vectors");

    List<float[]> first = CachedEmbedder.wrap(embedder, cacheDir).embedAll(passages);

    assertThat(file).exists();
    long size = Files.size(file);
    assertThat(size).isGreaterThan(3L * 512 * Float.BYTES);

    List<float[]> second = CachedEmbedder.wrap(embedder, cacheDir).embedAll(passages);

    assertThat(Files.size(file)).as("nothing embedded again").isEqualTo(size);
    for (int i = 0; i < passages.size(); i++) {
      assertThat(second.get(i)).as(passages.get(i)).containsExactly(first.get(i));
    }
  }

  @Test
  void a_torn_cache_file_is_rebuilt_rather_than_trusted(@TempDir Path cacheDir) throws IOException {
    List<String> passages = List.of("居住证需要什么材料", "养狗要不要办狗证");
    Path file = cacheDir.resolve(embedder.name() + ".vectors");
    List<float[]> original = CachedEmbedder.wrap(embedder, cacheDir).embedAll(passages);
    long size = Files.size(file);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size - 100);
    }

    List<float[]> rebuilt = CachedEmbedder.wrap(embedder, cacheDir).embedAll(passages);

    assertThat(Files.size(file)).isEqualTo(size);
    for (int i = 0; i < passages.size(); i++) {
      assertThat(rebuilt.get(i)).hasSize(512).containsExactly(original.get(i), within(1e-5f));
    }
  }
}
