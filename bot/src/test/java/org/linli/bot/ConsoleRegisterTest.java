package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The household register pages over real HTTP against a real Redis: roles, CSRF, a preview before
 * every import (bad lines shown, nothing stored), the import committed with the second button,
 * search, and printed binding-code slips whose code binds a resident in the chat.
 */
class ConsoleRegisterTest {

  static final String BOSS = "boss";
  static final String BOSS_PASSWORD = "correct-horse-battery";
  private static final Pattern UPLOAD = Pattern.compile("name=\"upload\" value=\"([0-9a-f]{32})\"");
  private static final Pattern CODE = Pattern.compile("class=\"code\">(\\d+)<");

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of(
      "LINLI_CONSOLE_BOOTSTRAP_ADMIN", BOSS + ":" + BOSS_PASSWORD));

  private static ConsoleBrowserSession signedIn(String name, String password) {
    return ConsoleBrowserSession.signedIn(service.client, name, password);
  }

  private static ConsoleBrowserSession account(String name, String role) {
    ConsoleBrowserSession boss = signedIn(BOSS, BOSS_PASSWORD);
    boss.get("/console/accounts");
    HttpResponse<Buffer> created = boss.submit("/console/accounts", "username", name, "password", name + "-password",
        "role", role);
    assertThat(created.statusCode()).as(created.bodyAsString()).isIn(303, 409);
    return signedIn(name, name + "-password");
  }

  /** Posts the upload form as a browser does: multipart, the file and the page's CSRF token. */
  static HttpResponse<Buffer> upload(ConsoleBrowserSession b, String csv, String csrf) {
    MultipartForm form = MultipartForm.create()
        .binaryFileUpload("file", "register.csv", Buffer.buffer(csv), "text/csv");
    if (csrf != null) {
      form.attribute("_csrf", csrf);
    }
    var request = service.client.post("/console/households/preview").followRedirects(false);
    request.putHeader("Cookie", b.cookie);
    return RunningService.await(request.sendMultipartForm(form));
  }

  private static List<String> registered() {
    JsonArray list = service.get("/api/v1/households", RunningService.ADMIN).bodyAsJsonObject().getJsonArray("list");
    return list.stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }

  @Test
  void an_operator_is_refused_every_register_route_and_a_moderator_reaches_them() {
    ConsoleBrowserSession operator = account("ops", "operator");
    ConsoleBrowserSession moderator = account("wang", "moderator");

    assertThat(operator.get("/console/households").statusCode()).isEqualTo(403);
    assertThat(operator.get("/console/").bodyAsString()).doesNotContain("href=\"/console/households\"");
    assertThat(upload(operator, "household,building,room,area,owners\nx1,1,101,50,1\n", operator.csrf).statusCode())
        .isEqualTo(403);
    assertThat(operator.submit("/console/households/slips", "building", "1").statusCode()).isEqualTo(403);
    assertThat(operator.submit("/console/households/import", "upload", "0".repeat(32)).statusCode()).isEqualTo(403);
    assertThat(registered()).doesNotContain("x1");

    HttpResponse<Buffer> page = moderator.get("/console/households");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString()).contains("href=\"/console/households\"", "enctype=\"multipart/form-data\"",
        "打印绑定码");
  }

  @Test
  void a_file_with_bad_lines_shows_every_bad_line_and_stores_nothing() {
    ConsoleBrowserSession boss = signedIn(BOSS, BOSS_PASSWORD);
    boss.get("/console/households");

    HttpResponse<Buffer> bad = upload(boss, "户号,楼栋,单元,房号,建筑面积,业主人数\n"
        + "7-1-101,7,1,101,88.5,2\n"
        + "7-1-102,7,1,102,12o.5,1\n"
        + "7-1-103,7,1,103,70,0\n", boss.csrf);

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsString()).contains("文件有 2 处问题，什么都没有导入", "line 3", "12o.5", "line 4")
        .doesNotContain("id=\"commit\"", "name=\"upload\"");
    assertThat(registered()).doesNotContain("7-1-101", "7-1-102", "7-1-103");
    assertThat(upload(boss, "", boss.csrf).statusCode()).isEqualTo(400);
  }

  @Test
  void a_change_without_the_csrf_token_is_refused_and_nothing_is_previewed_or_imported() {
    ConsoleBrowserSession boss = signedIn(BOSS, BOSS_PASSWORD);
    boss.get("/console/households");
    String csv = "household,building,room,area,owners\n8-101,8,101,60,1\n";

    HttpResponse<Buffer> none = upload(boss, csv, null);
    HttpResponse<Buffer> forged = upload(boss, csv, "forged");

    for (HttpResponse<Buffer> refused : List.of(none, forged)) {
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.bodyAsString()).contains("表单已经过期").doesNotContain("name=\"upload\"");
    }
    Matcher upload = UPLOAD.matcher(upload(boss, csv, boss.csrf).bodyAsString());
    assertThat(upload.find()).isTrue();
    assertThat(boss.post("/console/households/import", "upload", upload.group(1)).statusCode()).isEqualTo(403);
    assertThat(registered()).doesNotContain("8-101");
  }

  @Test
  void the_previewed_file_is_imported_with_the_second_button_and_a_printed_code_binds_a_resident() {
    ConsoleBrowserSession boss = signedIn(BOSS, BOSS_PASSWORD);
    boss.get("/console/households");
    HttpResponse<Buffer> preview = upload(boss, "household,building,unit,room,area,owners,names\n"
        + "3-1-101,3,1,101,88.5,2,张伟\n"
        + "3-1-102,3,1,102,70,1,李娜\n"
        + "4-1-101,4,1,101,95,1,王芳\n", boss.csrf);

    assertThat(preview.statusCode()).as(preview.bodyAsString()).isEqualTo(200);
    assertThat(preview.bodyAsString()).contains("新增 3 户，更新 0 户，0 户不变", "3号楼1单元101", "确认导入")
        .doesNotContain("张伟");
    assertThat(registered()).as("a preview stores nothing").doesNotContain("3-1-101");
    Matcher upload = UPLOAD.matcher(preview.bodyAsString());
    assertThat(upload.find()).isTrue();
    ConsoleBrowserSession other = account("li", "moderator");
    other.get("/console/households");
    assertThat(other.submit("/console/households/import", "upload", upload.group(1)).statusCode())
        .as("another account cannot commit this upload").isEqualTo(400);

    HttpResponse<Buffer> committed = boss.submit("/console/households/import", "upload", upload.group(1));

    assertThat(committed.statusCode()).isEqualTo(303);
    assertThat(committed.getHeader("Location")).isEqualTo("/console/households?imported=3");
    assertThat(registered()).contains("3-1-101", "3-1-102", "4-1-101");
    assertThat(boss.submit("/console/households/import", "upload", upload.group(1)).statusCode())
        .as("an upload is committed once").isEqualTo(400);
    String searched = boss.get("/console/households?q=3").bodyAsString();
    assertThat(searched).contains("3-1-101", "3-1-102").doesNotContain("4-1-101");
    assertThat(boss.get("/console/households?q=102").bodyAsString()).contains("3-1-102").doesNotContain(
        "3-1-101");

    HttpResponse<Buffer> changed = upload(boss, "household,building,unit,room,area,owners,names\n"
        + "3-1-101,3,1,101,90,2,张伟\n3-1-102,3,1,102,70,1,李娜\n", boss.csrf);
    assertThat(changed.bodyAsString()).contains("新增 0 户，更新 1 户，1 户不变", "<td>建筑面积</td><td>88.5</td><td>90.0</td>");

    HttpResponse<Buffer> slips = boss.submit("/console/households/slips", "building", "3");
    assertThat(slips.statusCode()).isEqualTo(201);
    assertThat(slips.bodyAsString()).contains("3号楼1单元101", "3号楼1单元102", "/bind ", "有效期至")
        .doesNotContain("4号楼");
    Matcher code = CODE.matcher(slips.bodyAsString());
    assertThat(code.find()).isTrue();
    assertThat(boss.submit("/console/households/slips", "building", "99").statusCode()).isEqualTo(404);

    JsonArray replies = service.say("g1", "resident-1", "/bind " + code.group(1), null);
    assertThat(replies.encode()).contains("3号楼1单元101");
    assertThat(boss.get("/console/households?q=3").bodyAsString()).contains("<td class=\"bound\">1</td>");
    assertThat(boss.get("/console/households").bodyAsString()).contains("其中 1 户已有成员绑定");
    String unbound = boss.submit("/console/households/slips", "building", "3", "unboundOnly", "1").bodyAsString();
    assertThat(unbound).contains("3号楼1单元102").doesNotContain("3号楼1单元101");
    assertThat(boss.get("/console/audit").bodyAsString()).contains("register.import", "3 户（新增 3，更新 0）",
        "register.codes", "楼栋 3：2 个绑定码");
  }
}
