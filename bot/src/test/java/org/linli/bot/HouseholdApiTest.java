package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The moderators' household register API through the running service. */
class HouseholdApiTest {

  @RegisterExtension
  static final RunningService service = RunningService.perClass(Map.of("LINLI_CONSULTATION_BINDING_CODE_HOURS", "48"));

  private static HttpResponse<Buffer> upload(Buffer csv, String contentType, String bearer) {
    var request = service.client.post("/api/v1/households").putHeader("Content-Type", contentType);
    if (bearer != null) {
      request.putHeader("Authorization", "Bearer " + bearer);
    }
    return RunningService.await(request.sendBuffer(csv));
  }

  private static HttpResponse<Buffer> upload(String csv) {
    return upload(Buffer.buffer(csv), "text/csv; charset=utf-8", RunningService.ADMIN);
  }

  private static JsonObject register() {
    return service.get("/api/v1/households", RunningService.ADMIN).bodyAsJsonObject();
  }

  @Test
  void an_imported_register_is_listed_masked_and_its_households_get_binding_codes() {
    HttpResponse<Buffer> imported = upload("\uFEFF户号,楼栋,单元,房号,建筑面积,业主人数,业主姓名,联系电话\r\n"
        + "7-1-301,7,1,301,88.88,2,\"赵六, 钱七\",13900001111\r\n7-1-302,7,1,302,100,1,孙八,\r\n");

    assertThat(imported.statusCode()).isEqualTo(200);
    assertThat(imported.bodyAsJsonObject().getInteger("imported")).isEqualTo(2);
    JsonObject row = register().getJsonArray("list").stream().map(JsonObject.class::cast)
        .filter(r -> r.getString("id").equals("7-1-301")).findFirst().orElseThrow();
    assertThat(row.getString("label")).isEqualTo("7号楼1单元301");
    assertThat(row.getDouble("area")).isEqualTo(88.88);
    assertThat(row.getString("names")).isEqualTo("赵*、钱*");
    assertThat(row.getString("phones")).isEqualTo("139****1111");
    assertThat(register().encode()).doesNotContain("赵六", "13900001111");

    HttpResponse<Buffer> issued = service.post("/api/v1/households/7-1-301/codes", "", RunningService.ADMIN);

    assertThat(issued.statusCode()).isEqualTo(201);
    assertThat(issued.getHeader("Cache-Control")).isEqualTo("no-store");
    JsonObject code = issued.bodyAsJsonObject();
    assertThat(code.getString("household")).isEqualTo("7-1-301");
    assertThat(code.getString("code")).matches("\\d{6}");
    assertThat(Instant.parse(code.getString("expiresAt")))
        .isBetween(Instant.now().plus(Duration.ofHours(47)), Instant.now().plus(Duration.ofHours(49)));
  }

  @Test
  void a_file_with_a_bad_line_is_refused_with_its_line_number_and_changes_nothing() {
    upload("household,building,unit,room,area,owners\n8-1-101,8,1,101,70,1\n");
    JsonObject before = register();

    HttpResponse<Buffer> refused = upload("household,building,unit,room,area,owners\n8-1-101,8,1,101,75,1\n"
        + "8-1-102,8,1,102,80,1\n8-1-103,8,1,103,12o.5,1\n");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getString("detail"))
        .isEqualTo("Nothing was imported: line 4: area \"12o.5\" is not a number of square metres (e.g. 89.5)");
    assertThat(register()).isEqualTo(before);
  }

  @Test
  void a_preview_shows_what_a_file_would_add_and_change_by_field_and_stores_nothing() {
    upload("household,building,unit,room,area,owners,names\n9-1-101,9,1,101,70,1,周九\n9-1-102,9,1,102,80,2,\n");
    JsonObject before = register();

    var preview = RunningService.await(service.client.post("/api/v1/households/preview")
        .putHeader("Content-Type", "text/csv").putHeader("Authorization", "Bearer " + RunningService.ADMIN)
        .sendBuffer(Buffer.buffer("household,building,unit,room,area,owners,names\n9-1-101,9,1,101,72.5,1,周九\n"
            + "9-1-102,9,1,102,80,2,\n9-1-103,9,1,103,90,1,吴十\n")));

    assertThat(preview.statusCode()).isEqualTo(200);
    JsonObject p = preview.bodyAsJsonObject();
    assertThat(p.getBoolean("valid")).isTrue();
    assertThat(p.getJsonArray("added").getJsonObject(0).getString("id")).isEqualTo("9-1-103");
    assertThat(p.getJsonArray("changed")).hasSize(1);
    JsonObject change = p.getJsonArray("changed").getJsonObject(0);
    assertThat(change.getString("id")).isEqualTo("9-1-101");
    assertThat(change.getJsonObject("fields").fieldNames()).containsExactly("area");
    assertThat(change.getJsonObject("fields").getJsonArray("area").getList()).containsExactly("70.0", "72.5");
    assertThat(p.getInteger("unchanged")).isEqualTo(1);
    assertThat(p.encode()).doesNotContain("吴十");
    assertThat(register()).isEqualTo(before);
  }

  @Test
  void a_preview_of_a_bad_file_lists_every_bad_line_and_stores_nothing() {
    JsonObject before = register();

    var preview = RunningService.await(service.client.post("/api/v1/households/preview")
        .putHeader("Content-Type", "text/csv").putHeader("Authorization", "Bearer " + RunningService.ADMIN)
        .sendBuffer(Buffer.buffer("household,building,unit,room,area,owners\n9-2-101,9,2,101,abc,1\n"
            + "9-2-102,9,2,102,80,0\n9-2-103,9,2,103,60,1\n")));

    JsonObject p = preview.bodyAsJsonObject();
    assertThat(p.getBoolean("valid")).isFalse();
    assertThat(p.getJsonArray("problems").getList()).hasSize(2);
    assertThat(p.getJsonArray("problems").getString(0)).startsWith("line 2:");
    assertThat(p.getJsonArray("problems").getString(1)).startsWith("line 3:");
    assertThat(register()).isEqualTo(before);
  }

  @Test
  void a_building_gets_one_code_per_household_for_its_slips_and_a_building_without_households_none() {
    upload("household,building,unit,room,area,owners\n11-1-102,11,1,102,70,1\n11-1-101,11,1,101,70,1\n"
        + "12-1-101,12,1,101,70,1\n");

    var issued = service.post("/api/v1/households/codes", "{\"building\":\"11\"}", RunningService.ADMIN);

    assertThat(issued.statusCode()).isEqualTo(201);
    assertThat(issued.getHeader("Cache-Control")).isEqualTo("no-store");
    var codes = issued.bodyAsJsonObject().getJsonArray("codes");
    assertThat(codes.stream().map(c -> ((JsonObject) c).getString("household"))).containsExactly("11-1-101",
        "11-1-102");
    assertThat(codes.getJsonObject(0).getString("label")).isEqualTo("11号楼1单元101");
    assertThat(codes.getJsonObject(0).getString("code")).matches("\\d{6}")
        .isNotEqualTo(codes.getJsonObject(1).getString("code"));
    assertThat(service.post("/api/v1/households/codes", "{\"building\":\"99\"}", RunningService.ADMIN).statusCode())
        .isEqualTo(404);
    assertThat(service.post("/api/v1/households/codes", "{\"building\":3}", RunningService.ADMIN).statusCode())
        .isEqualTo(400);
    assertThat(service.post("/api/v1/households/codes", "{\"building\":\"11\"}", null).statusCode()).isEqualTo(401);
  }

  @Test
  void codes_are_only_issued_for_households_on_the_register() {
    HttpResponse<Buffer> unknown = service.post("/api/v1/households/no-such-1/codes", "", RunningService.ADMIN);

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.bodyAsJsonObject().getString("detail"))
        .isEqualTo("There is no household no-such-1 on the register; import it first");
    assertThat(service.post("/api/v1/households/7-1-301/codes", "", null).statusCode()).isEqualTo(401);
  }

  @Test
  void only_csv_from_a_moderator_is_taken() {
    String csv = "household,building,unit,room,area,owners\n9-1-101,9,1,101,70,1\n";

    assertThat(upload(Buffer.buffer(csv), "text/csv", null).statusCode()).isEqualTo(401);
    assertThat(upload(Buffer.buffer(csv), "text/csv", "wrong").statusCode()).isEqualTo(401);
    HttpResponse<Buffer> json = upload(Buffer.buffer("{\"households\": []}"), "application/json", RunningService.ADMIN);
    assertThat(json.statusCode()).isEqualTo(415);
    assertThat(json.bodyAsJsonObject().getString("detail")).contains("Content-Type: text/csv");
    assertThat(upload("").bodyAsJsonObject().getString("detail")).startsWith("Nothing was imported: the file is empty");
    assertThat(register().getJsonArray("list").stream().map(JsonObject.class::cast)
        .noneMatch(r -> r.getString("id").equals("9-1-101"))).isTrue();
  }

  @Test
  void a_register_larger_than_a_chat_message_and_saved_as_gbk_is_imported() {
    StringBuilder csv = new StringBuilder("户号,楼栋,单元,房号,建筑面积,业主人数,业主姓名\n");
    for (int i = 1; i <= 3000; i++) {
      csv.append("G-").append(i).append(",光明苑").append(i % 20).append("栋,1,").append(i).append(",66.6,1,业主\n");
    }
    Buffer gbk = Buffer.buffer(csv.toString().getBytes(Charset.forName("GBK")));
    assertThat(gbk.length()).isGreaterThan(65536);

    HttpResponse<Buffer> imported = upload(gbk, "text/csv", RunningService.ADMIN);

    assertThat(imported.statusCode()).isEqualTo(200);
    assertThat(imported.bodyAsJsonObject().getInteger("imported")).isEqualTo(3000);
    JsonObject row = register().getJsonArray("list").stream().map(JsonObject.class::cast)
        .filter(r -> r.getString("id").equals("G-21")).findFirst().orElseThrow();
    assertThat(row.getString("label")).isEqualTo("光明苑1栋1单元21");
  }

  @Test
  void a_file_over_four_mebibytes_is_refused_before_it_is_read() {
    HttpResponse<Buffer> refused = upload(Buffer.buffer(new byte[4 * 1024 * 1024 + 1]), "text/csv",
        RunningService.ADMIN);

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.bodyAsJsonObject().getString("detail")).startsWith("The file is larger than 4 MiB");
  }
}
