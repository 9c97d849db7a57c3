package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GuidePageTest {

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of());

  @Test
  void a_guide_page_shows_the_whole_guide_with_its_office_source_and_date() {
    HttpResponse<Buffer> page = service.get("/kb/juzhuzheng-apply", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("Content-Type")).startsWith("text/html");
    assertThat(page.bodyAsString()).contains("<h1>如何办理居住证", "所需材料", "《居住证暂行条例》", "2024-03-01");
  }

  @Test
  void the_guide_index_links_every_guide() {
    String page = service.get("/kb", null).bodyAsString();

    assertThat(page).contains("href=\"/kb/juzhuzheng-apply\"", "href=\"/kb/people-mediation\"");
  }

  @Test
  void an_unknown_guide_is_a_json_404() {
    HttpResponse<Buffer> page = service.get("/kb/no-such-guide", null);

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.bodyAsJsonObject().getString("error")).isEqualTo("not_found");
  }
}
