package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The moderators' poll API, as the contract in the issue describes it. */
class PollApiTest {

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of());

  private static JsonObject draft() {
    return new JsonObject()
        .put("channel", "generic")
        .put("chat", "g1")
        .put("question", "周六活动室开放时间")
        .put("options", new JsonArray().add("上午").add("下午"))
        .put("scale", "small")
        .put("rule", "two-thirds")
        .put("closesAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withNano(0).toString())
        .put("anonymous", false)
        .put("hideResults", false);
  }

  private static JsonObject vote(String user, String callback) {
    JsonObject body = new JsonObject()
        .put("chat", new JsonObject().put("id", "g1").put("type", "group"))
        .put("from", new JsonObject().put("id", user))
        .put("callback", callback);
    return service.post("/webhooks/generic", body.encode(), RunningService.GENERIC).bodyAsJsonObject();
  }

  @Test
  void a_poll_created_through_the_api_takes_votes_and_closes_with_its_result() {
    HttpResponse<Buffer> created = service.post("/api/v1/polls", draft().encode(), RunningService.ADMIN);
    assertThat(created.statusCode()).isEqualTo(201);
    String id = created.bodyAsJsonObject().getString("id");

    vote("u1", "vote:" + id + ":1");
    vote("u2", "vote:" + id + ":1");
    vote("u3", "vote:" + id + ":2");

    JsonObject results = service.get("/api/v1/polls/" + id + "/results", RunningService.ADMIN).bodyAsJsonObject();
    assertThat(results.getString("status")).isEqualTo("open");
    assertThat(results.getJsonArray("tally").getJsonObject(0).getLong("votes")).isEqualTo(2);
    assertThat(results.getLong("ballots")).isEqualTo(3);

    JsonObject closed = service.post("/api/v1/polls/" + id + "/close", "", RunningService.ADMIN).bodyAsJsonObject();
    assertThat(closed.getString("status")).isEqualTo("closed");
    assertThat(closed.getJsonObject("outcome").getBoolean("passed")).isTrue();
    assertThat(closed.getJsonObject("outcome").getJsonArray("conditions").getJsonObject(0).getString("detail"))
        .contains("恰好达到");
    assertThat(service.get("/api/v1/polls/" + id, RunningService.ADMIN).bodyAsJsonObject().getString("question"))
        .isEqualTo("周六活动室开放时间");
  }

  @Test
  void bad_drafts_are_refused_with_a_reason_and_store_nothing() {
    assertThat(service.post("/api/v1/polls", draft().encode(), null).statusCode()).isEqualTo(401);
    assertThat(service.post("/api/v1/polls", "{oops", RunningService.ADMIN).statusCode()).isEqualTo(400);
    assertThat(service.post("/api/v1/polls", draft().put("options", new JsonArray().add("只有一个")).encode(),
        RunningService.ADMIN).bodyAsJsonObject().getString("detail")).contains("options");
    assertThat(service.post("/api/v1/polls", draft().put("rule", "unanimous").encode(), RunningService.ADMIN)
        .statusCode()).isEqualTo(400);
    assertThat(service.post("/api/v1/polls", draft().put("closesAt", "tomorrow").encode(), RunningService.ADMIN)
        .bodyAsJsonObject().getString("detail")).contains("closesAt");
    assertThat(service.get("/api/v1/polls/nope/results", RunningService.ADMIN).statusCode()).isEqualTo(404);
  }
}
