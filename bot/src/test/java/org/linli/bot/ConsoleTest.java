package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's routes over real HTTP against a real Redis: the login contract, the session
 * cookie's flags and expiry, the security headers, CSRF on every change, throttled logins, roles
 * refused route by route, and account API tokens on the REST API.
 */
class ConsoleTest {

  static final String BOSS = "boss";
  static final String BOSS_PASSWORD = "correct-horse-battery";

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of(
      "LINLI_CONSOLE_BOOTSTRAP_ADMIN", BOSS + ":" + BOSS_PASSWORD, "LINLI_HUB_TOKEN", "hub-secret"));

  private static Redis redisClient;
  private static RedisAPI redis;

  @BeforeAll
  static void connect() {
    redisClient = Redis.createClient(service.vertx, service.verticle.redisUrl());
    redis = RedisAPI.api(redisClient);
  }

  @AfterAll
  static void disconnect() {
    redisClient.close();
  }

  private static ConsoleBrowserSession browser() {
    return new ConsoleBrowserSession(service.client);
  }

  private static ConsoleBrowserSession signedIn(String name, String password) {
    return ConsoleBrowserSession.signedIn(service.client, name, password);
  }

  /** Creates an account through the admin's form. */
  private static void create(String name, String password, String role) {
    ConsoleBrowserSession boss = signedIn(BOSS, BOSS_PASSWORD);
    boss.get("/console/accounts");
    HttpResponse<Buffer> created = boss.submit("/console/accounts", "username", name, "password", password, "role",
        role);
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(303);
  }

  @Test
  void without_a_session_the_console_leads_to_a_login_form_posting_username_and_password() {
    HttpResponse<Buffer> home = browser().get("/console/");
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.getHeader("Location")).isEqualTo("/console/login");
    assertThat(browser().get("/console").getHeader("Location")).isEqualTo("/console/");

    HttpResponse<Buffer> login = browser().get("/console/login");

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.getHeader("Content-Type")).startsWith("text/html");
    assertThat(login.bodyAsString()).contains("<form method=\"post\" action=\"/console/login\"", "name=\"username\"",
        "name=\"password\"", "type=\"password\"", "登录", "/console/console.css").doesNotContain("<script",
            "style=", "<style");
  }

  @Test
  void every_console_answer_carries_a_strict_content_security_policy_and_refuses_framing() {
    for (HttpResponse<Buffer> page : List.of(browser().get("/console/login"), browser().get("/console/"),
        signedIn(BOSS, BOSS_PASSWORD).get("/console/accounts"), browser().post("/console/logout"))) {
      assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'self'", "script-src 'self'",
          "frame-ancestors 'none'").doesNotContain("unsafe-inline");
      assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
      assertThat(page.getHeader("Referrer-Policy")).isEqualTo("same-origin");
      assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }
    HttpResponse<Buffer> css = browser().get("/console/console.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.getHeader("Content-Type")).startsWith("text/css");
  }

  @Test
  void the_bootstrap_admin_logs_in_with_an_http_only_strict_cookie_and_sees_name_role_and_pages() {
    ConsoleBrowserSession boss = browser();
    HttpResponse<Buffer> login = boss.login(BOSS, BOSS_PASSWORD);

    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.getHeader("Location")).isEqualTo("/console/");
    String cookie = login.getHeader("Set-Cookie");
    assertThat(cookie).startsWith("linli_console=").contains("Path=/console", "SameSite=Strict");
    // Netty writes "HTTPOnly"; attribute names are case-insensitive (RFC 6265).
    assertThat(cookie.toLowerCase(java.util.Locale.ROOT)).contains("; httponly").doesNotContain("secure");
    String home = boss.get("/console/").bodyAsString();
    assertThat(home).contains("你好，boss", "角色：街道管理员", "社区：default", "href=\"/console/accounts\"",
        "href=\"/console/tokens\"", "href=\"/console/audit\"", "action=\"/console/logout\"");
  }

  @Test
  void a_wrong_password_shows_the_form_again_with_a_sentence_and_no_cookie() {
    ConsoleBrowserSession someone = browser();
    HttpResponse<Buffer> wrong = someone.login(BOSS, "not-the-password");

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.getHeader("Set-Cookie")).isNull();
    assertThat(wrong.bodyAsString()).contains("用户名或密码不对。", "value=\"boss\"");
    assertThat(someone.get("/console/").statusCode()).isEqualTo(302);
  }

  @Test
  void after_five_failures_the_name_and_the_address_are_refused_with_429_even_with_the_right_password() {
    create("zhou", "zhou-password-1", "operator");
    forgetFailures();
    try {
      for (int i = 0; i < 5; i++) {
        assertThat(browser().login("zhou", "guess-" + i).statusCode()).isEqualTo(401);
      }
      HttpResponse<Buffer> throttled = browser().login("zhou", "zhou-password-1");

      assertThat(throttled.statusCode()).isEqualTo(429);
      assertThat(throttled.getHeader("Set-Cookie")).isNull();
      assertThat(throttled.bodyAsString()).contains("登录失败次数太多", "15 分钟内最多可以失败 5 次",
          "action=\"/console/login\"");
      assertThat(browser().login(BOSS, BOSS_PASSWORD).statusCode()).as("the address is throttled too")
          .isEqualTo(429);
    } finally {
      forgetFailures();
    }
    assertThat(browser().login("zhou", "zhou-password-1").statusCode()).isEqualTo(302);
  }

  /** Other tests log in from the same loopback address: this one starts and ends with no failure counted. */
  private static void forgetFailures() {
    for (var key : RunningService.await(redis.keys("console:{console}:failures:*"))) {
      RunningService.await(redis.del(List.of(key.toString())));
    }
  }

  @Test
  void a_change_without_the_session_s_csrf_token_is_refused_and_changes_nothing() {
    ConsoleBrowserSession boss = signedIn(BOSS, BOSS_PASSWORD);
    boss.get("/console/accounts");

    HttpResponse<Buffer> none = boss.post("/console/accounts", "username", "mallory", "password", "mallory-pass-1",
        "role", "admin");
    HttpResponse<Buffer> wrong = boss.post("/console/accounts", "username", "mallory", "password", "mallory-pass-1",
        "role", "admin", "_csrf", "forged");
    ConsoleBrowserSession other = signedIn(BOSS, BOSS_PASSWORD);
    HttpResponse<Buffer> another = boss.post("/console/accounts", "username", "mallory", "password", "mallory-pass-1",
        "role", "admin", "_csrf", other.csrf);
    HttpResponse<Buffer> anonymous = browser().post("/console/accounts", "username", "mallory", "password",
        "mallory-pass-1", "role", "admin", "_csrf", boss.csrf);

    for (HttpResponse<Buffer> refused : List.of(none, wrong, another, anonymous)) {
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.bodyAsString()).contains("表单已经过期");
    }
    assertThat(boss.get("/console/accounts").bodyAsString()).doesNotContain("mallory");
    assertThat(boss.submit("/console/accounts", "username", "mallory", "password", "mallory-pass-1", "role",
        "operator").statusCode()).isEqualTo(303);
    assertThat(boss.get("/console/accounts").bodyAsString()).contains("mallory");
  }

  @Test
  void a_session_lives_while_used_and_ends_after_its_idle_time_or_at_logout() {
    ConsoleBrowserSession boss = signedIn(BOSS, BOSS_PASSWORD);
    String key = sessionKeys().get(0);
    for (String k : sessionKeys()) {
      RunningService.await(redis.pexpire(List.of(k, "5000")));
    }

    assertThat(boss.get("/console/").statusCode()).isEqualTo(200);
    // Sliding: the request started the hour without use again.
    long left = sessionKeys().stream().mapToLong(k -> RunningService.await(redis.pttl(k)).toLong()).max().orElse(0);
    assertThat(left).isGreaterThan(59 * 60 * 1000L);
    for (String k : sessionKeys()) {
      RunningService.await(redis.pexpire(List.of(k, "1")));
    }
    Waits.pause(20);
    HttpResponse<Buffer> expired = boss.get("/console/");
    assertThat(expired.statusCode()).isEqualTo(302);
    assertThat(expired.getHeader("Location")).isEqualTo("/console/login");
    assertThat(key).doesNotContain(boss.cookie.substring("linli_console=".length()));

    ConsoleBrowserSession again = signedIn(BOSS, BOSS_PASSWORD);
    HttpResponse<Buffer> out = again.submit("/console/logout");
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.getHeader("Location")).isEqualTo("/console/login");
    assertThat(out.getHeader("Set-Cookie")).contains("Max-Age=0");
    assertThat(again.get("/console/").statusCode()).isEqualTo(302);
  }

  private static List<String> sessionKeys() {
    List<String> keys = new ArrayList<>();
    RunningService.await(redis.keys("console:{console}:session:*")).forEach(k -> keys.add(k.toString()));
    assertThat(keys).isNotEmpty();
    return keys;
  }

  @Test
  void a_moderator_or_operator_is_refused_the_accounts_and_audit_pages_and_their_changes() {
    create("li", "li-password-1", "moderator");
    create("wang", "wang-password-1", "operator");
    for (String name : List.of("li", "wang")) {
      ConsoleBrowserSession b = signedIn(name, name + "-password-1");
      String home = b.get("/console/").bodyAsString();
      assertThat(home).contains("你好，" + name, "href=\"/console/tokens\"").doesNotContain("href=\"/console/accounts\"",
          "href=\"/console/audit\"");
      for (String page : List.of("/console/accounts", "/console/audit")) {
        HttpResponse<Buffer> refused = b.get(page);
        assertThat(refused.statusCode()).as(page).isEqualTo(403);
        assertThat(refused.bodyAsString()).contains("没有权限");
      }
      b.get("/console/tokens");
      assertThat(b.submit("/console/accounts", "username", "sneaky", "password", "sneaky-pass-1", "role", "admin")
          .statusCode()).isEqualTo(403);
      assertThat(b.submit("/console/accounts/boss/disable").statusCode()).isEqualTo(403);
      assertThat(b.get("/console/tokens").statusCode()).isEqualTo(200);
    }
    String accounts = signedIn(BOSS, BOSS_PASSWORD).get("/console/accounts").bodyAsString();
    assertThat(accounts).doesNotContain("sneaky");
  }

  @Test
  void a_disabled_account_cannot_log_in_and_its_sessions_end() {
    create("sun", "sun-password-1", "operator");
    ConsoleBrowserSession sun = signedIn("sun", "sun-password-1");
    ConsoleBrowserSession boss = signedIn(BOSS, BOSS_PASSWORD);
    boss.get("/console/accounts");

    assertThat(boss.submit("/console/accounts/sun/disable").statusCode()).isEqualTo(303);
    assertThat(sun.get("/console/").statusCode()).isEqualTo(302);
    assertThat(browser().login("sun", "sun-password-1").statusCode()).isEqualTo(401);
    assertThat(boss.get("/console/accounts").bodyAsString()).contains("已停用");
    assertThat(boss.submit("/console/accounts/boss/disable").statusCode()).as("not oneself").isEqualTo(409);
    assertThat(boss.submit("/console/accounts/sun/enable").statusCode()).isEqualTo(303);
    assertThat(boss.submit("/console/accounts/sun/password", "password", "sun-password-2").statusCode())
        .isEqualTo(303);
    assertThat(browser().login("sun", "sun-password-1").statusCode()).isEqualTo(401);
    assertThat(browser().login("sun", "sun-password-2").statusCode()).isEqualTo(302);
    String audit = boss.get("/console/audit").bodyAsString();
    assertThat(audit).contains("account.disable", "account.enable", "account.password", "sun");
  }

  private static final Pattern TOKEN = Pattern.compile("<code id=\"new-token\">(lnl_[A-Za-z0-9_-]+)</code>");

  private static String token(ConsoleBrowserSession b, String label) {
    b.get("/console/tokens");
    HttpResponse<Buffer> made = b.submit("/console/tokens", "label", label);
    assertThat(made.statusCode()).isEqualTo(200);
    Matcher m = TOKEN.matcher(made.bodyAsString());
    assertThat(m.find()).as(made.bodyAsString()).isTrue();
    assertThat(b.get("/console/tokens").bodyAsString()).contains(label).doesNotContain(m.group(1));
    return m.group(1);
  }

  @Test
  void an_account_s_api_token_opens_the_rest_routes_of_its_role_only_until_revoked() {
    create("qian", "qian-password-1", "operator");
    create("zheng", "zheng-password-1", "moderator");
    ConsoleBrowserSession operator = signedIn("qian", "qian-password-1");
    String operatorToken = token(operator, "ticket script");
    String moderatorToken = token(signedIn("zheng", "zheng-password-1"), "poll script");
    String adminToken = token(signedIn(BOSS, BOSS_PASSWORD), "ops laptop");

    assertThat(service.get("/api/v1/tickets", operatorToken).statusCode()).isEqualTo(200);
    assertThat(service.get("/api/v1/stats?month=2026-11", operatorToken).statusCode()).isEqualTo(200);
    assertThat(service.get("/api/v1/proposals", operatorToken).statusCode()).isEqualTo(403);
    assertThat(service.post("/api/v1/kb/reload", "{}", operatorToken).statusCode()).isEqualTo(403);
    assertThat(service.get("/api/v1/proposals", moderatorToken).statusCode()).isEqualTo(200);
    assertThat(service.get("/api/v1/households", moderatorToken).statusCode()).isEqualTo(200);
    assertThat(service.get("/api/v1/tickets", moderatorToken).statusCode()).isEqualTo(403);
    assertThat(service.get("/api/v1/kb/gaps", moderatorToken).statusCode()).isEqualTo(403);
    assertThat(service.get("/api/v1/tickets", adminToken).statusCode()).isEqualTo(200);
    assertThat(service.get("/api/v1/kb/gaps", adminToken).statusCode()).isEqualTo(200);
    assertThat(service.post("/api/v1/kb/reload", "{}", adminToken).statusCode()).isEqualTo(200);
    // The shared tokens keep working beside them, as bootstrap.
    assertThat(service.get("/api/v1/kb/gaps", RunningService.ADMIN).statusCode()).isEqualTo(200);
    assertThat(service.get("/api/v1/tickets", "hub-secret").statusCode()).isEqualTo(200);
    assertThat(service.get("/api/v1/proposals", "hub-secret").statusCode()).isEqualTo(401);
    assertThat(service.get("/api/v1/tickets", "lnl_made-up").statusCode()).isEqualTo(401);

    String tokens = operator.get("/console/tokens").bodyAsString();
    Matcher revoke = Pattern.compile("action=\"(/console/tokens/[0-9a-f]+/revoke)\"").matcher(tokens);
    assertThat(revoke.find()).isTrue();
    assertThat(operator.submit(revoke.group(1)).statusCode()).isEqualTo(303);
    assertThat(service.get("/api/v1/tickets", operatorToken).statusCode()).isEqualTo(401);

    String audit = signedIn(BOSS, BOSS_PASSWORD).get("/console/audit").bodyAsString();
    assertThat(audit).contains("api POST /api/v1/kb/reload", "token.create", "ops laptop", "token.revoke",
        "ticket script", "qian");
  }

  @Test
  void what_a_person_typed_is_shown_escaped_and_an_unknown_console_address_is_a_404_page() {
    ConsoleBrowserSession boss = signedIn(BOSS, BOSS_PASSWORD);
    boss.get("/console/tokens");
    String page = boss.submit("/console/tokens", "label", "<script>alert('x')</script>").bodyAsString();

    assertThat(page).contains("<td>&lt;script&gt;alert('x')&lt;/script&gt;</td>").doesNotContain("<script>");
    HttpResponse<Buffer> missing = boss.get("/console/nothing-here");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.getHeader("Content-Type")).startsWith("text/html");
    assertThat(missing.bodyAsString()).contains("这个地址没有页面。", "href=\"/console/accounts\"");
    assertThat(browser().get("/console/nothing-here").statusCode()).as("no session: the login first").isEqualTo(302);
  }
}
