package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An address with a broken %-escape, in its path or its query string, is a 400 with a JSON sentence
 * on every kind of route, before anything is read or stored. Found by sending random requests to
 * the running service: a form-typed POST to any route with {@code ?x=%ZZ} was never answered (the
 * body handler's decoder threw on the event loop), a route reading a parameter threw a 500, and a
 * path like {@code /api/v1/ask/%} got a plain-text 400 and a stack trace in the log.
 */
class BrokenEscapesTest {

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of("LINLI_ADMIN_TOKEN", "admin-secret"));

  private static final List<String> ROUTES = List.of("/api/v1/ask", "/api/v1/polls", "/api/v1/kb/gaps",
      "/webhooks/generic", "/webhooks/hub", "/webhooks/wecom", "/webhooks/telegram", "/console/login", "/health",
      "/no/such/page");

  @Test
  void a_form_posted_to_an_address_with_a_broken_escape_is_answered_400_not_left_hanging() {
    for (String route : ROUTES) {
      for (String query : List.of("?x=%ZZ", "?x=%E4%", "?%", "?limit=%2")) {
        HttpResponse<Buffer> response = service.send(HttpMethod.POST, route + query,
            Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization", "Bearer admin-secret"),
            "{\"text\": \"居住证怎么办\"}");

        assertThat(response.statusCode()).as(route + query).isEqualTo(400);
        assertThat(response.bodyAsJsonObject().getString("detail")).as(route + query).contains("%25");
      }
    }
  }

  @Test
  void a_form_body_with_a_broken_escape_is_a_400_that_says_how_to_write_a_percent_sign() {
    for (String route : List.of("/api/v1/ask", "/webhooks/generic", "/api/v1/polls")) {
      for (String body : List.of("a=%ZZ", "text=%E4%B", "x=1&y=%")) {
        HttpResponse<Buffer> response = service.send(HttpMethod.POST, route,
            Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization", "Bearer admin-secret"), body);

        assertThat(response.statusCode()).as(route + " " + body).isEqualTo(400);
        assertThat(response.bodyAsJsonObject().getString("detail")).as(route + " " + body).contains("%25");
      }
    }
  }

  @Test
  void a_parameter_with_a_broken_escape_on_a_get_is_a_400_with_a_sentence() {
    HttpResponse<Buffer> response = service.get("/api/v1/kb/gaps?limit=%ZZ", "admin-secret");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("bad_request");
  }

  @Test
  void a_path_with_a_broken_escape_is_a_400_with_a_json_sentence_and_a_request_id() {
    for (String path : List.of("/api/v1/ask/%", "/api/v1/ask%", "/console/%Z", "/webhooks/generic/%E4%B", "/%")) {
      HttpResponse<Buffer> response = service.send(HttpMethod.POST, path, Map.of("Content-Type", "application/json"),
          "{\"text\": \"居住证怎么办\"}");

      assertThat(response.statusCode()).as(path).isEqualTo(400);
      assertThat(response.bodyAsJsonObject().getString("detail")).as(path).contains("%25");
      assertThat(response.getHeader("X-Request-Id")).as(path).isNotBlank();
    }
  }

  @Test
  void a_refused_address_echoes_the_callers_request_id() {
    HttpResponse<Buffer> response = service.send(HttpMethod.GET, "/api/v1/ask/%",
        Map.of("X-Request-Id", "caller-42"), "");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.getHeader("X-Request-Id")).isEqualTo("caller-42");
  }

  @Test
  void a_well_formed_escape_still_reaches_the_route() {
    HttpResponse<Buffer> response = service.get("/api/v1/kb/gaps?limit=%35", "admin-secret");

    assertThat(response.statusCode()).isEqualTo(200);
  }
}
