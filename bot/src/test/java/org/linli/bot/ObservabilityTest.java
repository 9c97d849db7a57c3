package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What machines watch: the probes, the request ids, the Prometheus metrics and the API description. */
class ObservabilityTest {

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of("LINLI_METRICS_TOKEN", "scraper"));

  @Test
  void live_and_ready_answer_200_once_the_guides_are_indexed_and_health_stays_for_people() {
    HttpResponse<Buffer> live = service.get("/health/live", null);
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.bodyAsJsonObject().getString("status")).isEqualTo("UP");

    HttpResponse<Buffer> ready = service.get("/health/ready", null);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.bodyAsJsonObject().getJsonObject("checks").getMap())
        .containsExactlyInAnyOrderEntriesOf(Map.of("kb", "UP", "redis", "UP", "outbox", "UP", "shutdown", "UP"));
    assertThat(ready.bodyAsJsonObject().getJsonArray("failed")).isEmpty();

    JsonObject health = service.get("/health", null).bodyAsJsonObject();
    assertThat(health.getString("status")).isEqualTo("UP");
    assertThat(health.getJsonObject("outbox").fieldNames()).contains("chat", "hub");
  }

  @Test
  void every_response_carries_a_request_id_and_a_plain_one_given_is_echoed() {
    String fresh = service.get("/health/live", null).getHeader("X-Request-Id");
    String other = service.get("/nowhere", null).getHeader("X-Request-Id");
    assertThat(fresh).matches("[0-9a-f-]{36}");
    assertThat(other).matches("[0-9a-f-]{36}").isNotEqualTo(fresh);

    HttpResponse<Buffer> given = RunningService.await(service.client.get("/health/live")
        .putHeader("X-Request-Id", "lb-7f3a.42").send());
    assertThat(given.getHeader("X-Request-Id")).isEqualTo("lb-7f3a.42");
    HttpResponse<Buffer> forged = RunningService.await(service.client.get("/health/live")
        .putHeader("X-Request-Id", "a b\"{}").send());
    assertThat(forged.getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
  }

  @Test
  void metrics_need_the_scrapers_token_or_the_admin_token() {
    assertThat(service.get("/metrics", null).statusCode()).isEqualTo(401);
    assertThat(service.get("/metrics", "wrong").statusCode()).isEqualTo(401);
    assertThat(service.get("/metrics", "scraper").statusCode()).isEqualTo(200);
    HttpResponse<Buffer> admin = service.get("/metrics", RunningService.ADMIN);
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.getHeader("Content-Type")).startsWith("text/plain");
  }

  @Test
  void metrics_count_answers_votes_and_open_tickets_and_show_the_queues_http_and_the_redis_pool() {
    String before = metrics();
    service.ask("居住证怎么办理");
    service.ask("今天天气怎么样呀");
    JsonObject draft = new JsonObject().put("channel", "generic").put("chat", "g1").put("question", "周六活动室开放时间")
        .put("options", new JsonArray().add("上午").add("下午")).put("scale", "small").put("rule", "majority")
        .put("closesAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withNano(0).toString());
    String poll = service.post("/api/v1/polls", draft.encode(), RunningService.ADMIN).bodyAsJsonObject()
        .getString("id");
    service.say("g1", "m1", null, "vote:" + poll + ":1");
    service.say("g1", "m1", null, "vote:" + poll + ":2");
    service.say("g1", "m2", "/help 3号楼楼道灯坏了", null);

    String after = metrics();
    assertThat(value(after, "linli_answers_total{outcome=\"answered\"}")
        + value(after, "linli_answers_total{outcome=\"declined\"}")
        + value(after, "linli_answers_total{outcome=\"small_talk\"}")
        + value(after, "linli_answers_total{outcome=\"forwarded\"}"))
        .isGreaterThanOrEqualTo(2 + value(before, "linli_answers_total{outcome=\"answered\"}")
            + value(before, "linli_answers_total{outcome=\"declined\"}")
            + value(before, "linli_answers_total{outcome=\"small_talk\"}")
            + value(before, "linli_answers_total{outcome=\"forwarded\"}"));
    assertThat(value(after, "linli_kb_ask_seconds_count")).isGreaterThanOrEqualTo(value(before,
        "linli_kb_ask_seconds_count") + 2);
    assertThat(value(after, "linli_votes_total{result=\"counted\"}") - value(before,
        "linli_votes_total{result=\"counted\"}")).isEqualTo(1);
    assertThat(value(after, "linli_votes_total{result=\"changed\"}") - value(before,
        "linli_votes_total{result=\"changed\"}")).isEqualTo(1);
    assertThat(value(after, "linli_tickets_open{time_limit=\"within\"}")).isGreaterThanOrEqualTo(1);
    assertThat(value(after, "linli_tickets_open{time_limit=\"overdue\"}")).isZero();
    // No hub URL: the ticket waits in the hub queue; the announcement waits in the chat queue.
    assertThat(value(after, "linli_outbox_pending{queue=\"hub\"}")).isGreaterThanOrEqualTo(1);
    assertThat(value(after, "linli_outbox_pending{queue=\"chat\"}")).isGreaterThanOrEqualTo(1);
    assertThat(after).contains("linli_outbox_dead{queue=\"chat\"} 0.0",
        "linli_outbox_oldest_due_seconds{queue=\"hub\"}",
        "linli_hub_stopped 0.0");
    assertThat(after).containsPattern("vertx_http_server_requests_total\\{[^}]*route=\"/api/v1/polls\"");
    assertThat(after).containsPattern("vertx_pool_[a-z_]+\\{[^}]*pool_type=\"redis\"");
  }

  @Test
  void the_api_description_is_served_openly() {
    HttpResponse<Buffer> doc = service.get("/openapi.yaml", null);
    assertThat(doc.statusCode()).isEqualTo(200);
    assertThat(doc.getHeader("Content-Type")).startsWith("application/yaml");
    assertThat(doc.bodyAsString()).startsWith("openapi: 3.1.0").contains("webhooks:", "ticket.created:");
  }

  private static String metrics() {
    HttpResponse<Buffer> response = service.get("/metrics", "scraper");
    assertThat(response.statusCode()).isEqualTo(200);
    return response.bodyAsString();
  }

  /** The value of one series in a scrape, 0 when absent. */
  private static double value(String scrape, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
