package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office edits a guide through the admin API and the bot's next answer shows the new text, on
 * every instance; a guide that cannot be read is refused with the parser's sentence and changes
 * nothing; a withdrawn guide stops answering and a restored one answers as shipped.
 */
class GuideEditsTest {

  /** A question the residence-permit guide answers well clear of the tests' threshold. */
  private static final String QUESTION = "外地人办居住证需要什么条件";

  @TempDir
  Path data;

  /**
   * The card a service answers {@link #QUESTION} with, or "" when it is not sure: while a reload
   * is under way a wait asks again rather than failing on the first not-sure.
   */
  private static String answerText(RunningService service) {
    return service.ask(QUESTION).getString("text", "");
  }

  private static JsonObject markdown(String text) {
    return new JsonObject().put("markdown", text);
  }

  @Test
  void an_edited_guide_is_the_next_answer_on_every_instance_and_a_restored_one_is_as_shipped() {
    try (RunningService one = RunningService.start(data.resolve("one"), Map.of())) {
      try (RunningService two = RunningService.start(data.resolve("two"), Map.of("LINLI_REDIS_URL", one.redisUrl()))) {
        JsonObject answer = one.ask(QUESTION);
        String id = answer.getJsonObject("entry").getString("id");
        String shipped = one.get("/api/v1/guides/" + id, RunningService.ADMIN).bodyAsJsonObject().getString("markdown");
        assertThat(shipped).contains("id: " + id);
        String edited = shipped.replaceFirst("(?m)^一句话摘要：.*$", "一句话摘要：2027年起居住证在“随申办”上申领，当天可取（本社区试点）。");
        assertThat(edited).isNotEqualTo(shipped);

        var published = one.put("/api/v1/guides/" + id, markdown(edited).encode(), RunningService.ADMIN);

        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(one.ask(QUESTION).getString("text")).contains("本社区试点");
        Waits.eventually(() -> answerText(two).contains("本社区试点"), java.time.Duration.ofSeconds(10),
            () -> "the second instance answering with the edit within 10 s");
        JsonObject listed = one.get("/api/v1/guides", RunningService.ADMIN).bodyAsJsonObject();
        assertThat(listed.getJsonArray("guides").stream().map(JsonObject.class::cast)
            .filter(g -> g.getString("id").equals(id)).findFirst().orElseThrow().getBoolean("edited")).isTrue();

        assertThat(one.post("/api/v1/guides/" + id + "/restore", "", RunningService.ADMIN).statusCode()).isEqualTo(200);
        assertThat(one.ask(QUESTION).getString("text")).doesNotContain("本社区试点");
        Waits.eventually(() -> {
          String text = answerText(two);
          return !text.isEmpty() && !text.contains("本社区试点");
        }, java.time.Duration.ofSeconds(10),
            () -> "the second instance answering as shipped within 10 s");
      }
    }
  }

  @Test
  void a_guide_that_cannot_be_read_is_refused_with_a_sentence_and_a_withdrawn_guide_stops_answering() {
    try (RunningService service = RunningService.start(data, Map.of())) {
      String id = service.ask(QUESTION).getJsonObject("entry").getString("id");
      String before = service.get("/api/v1/guides/" + id, RunningService.ADMIN).bodyAsString();

      var noTitle = service.put("/api/v1/guides/" + id, markdown("---\nid: " + id + "\n---\n正文\n").encode(),
          RunningService.ADMIN);
      var otherId = service.put("/api/v1/guides/" + id, markdown("---\nid: other\ntitle: 别的\n---\n正文\n").encode(),
          RunningService.ADMIN);
      var preview = service.post("/api/v1/guides/preview",
          new JsonObject().put("id", id).put("markdown", "没有前言").encode(), RunningService.ADMIN);

      assertThat(noTitle.statusCode()).isEqualTo(400);
      assertThat(noTitle.bodyAsJsonObject().getString("detail")).contains("title");
      assertThat(otherId.statusCode()).isEqualTo(400);
      assertThat(otherId.bodyAsJsonObject().getString("detail")).contains("other");
      assertThat(preview.bodyAsJsonObject().getBoolean("valid")).isFalse();
      assertThat(service.put("/api/v1/guides/" + id, "{\"markdown\":", RunningService.ADMIN).statusCode())
          .isEqualTo(400);
      assertThat(service.put("/api/v1/guides/" + id, markdown("x").encode(), null).statusCode()).isEqualTo(401);
      assertThat(service.get("/api/v1/guides/" + id, RunningService.ADMIN).bodyAsString()).isEqualTo(before);

      assertThat(service.delete("/api/v1/guides/" + id, RunningService.ADMIN).statusCode()).isEqualTo(200);
      JsonObject after = service.ask(QUESTION);
      assertThat(after.containsKey("entry") ? after.getJsonObject("entry").getString("id") : "").isNotEqualTo(id);
      assertThat(service.get("/api/v1/guides", RunningService.ADMIN).bodyAsJsonObject().getJsonArray("withdrawn")
          .getList()).containsExactly(id);
      assertThat(service.delete("/api/v1/guides/no-such-guide", RunningService.ADMIN).statusCode()).isEqualTo(404);
    }
  }
}
