package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Behind a proxy that ends TLS, {@code LINLI_CONSOLE_SECURE_COOKIES=true} marks the session cookie Secure on plain HTTP too. */
class ConsoleSecureCookieTest {

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of(
      "LINLI_CONSOLE_BOOTSTRAP_ADMIN", "boss:correct-horse-battery", "LINLI_CONSOLE_SECURE_COOKIES", "true"));

  @Test
  void the_session_cookie_is_secure_when_the_setting_says_so() {
    HttpResponse<Buffer> login = new ConsoleBrowserSession(service.client).login("boss", "correct-horse-battery");

    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.getHeader("Set-Cookie").toLowerCase(Locale.ROOT)).contains("; secure", "; httponly",
        "samesite=strict");
  }
}
