package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform added by one package and its settings record ({@code org.linli.webhooks.echo}, only in
 * the tests, listed in the tests' {@code META-INF/services}) is built from its setting, mounted
 * and answered by the real service over loopback HTTP, with nothing in the service naming it.
 */
class TestOnlyPlatformTest {

  private static final String TOKEN = "echo-secret";

  @TempDir
  static Path data;
  static RunningService service;

  @BeforeAll
  static void start() {
    // The echo platform reads its settings record by the settings' naming rule: LINLI_ECHO_TOKEN,
    // or here the system property linli.echo.token (a test cannot set the environment).
    System.setProperty("linli.echo.token", TOKEN);
    try {
      service = RunningService.start(data, Map.of());
    } finally {
      System.clearProperty("linli.echo.token");
    }
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void a_question_on_the_test_only_platform_is_answered_by_the_service() {
    HttpResponse<Buffer> response = echo("e-1", "居住证怎么办", TOKEN);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getJsonArray("replies").getString(0)).contains("/kb/juzhuzheng-apply");
  }

  @Test
  void the_test_only_platform_drops_a_message_delivered_twice() {
    assertThat(echo("e-2", "居住证怎么办", TOKEN).bodyAsJsonObject().getJsonArray("replies")).hasSize(1);

    HttpResponse<Buffer> again = echo("e-2", "居住证怎么办", TOKEN);

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.bodyAsJsonObject().getJsonArray("replies")).isEmpty();
  }

  @Test
  void the_test_only_platform_refuses_a_call_without_its_token() {
    assertThat(echo("e-3", "居住证怎么办", "wrong").statusCode()).isEqualTo(401);
  }

  private static HttpResponse<Buffer> echo(String id, String text, String token) {
    return service.post("/webhooks/echo", new JsonObject().put("id", id).put("user", "u1").put("text", text).encode(),
        token);
  }
}
