package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The street office's communities, through the console and the REST API on a running service:
 * created with their chats and office facts by an admin, seen by the accounts that work for them
 * only, and refused (403) or unknown (404) otherwise.
 */
class CommunitiesTest {

  static final String BOSS = "boss";
  static final String BOSS_PASSWORD = "correct-horse-battery";

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of(
      "LINLI_CONSOLE_BOOTSTRAP_ADMIN", BOSS + ":" + BOSS_PASSWORD));

  private static ConsoleBrowserSession signedIn(String name, String password) {
    return ConsoleBrowserSession.signedIn(service.client, name, password);
  }

  private static final Pattern TOKEN = Pattern.compile("<code id=\"new-token\">(lnl_[A-Za-z0-9_-]+)</code>");

  private static String token(ConsoleBrowserSession b) {
    b.get("/console/tokens");
    HttpResponse<Buffer> made = b.submit("/console/tokens", "label", "script");
    Matcher m = TOKEN.matcher(made.bodyAsString());
    assertThat(m.find()).as(made.bodyAsString()).isTrue();
    return m.group(1);
  }

  private static void community(ConsoleBrowserSession boss, String id, String name, String chat) {
    boss.get("/console/communities");
    HttpResponse<Buffer> created = boss.submit("/console/communities", "id", id, "name", name, "address",
        name + "居委会，幸福路 " + id.length() + " 号", "phone", "021-5555 010" + id.length(), "hours", "周一至周五 9:00-17:00");
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(303);
    assertThat(created.getHeader("Location")).isEqualTo("/console/communities/" + id);
    boss.get("/console/communities/" + id);
    HttpResponse<Buffer> added = boss.submit("/console/communities/" + id + "/chats", "platform", "generic", "chat",
        chat);
    assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(303);
  }

  @Test
  void an_admin_creates_a_community_with_its_chat_and_facts_and_a_moderator_who_sees_only_it() {
    ConsoleBrowserSession boss = signedIn(BOSS, BOSS_PASSWORD);
    community(boss, "xinghe", "星河社区", "xinghe-group");
    community(boss, "yuehu", "月湖社区", "yuehu-group");

    boss.get("/console/accounts");
    HttpResponse<Buffer> account = boss.submit("/console/accounts", "username", "li.xh", "password",
        "li-password-1", "role", "moderator", "communities", "xinghe");
    assertThat(account.statusCode()).as(account.bodyAsString()).isEqualTo(303);
    assertThat(boss.get("/console/accounts").bodyAsString()).contains("li.xh", "value=\"xinghe\"");
    boss.get("/console/communities/xinghe");
    assertThat(boss.submit("/console/communities/xinghe/moderators", "chat", "generic:xinghe-group", "user",
        "li-wechat").statusCode()).isEqualTo(303);

    String page = boss.get("/console/communities/xinghe").bodyAsString();
    assertThat(page).contains("星河社区", "generic:xinghe-group", "li.xh", "generic:xinghe-group:li-wechat",
        "幸福路 6 号");
    assertThat(page).contains("名册住户：<strong>0</strong>", "进行中的议事：<strong>0</strong>",
        "办理中的工单：<strong>0</strong>");
    assertThat(boss.get("/console/audit").bodyAsString()).contains("community.create", "community.chat.add",
        "moderator.grant", "xinghe");

    ConsoleBrowserSession li = signedIn("li.xh", "li-password-1");
    assertThat(li.get("/console/communities").bodyAsString()).contains("星河社区").doesNotContain("月湖社区");
    assertThat(li.get("/console/communities/xinghe").statusCode()).isEqualTo(200);
    HttpResponse<Buffer> other = li.get("/console/communities/yuehu");
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.bodyAsString()).contains("你的账号不负责这个社区");
    assertThat(li.get("/console/communities/nowhere").statusCode()).isEqualTo(404);
    // A moderator changes nothing of a community, not even their own.
    li.get("/console/communities/xinghe");
    assertThat(li.submit("/console/communities/xinghe/chats", "platform", "generic", "chat", "x").statusCode())
        .isEqualTo(403);

    String liToken = token(li);
    JsonObject mine = service.get("/api/v1/communities", liToken).bodyAsJsonObject();
    assertThat(mine.getJsonArray("communities")).hasSize(1);
    assertThat(mine.getJsonArray("communities").getJsonObject(0).getString("id")).isEqualTo("xinghe");
    assertThat(service.get("/api/v1/communities/xinghe", liToken).bodyAsJsonObject().getJsonObject("office")
        .getString("phone")).isEqualTo("021-5555 0106");
    HttpResponse<Buffer> refused = service.get("/api/v1/communities/yuehu", liToken);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.bodyAsJsonObject().getString("detail")).contains("xinghe", "yuehu");
    assertThat(service.get("/api/v1/communities/nowhere", RunningService.ADMIN).statusCode()).isEqualTo(404);
    assertThat(service.post("/api/v1/communities", "{\"id\":\"x2\",\"name\":\"X\"}", liToken).statusCode())
        .isEqualTo(403);
  }

  @Test
  void an_app_asking_for_a_community_gets_its_office_on_the_card_and_an_unknown_one_is_a_404() {
    JsonObject office = new JsonObject().put("address", "湖滨路7号居委会").put("phone", "021-55550199")
        .put("hours", "周一至周五 9:00-17:00");
    assertThat(service.post("/api/v1/communities", new JsonObject().put("id", "hubin").put("name", "湖滨社区")
        .put("office", office).encode(), RunningService.ADMIN).statusCode()).isEqualTo(201);
    String question = "怎么开居住证明";

    JsonObject plain = service.post("/api/v1/ask", new JsonObject().put("text", question).encode(), null)
        .bodyAsJsonObject();
    JsonObject local = service.post("/api/v1/ask", new JsonObject().put("text", question).put("community", "hubin")
        .encode(), null).bodyAsJsonObject();

    assertThat(plain.getBoolean("answered")).isTrue();
    assertThat(local.getJsonObject("entry").getString("id")).isEqualTo(plain.getJsonObject("entry").getString("id"));
    assertThat(plain.getString("text")).doesNotContain("湖滨路7号");
    assertThat(local.getString("text")).contains("湖滨路7号居委会", "021-55550199");
    HttpResponse<Buffer> unknown = service.post("/api/v1/ask",
        new JsonObject().put("text", question).put("community", "nowhere").encode(), null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject().getString("detail")).contains("nowhere");
    assertThat(service.post("/api/v1/ask", "{\"text\":\"居住证\",\"community\":7}", null).statusCode())
        .isEqualTo(400);
    HttpResponse<Buffer> badId = service.post("/api/v1/ask",
        new JsonObject().put("text", question).put("community", "星河" + "x".repeat(50_000)).encode(), null);
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(badId.bodyAsJsonObject().getString("detail")).contains("小写英文字母").doesNotContain("xxxx");
  }

  @Test
  void a_chat_belongs_to_one_community_and_bad_ids_and_names_are_refused_with_a_sentence() {
    String admin = RunningService.ADMIN;
    assertThat(service.post("/api/v1/communities", "{\"id\":\"lanting\",\"name\":\"兰亭社区\"}", admin).statusCode())
        .isEqualTo(201);
    assertThat(service.post("/api/v1/communities", "{\"id\":\"lanting\",\"name\":\"又一个\"}", admin).statusCode())
        .isEqualTo(409);
    assertThat(service.post("/api/v1/communities", "{\"id\":\"default\",\"name\":\"默认\"}", admin).statusCode())
        .isEqualTo(409);
    HttpResponse<Buffer> badId = service.post("/api/v1/communities", "{\"id\":\"兰亭\",\"name\":\"兰亭社区\"}", admin);
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(badId.bodyAsJsonObject().getString("detail")).contains("小写英文字母");
    assertThat(service.post("/api/v1/communities", "{\"id\":\"ok-1\",\"name\":\"\"}", admin).statusCode())
        .isEqualTo(400);
    assertThat(service.post("/api/v1/communities", "{\"id\":\"ok-1\",\"name\":\"N\",\"office\":3}", admin)
        .statusCode()).isEqualTo(400);
    assertThat(service.post("/api/v1/communities", "[1]", admin).statusCode()).isEqualTo(400);

    assertThat(service.post("/api/v1/communities/lanting/chats", "{\"platform\":\"generic\",\"chat\":\"lt-1\"}",
        admin).statusCode()).isEqualTo(201);
    assertThat(service.post("/api/v1/communities/lanting/chats", "{\"platform\":\"generic\",\"chat\":\"lt-1\"}",
        admin).statusCode()).isEqualTo(200);
    assertThat(service.post("/api/v1/communities", "{\"id\":\"other\",\"name\":\"另一个社区\"}", admin).statusCode())
        .isEqualTo(201);
    assertThat(service.post("/api/v1/communities/lanting/chats", "{\"platform\":\"generic\",\"chat\":\"*\"}",
        admin).statusCode()).isEqualTo(400);
    HttpResponse<Buffer> taken = service.post("/api/v1/communities/other/chats",
        "{\"platform\":\"generic\",\"chat\":\"lt-1\"}", admin);
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(taken.bodyAsJsonObject().getString("detail")).contains("lanting");

    HttpResponse<Buffer> changed = service.put("/api/v1/communities/lanting",
        "{\"office\":{\"address\":\"兰亭路 1 号\",\"phone\":\"0571-1234\",\"hours\":\"9-17\"}}", admin);
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.bodyAsJsonObject().getString("name")).isEqualTo("兰亭社区");
    assertThat(changed.bodyAsJsonObject().getJsonObject("office").getString("address")).isEqualTo("兰亭路 1 号");

    assertThat(service.delete("/api/v1/communities/other/chats?platform=generic&chat=lt-1", admin).statusCode())
        .isEqualTo(404);
    assertThat(service.delete("/api/v1/communities/lanting/chats?platform=generic&chat=lt-1", admin).statusCode())
        .isEqualTo(200);
    assertThat(service.post("/api/v1/communities/other/chats", "{\"platform\":\"generic\",\"chat\":\"lt-1\"}",
        admin).statusCode()).isEqualTo(201);
    assertThat(service.get("/api/v1/communities", "wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void an_account_s_communities_are_changed_by_an_admin_and_an_unknown_one_is_refused() {
    ConsoleBrowserSession boss = signedIn(BOSS, BOSS_PASSWORD);
    boss.get("/console/accounts");
    assertThat(boss.submit("/console/accounts", "username", "wu.op", "password", "wu-password-1", "role",
        "operator", "communities", "*").statusCode()).isEqualTo(303);
    boss.get("/console/accounts");
    HttpResponse<Buffer> unknown = boss.submit("/console/accounts", "username", "zz.op", "password",
        "zz-password-1", "role", "operator", "communities", "atlantis");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.bodyAsString()).contains("atlantis");
    boss.get("/console/accounts");
    assertThat(boss.submit("/console/accounts/wu.op/communities", "communities", "default").statusCode())
        .isEqualTo(303);
    assertThat(boss.get("/console/accounts").bodyAsString()).contains("value=\"default\"");
    boss.get("/console/accounts");
    assertThat(boss.submit("/console/accounts/wu.op/communities", "communities", " ").statusCode()).isEqualTo(400);
    assertThat(boss.get("/console/audit").bodyAsString()).contains("account.communities");
  }
}
