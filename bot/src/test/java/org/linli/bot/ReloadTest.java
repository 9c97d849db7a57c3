package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadTest {

  @TempDir
  static Path data;
  @TempDir
  static Path guides;
  static RunningService service;
  static int shippedGuides;

  @BeforeAll
  static void start() throws Exception {
    // An office's folder: every shipped guide (a knowledge base of two guides gives the words too
    // little to go on for a confident answer) and one file that is not a guide.
    try (Stream<Path> shipped = Files.list(Path.of("../knowledge-base/entries"))) {
      for (Path guide : shipped.filter(p -> p.toString().endsWith(".md")).toList()) {
        Files.copy(guide, guides.resolve(guide.getFileName().toString()));
        shippedGuides++;
      }
    }
    Files.writeString(guides.resolve("broken.md"), "no front matter here");
    service = RunningService.start(data, Map.of("LINLI_KB_DIR", guides.toString()));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void a_bad_file_is_skipped_with_its_name_and_reason_and_the_rest_still_answers() {
    JsonObject health = service.get("/health", null).bodyAsJsonObject();
    assertThat(health.getString("status")).isEqualTo("UP");
    // At least: a guide another test drops into the folder may be there already.
    assertThat(health.getJsonObject("kb").getInteger("entries")).isGreaterThanOrEqualTo(shippedGuides);
    assertThat(health.getJsonObject("kb").getInteger("skipped")).isEqualTo(1);

    assertThat(service.ask("居住证怎么办").getJsonObject("entry").getString("id")).isEqualTo("juzhuzheng-apply");
  }

  @Test
  void reload_needs_the_admin_token_and_reports_skipped_files() {
    assertThat(service.post("/api/v1/kb/reload", "", null).statusCode()).isEqualTo(401);

    JsonObject report = service.post("/api/v1/kb/reload", "", RunningService.ADMIN).bodyAsJsonObject();
    assertThat(report.getInteger("entries")).isGreaterThanOrEqualTo(shippedGuides);
    assertThat(report.getJsonArray("skipped").getJsonObject(0).getString("file")).isEqualTo("broken.md");
    assertThat(report.getJsonArray("skipped").getJsonObject(0).getString("reason")).contains("front matter");
  }

  @Test
  void a_new_guide_dropped_into_the_folder_is_answered_without_a_restart() throws Exception {
    Files.writeString(guides.resolve("pigeon-keeping.md"), """
        ---
        id: pigeon-keeping
        title: 小区里养鸽子的规定
        questions: [阳台上能不能养鸽子, 养信鸽要登记吗]
        tags: [鸽子, 信鸽]
        office: 社区居委会
        ---
        一句话摘要：在小区养鸽子要先向居委会登记，不得影响邻居。

        ## 办理步骤
        1. 到居委会填写养鸽登记表。
        """);
    long deadline = System.currentTimeMillis() + 15_000;
    JsonObject answer = service.ask("阳台上养鸽子需要登记吗");
    while (!answer.getBoolean("answered") && System.currentTimeMillis() < deadline) {
      Thread.sleep(300);
      answer = service.ask("阳台上养鸽子需要登记吗");
    }
    assertThat(answer.getBoolean("answered")).isTrue();
    assertThat(answer.getJsonObject("entry").getString("id")).isEqualTo("pigeon-keeping");
  }
}
