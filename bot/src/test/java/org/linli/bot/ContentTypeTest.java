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
 * A Content-Type that says what the body is not: answered 4xx with a sentence, or served as if it
 * were absent, on every kind of route, never 500. Found by sending random requests to the running
 * service: a multipart type without a boundary made Netty's form decoder throw on every route with
 * a body, the webhooks before their signature check; a form type on a GET made every console page
 * throw.
 */
class ContentTypeTest {

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of());

  private static final List<String> BODY_ROUTES = List.of("/api/v1/ask", "/api/v1/polls", "/api/v1/communities",
      "/api/v1/guides/preview", "/api/v1/households", "/webhooks/generic", "/webhooks/hub", "/webhooks/wecom",
      "/webhooks/feishu", "/webhooks/dingtalk", "/webhooks/telegram", "/console/login", "/console/households/preview");

  @Test
  void a_multipart_body_without_a_boundary_is_a_400_with_a_sentence_on_every_route_that_reads_a_body() {
    for (String route : BODY_ROUTES) {
      for (String type : List.of("multipart/form-data; boundary=", "multipart/form-data;boundary",
          "multipart/form-data", "Multipart/Form-Data; charset=utf-8; boundary=\"\"")) {
        HttpResponse<Buffer> response = service.send(HttpMethod.POST, route, Map.of("Content-Type", type), "a=1");

        assertThat(response.statusCode()).as(route + " " + type).isEqualTo(400);
        // The API's JSON says why; the console answers with its own error page.
        assertThat(response.bodyAsString()).as(route + " " + type)
            .contains(route.startsWith("/console") ? "出错了" : "boundary");
      }
    }
  }

  @Test
  void a_multipart_body_with_its_boundary_still_reaches_the_route() {
    HttpResponse<Buffer> response = service.send(HttpMethod.POST, "/api/v1/ask",
        Map.of("Content-Type", "multipart/form-data; boundary=x"), "--x\r\n\r\n--x--\r\n");

    // The route reads JSON: a form is refused by it, with its own sentence, not by the boundary check.
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsString()).doesNotContain("boundary");
  }

  @Test
  void a_console_page_asked_for_with_a_form_type_and_a_body_is_served_as_without_them() {
    for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS)) {
      for (String page : List.of("/console/login", "/console/", "/console/accounts")) {
        for (String type : List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
          HttpResponse<Buffer> response = service.send(method, page, Map.of("Content-Type", type), "a=1&b=2");

          assertThat(response.statusCode()).as(method + " " + page + " " + type).isLessThan(500);
        }
      }
    }
    HttpResponse<Buffer> login = service.send(HttpMethod.GET, "/console/login",
        Map.of("Content-Type", "application/x-www-form-urlencoded"), "a=1");
    assertThat(login.statusCode()).isEqualTo(200);
  }
}
