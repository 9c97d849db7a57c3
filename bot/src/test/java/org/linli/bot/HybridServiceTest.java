package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The service as shipped: words and the embedding model together. */
class HybridServiceTest {

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of("LINLI_KB_SEMANTIC", "true"));

  @Test
  void health_reports_hybrid_retrieval() {
    assertThat(service.get("/health", null).bodyAsJsonObject().getJsonObject("kb").getString("retrieval"))
        .isEqualTo("hybrid");
  }

  @Test
  void chatty_questions_with_typos_and_traditional_characters_find_their_guides_first() {
    assertThat(entry("生鱼登记在哪里办理呀")).isEqualTo("birth-registration");
    assertThat(entry("我奶奶九十岁了每个月有没有钱可以领啊")).isEqualTo("elderly-allowance");
    assertThat(entry("鄰居吵架了社區能幫忙調解嗎")).isEqualTo("people-mediation");
  }

  @Test
  void the_native_libraries_and_the_vector_cache_live_under_the_data_directory() {
    assertThat(Files.isDirectory(service.data().resolve("native/onnxruntime"))).isTrue();
    assertThat(Files.isDirectory(service.data().resolve("native/djl"))).isTrue();
    assertThat(Files.exists(service.data().resolve("kb/bge-small-zh-v1.5-q.vectors"))).isTrue();
  }

  /**
   * The guide the resident is shown first: the answer, or when the bot is not sure, the first
   * guide it suggests (where the calibrated operating point falls is the evaluation's concern; a
   * homophone typo such as 生鱼 for 生育 may land on either side of it).
   */
  private static String entry(String question) {
    JsonObject answer = service.ask(question);
    if (answer.getBoolean("answered")) {
      return answer.getJsonObject("entry").getString("id");
    }
    assertThat(answer.getJsonArray("alternatives")).as(question + " -> " + answer.encode()).isNotEmpty();
    return answer.getJsonArray("alternatives").getJsonObject(0).getString("id");
  }
}
