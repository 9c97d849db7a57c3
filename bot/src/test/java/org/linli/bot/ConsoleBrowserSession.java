package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's side of the console, by hand over real HTTP: it keeps the session cookie it was
 * given, follows no redirect (tests look at them), and posts forms with the CSRF token of the last
 * page it read.
 */
final class ConsoleBrowserSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final WebClient client;
  String cookie;
  String csrf;

  ConsoleBrowserSession(WebClient client) {
    this.client = client;
  }

  /** A session logged in as {@code name}, having read the dashboard (whose CSRF token it keeps). */
  static ConsoleBrowserSession signedIn(WebClient client, String name, String password) {
    ConsoleBrowserSession b = new ConsoleBrowserSession(client);
    assertThat(b.login(name, password).statusCode()).isEqualTo(302);
    assertThat(b.get("/console/").statusCode()).isEqualTo(200);
    return b;
  }

  /** Posts the login form; keeps the cookie when one is set. */
  HttpResponse<Buffer> login(String username, String password) {
    HttpResponse<Buffer> response = post("/console/login", "username", username, "password", password);
    String set = response.getHeader("Set-Cookie");
    if (set != null && set.startsWith("linli_console=")) {
      cookie = set.substring(0, set.indexOf(';'));
    }
    return response;
  }

  /** GETs a page, remembering its CSRF token when it has one. */
  HttpResponse<Buffer> get(String path) {
    HttpResponse<Buffer> response = RunningService.await(withCookie(client.get(path)).send());
    String body = response.bodyAsString();
    if (body != null) {
      Matcher m = CSRF.matcher(body);
      if (m.find()) {
        csrf = m.group(1);
      }
    }
    return response;
  }

  /** Posts a form of {@code name, value} pairs as given (no token added). */
  HttpResponse<Buffer> post(String path, String... pairs) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      form.add(pairs[i], pairs[i + 1]);
    }
    return RunningService.await(withCookie(client.post(path)).sendForm(form));
  }

  /** Posts a form with the CSRF token of the last page read. */
  HttpResponse<Buffer> submit(String path, String... pairs) {
    String[] all = java.util.Arrays.copyOf(pairs, pairs.length + 2);
    all[pairs.length] = "_csrf";
    all[pairs.length + 1] = csrf;
    return post(path, all);
  }

  private HttpRequest<Buffer> withCookie(HttpRequest<Buffer> request) {
    request.followRedirects(false);
    if (cookie != null) {
      request.putHeader("Cookie", cookie);
    }
    return request;
  }
}
