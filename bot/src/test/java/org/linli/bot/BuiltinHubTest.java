package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.config.SettingsException;
import org.linli.config.SettingsLoader;

/**
 * The built-in hub ({@code LINLI_HUB_MODE=builtin}): an office without a hub system of its own
 * works the help-line through Linli's API — statuses, replies, merges, category corrections, the
 * queue and the CSV — over real HTTP, with a real Redis, and the resident reads every message in
 * the fake chat app. Nothing is queued for a hub.
 */
class BuiltinHubTest {

  static final String HUB_TOKEN = "hub-token";
  static final String ADMIN = RunningService.ADMIN;

  @RegisterExtension
  static final RunningService service = RunningService.perClassWithChatApp(Map.of(
      "LINLI_HUB_MODE", "builtin",
      "LINLI_HUB_TOKEN", HUB_TOKEN,
      "LINLI_OUTBOX_POLL_MILLIS", "50"));

  private static JsonArray say(String chat, String type, String user, String text) {
    JsonObject body = new JsonObject().put("chat", new JsonObject().put("id", chat).put("type", type))
        .put("from", new JsonObject().put("id", user)).put("text", text);
    return service.post("/webhooks/generic", body.encode(), RunningService.GENERIC).bodyAsJsonObject()
        .getJsonArray("replies");
  }

  /** Opens a ticket for {@code user} in group g1 and returns its receipt number. */
  private static String help(String user, String text) {
    String reply = say("g1", "group", user, "/help " + text).getJsonObject(0).getString("text");
    String receipt = reply.replaceAll("(?s).*回执号：(\\d{8}-\\d{4}).*", "$1");
    assertThat(receipt).as(reply).matches("\\d{8}-\\d{4}");
    return receipt;
  }

  private static HttpResponse<Buffer> post(String path, JsonObject body, String token) {
    return service.post(path, body.encode(), token);
  }

  private static HttpResponse<Buffer> status(String receipt, String status, String note, String token) {
    return post("/api/v1/tickets/" + receipt + "/status", new JsonObject().put("status", status).put("note", note),
        token);
  }

  private static JsonObject ticket(String receipt) {
    HttpResponse<Buffer> r = service.get("/api/v1/tickets/" + receipt, HUB_TOKEN);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  private static List<JsonObject> history(JsonObject ticket) {
    return ticket.getJsonArray("history").stream().map(o -> (JsonObject) o).toList();
  }

  /** The next message the resident {@code user} reads privately that contains every one of {@code parts}. */
  private static JsonObject told(String user, String... parts) {
    return service.app().await(m -> m.getJsonObject("chat").getString("id").equals(user)
        && List.of(parts).stream().allMatch(p -> m.getString("text", "").contains(p)), 10);
  }

  @Test
  void an_operator_moves_a_ticket_through_its_statuses_and_replies_and_the_resident_reads_each_message() {
    String receipt = help("u7", "6号楼家门口下水道堵了");
    assertThat(service.get("/health", null).bodyAsJsonObject().getJsonObject("hub").getString("deliveries"))
        .isEqualTo("BUILTIN");

    HttpResponse<Buffer> dispatched = status(receipt, "dispatched", "已派物业", HUB_TOKEN);
    assertThat(dispatched.statusCode()).as(dispatched.bodyAsString()).isEqualTo(200);
    assertThat(dispatched.bodyAsJsonObject().getString("status")).isEqualTo("dispatched");
    JsonObject update = told("u7", receipt + " 已派单", "已派物业");
    assertThat(update.getJsonObject("chat").getString("type")).isEqualTo("private");

    HttpResponse<Buffer> replied = post("/api/v1/tickets/" + receipt + "/replies",
        new JsonObject().put("text", "师傅下午两点到"), ADMIN);
    assertThat(replied.statusCode()).as(replied.bodyAsString()).isEqualTo(201);
    told("u7", "求助热线回复（" + receipt + "）：师傅下午两点到");

    assertThat(status(receipt, "in_progress", "", ADMIN).statusCode()).isEqualTo(200);
    told("u7", receipt + " 办理中");
    assertThat(status(receipt, "waiting_resident", "请问是几单元？", ADMIN).statusCode()).isEqualTo(200);
    told("u7", receipt + " 待居民补充", "请问是几单元？", "/reply");

    // The resident answers privately: it joins the ticket and the clock runs again.
    JsonArray answer = say("u7", "private", "u7", "2单元门口");
    assertThat(answer.getJsonObject(0).getString("text")).contains(receipt, "办理中");

    assertThat(status(receipt, "resolved", "已疏通", HUB_TOKEN).statusCode()).isEqualTo(200);
    JsonObject resolved = told("u7", receipt + " 已办结", "已疏通");
    assertThat(resolved.getJsonArray("buttons")).hasSize(5);

    List<JsonObject> lines = history(ticket(receipt));
    assertThat(lines).extracting(l -> l.getString("kind"), l -> l.getString("status"), l -> l.getString("actor"),
        l -> l.getString("by"))
        .containsExactly(
            tuple("status", "received", "resident", null),
            tuple("status", "dispatched", "operator", "hub-token"),
            tuple("message", "dispatched", "operator", "admin-token"),
            tuple("status", "in_progress", "operator", "admin-token"),
            tuple("status", "waiting_resident", "operator", "admin-token"),
            tuple("reply", "in_progress", "resident", null),
            tuple("status", "resolved", "operator", "hub-token"));
    assertThat(lines.get(2).getString("note")).isEqualTo("师傅下午两点到");
    assertThat(lines.get(5).getString("note")).isEqualTo("2单元门口");

    // The resident's own view shows the operator's message as a line of its own.
    assertThat(say("g1", "group", "u7", "/status " + receipt).getJsonObject(0).getString("text"))
        .contains("求助热线回复", "师傅下午两点到", "已办结");
    // Built-in: nothing waits for a hub.
    JsonObject outbox = service.get("/api/v1/outbox/hub/dead", ADMIN).bodyAsJsonObject();
    assertThat(outbox.getLong("pending")).isZero();
    assertThat(outbox.getLong("dead")).isZero();
  }

  @Test
  void a_duplicate_is_merged_into_the_ticket_that_goes_on_and_its_resident_is_told_the_receipt() {
    String first = help("u21", "3号楼2单元楼道灯坏了");
    String duplicate = help("u22", "3号楼2单元的楼道灯不亮了");

    HttpResponse<Buffer> merged = post("/api/v1/tickets/" + duplicate + "/merge",
        new JsonObject().put("into", first).put("note", "同一盏灯"), ADMIN);

    assertThat(merged.statusCode()).as(merged.bodyAsString()).isEqualTo(200);
    JsonObject m = merged.bodyAsJsonObject();
    assertThat(m.getJsonObject("merged").getString("status")).isEqualTo("merged");
    assertThat(m.getJsonObject("into").getString("status")).isEqualTo("received");
    JsonObject last = history(ticket(duplicate)).get(history(ticket(duplicate)).size() - 1);
    assertThat(last.getString("status")).isEqualTo("merged");
    assertThat(last.getString("note")).contains(first, "同一盏灯");
    assertThat(last.getString("by")).isEqualTo("admin-token");
    JsonObject note = history(ticket(first)).get(history(ticket(first)).size() - 1);
    assertThat(note.getString("kind")).isEqualTo("merge");
    assertThat(note.getString("note")).contains(duplicate);
    assertThat(note.getString("status")).isEqualTo("received");
    told("u22", duplicate + " 已合并", "请以回执号 " + first + " 查询进度");

    // Merged once: again, into itself, into nothing, or into a merged ticket is refused.
    int before = history(ticket(first)).size();
    assertThat(post("/api/v1/tickets/" + duplicate + "/merge", new JsonObject().put("into", first), ADMIN)
        .statusCode()).isEqualTo(409);
    assertThat(post("/api/v1/tickets/" + first + "/merge", new JsonObject().put("into", duplicate), ADMIN)
        .statusCode()).isEqualTo(409);
    assertThat(post("/api/v1/tickets/" + first + "/merge", new JsonObject().put("into", first), ADMIN)
        .statusCode()).isEqualTo(400);
    assertThat(post("/api/v1/tickets/" + first + "/merge", new JsonObject().put("into", "20200101-0001"), ADMIN)
        .statusCode()).isEqualTo(400);
    assertThat(post("/api/v1/tickets/" + first + "/merge", new JsonObject(), ADMIN).statusCode()).isEqualTo(400);
    assertThat(ticket(first).getString("status")).isEqualTo("received");
    assertThat(history(ticket(first))).hasSize(before);
  }

  @Test
  void correcting_the_category_changes_the_time_limit_and_is_a_line_of_the_history() {
    String receipt = help("u31", "6号楼楼下的路灯坏了");
    JsonObject before = ticket(receipt);
    assertThat(before.getString("category")).isEqualTo("repair");

    HttpResponse<Buffer> put = RunningService.await(service.client.put("/api/v1/tickets/" + receipt + "/category")
        .putHeader("Authorization", "Bearer " + HUB_TOKEN)
        .sendJsonObject(new JsonObject().put("category", "emergency")));

    assertThat(put.statusCode()).as(put.bodyAsString()).isEqualTo(200);
    JsonObject after = put.bodyAsJsonObject();
    assertThat(after.getString("category")).isEqualTo("emergency");
    assertThat(after.getBoolean("urgent")).isTrue();
    assertThat(after.getLong("timeLimitHours")).isEqualTo(2);
    assertThat(Instant.parse(after.getString("dueAt"))).isBefore(Instant.parse(before.getString("dueAt")));
    JsonObject line = history(after).get(history(after).size() - 1);
    assertThat(line.getString("kind")).isEqualTo("category");
    assertThat(line.getString("note")).contains("报修", "紧急");
    assertThat(line.getString("by")).isEqualTo("hub-token");

    // The route of before still answers with the ticket.
    HttpResponse<Buffer> back = post("/api/v1/tickets/" + receipt + "/category",
        new JsonObject().put("category", "repair"), ADMIN);
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.bodyAsJsonObject().getLong("timeLimitHours")).isEqualTo(before.getLong("timeLimitHours"));
  }

  @Test
  void the_queue_puts_the_ticket_with_the_least_time_left_first_and_pages() {
    String repair = help("u41", "8号楼2单元楼道灯坏了");
    String urgent = help("u42", "9号楼电梯困人了，快来");
    List<String> mine = List.of(repair, urgent);

    JsonObject queue = service.get("/api/v1/tickets/queue?limit=1000", HUB_TOKEN).bodyAsJsonObject();

    List<JsonObject> entries = queue.getJsonArray("tickets").stream().map(o -> (JsonObject) o).toList();
    assertThat(entries.stream().map(e -> e.getString("receipt")).filter(mine::contains).toList())
        .containsExactly(urgent, repair);
    List<Long> left = entries.stream().map(e -> e.getLong("leftMinutes")).toList();
    assertThat(left).isSorted();
    JsonObject first = entries.stream().filter(e -> e.getString("receipt").equals(urgent)).findFirst().orElseThrow();
    assertThat(first.getString("category")).isEqualTo("emergency");
    assertThat(first.getLong("leftMinutes")).isBetween(118L, 120L);
    assertThat(first.getDouble("usedShare")).isLessThan(0.05);
    assertThat(first.getBoolean("dueSoon")).isFalse();
    assertThat(first.getBoolean("overdue")).isFalse();
    assertThat(queue.getJsonObject("counts").getInteger("received")).isGreaterThanOrEqualTo(2);
    assertThat(entries).allMatch(e -> List.of("received", "dispatched", "in_progress", "waiting_resident")
        .contains(e.getString("status")));

    JsonObject page1 = service.get("/api/v1/tickets/queue?limit=1", ADMIN).bodyAsJsonObject();
    JsonObject page2 = service.get("/api/v1/tickets/queue?limit=1&offset=1", ADMIN).bodyAsJsonObject();
    assertThat(page1.getInteger("total")).isEqualTo(queue.getInteger("total"));
    assertThat(page1.getInteger("next")).isEqualTo(1);
    assertThat(page1.getJsonArray("tickets").getJsonObject(0).getString("receipt"))
        .isEqualTo(entries.get(0).getString("receipt"));
    assertThat(page2.getJsonArray("tickets").getJsonObject(0).getString("receipt"))
        .isEqualTo(entries.get(1).getString("receipt"));

    JsonObject dispatched = service.get("/api/v1/tickets/queue?status=dispatched", ADMIN).bodyAsJsonObject();
    assertThat(dispatched.getJsonArray("tickets").stream().map(o -> ((JsonObject) o).getString("status")))
        .allMatch("dispatched"::equals);
    assertThat(service.get("/api/v1/tickets/queue?status=closed", ADMIN).statusCode()).isEqualTo(400);
    assertThat(service.get("/api/v1/tickets/queue?status=nothing", ADMIN).statusCode()).isEqualTo(400);
    assertThat(service.get("/api/v1/tickets/queue?offset=-1", ADMIN).statusCode()).isEqualTo(400);
    assertThat(service.get("/api/v1/tickets/queue?limit=0", ADMIN).statusCode()).isEqualTo(400);
  }

  @Test
  void the_csv_export_opens_in_excel_and_shows_no_phone_or_id_number() throws Exception {
    String receipt = help("u51", "5号楼1单元楼道灯坏了，电话13812345678，身份证110101199003071234");

    HttpResponse<Buffer> csv = service.get("/api/v1/tickets.csv?limit=1000", HUB_TOKEN);

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
    assertThat(csv.getHeader("Content-Disposition")).contains("tickets.csv");
    byte[] bytes = csv.body().getBytes();
    assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String text = csv.bodyAsString("UTF-8").substring(1);
    assertThat(text).contains("\r\n").doesNotContain("13812345678").doesNotContain("110101199003071234");
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(text)).getRecords();
    CSVRecord row = rows.stream().filter(r -> r.get("receipt").equals(receipt)).findFirst().orElseThrow();
    assertThat(row.get("category")).isEqualTo("repair");
    assertThat(row.get("status")).isEqualTo("received");
    assertThat(row.get("status_label")).isEqualTo("已受理");
    assertThat(row.get("text")).startsWith("5号楼1单元楼道灯坏了，电话").doesNotContain("1381234");
    assertThat(row.get("created_at")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    assertThat(row.get("last_change_by")).isEqualTo("resident");
    assertThat(row.toMap()).doesNotContainKeys("resident", "phone");

    assertThat(service.get("/api/v1/tickets.csv?status=flying", HUB_TOKEN).statusCode()).isEqualTo(400);
    String closedOnly = service.get("/api/v1/tickets.csv?status=closed", HUB_TOKEN).bodyAsString("UTF-8");
    assertThat(closedOnly).doesNotContain(receipt);
  }

  @Test
  void bad_input_is_a_400_with_a_sentence_and_changes_nothing() {
    String receipt = help("u61", "7号楼2单元楼道灯坏了");
    JsonObject before = ticket(receipt);

    Map<String, HttpResponse<Buffer>> refused = new HashMap<>();
    refused.put("unknown status", status(receipt, "flying", "", ADMIN));
    refused.put("no status", post("/api/v1/tickets/" + receipt + "/status", new JsonObject().put("note", "x"), ADMIN));
    refused.put("reject without reason", status(receipt, "rejected", " ", ADMIN));
    refused.put("note not text", post("/api/v1/tickets/" + receipt + "/status",
        new JsonObject().put("status", "dispatched").put("note", 5), ADMIN));
    refused.put("empty reply", post("/api/v1/tickets/" + receipt + "/replies", new JsonObject().put("text", " "),
        ADMIN));
    refused.put("long reply", post("/api/v1/tickets/" + receipt + "/replies",
        new JsonObject().put("text", "长".repeat(2001)), ADMIN));
    refused.put("not JSON", service.post("/api/v1/tickets/" + receipt + "/replies", "师傅下午两点到", ADMIN));
    refused.put("unknown category", post("/api/v1/tickets/" + receipt + "/category",
        new JsonObject().put("category", "weather"), ADMIN));

    assertThat(refused).allSatisfy((what, r) -> {
      assertThat(r.statusCode()).as(what + ": " + r.bodyAsString()).isEqualTo(400);
      assertThat(r.bodyAsJsonObject().getString("detail")).as(what).isNotBlank();
    });
    assertThat(refused.get("reject without reason").bodyAsJsonObject().getString("detail")).contains("note");
    // A move the lifecycle does not allow is a 409.
    assertThat(status(receipt, "closed", "", ADMIN).statusCode()).isEqualTo(409);
    assertThat(ticket(receipt)).isEqualTo(before);
    assertThat(service.app().matching(m -> m.getJsonObject("chat").getString("id").equals("u61")
        && !m.getString("text", "").contains("回执号"))).isEmpty();

    // An unknown receipt is a 404 on every action.
    String unknown = "20200101-0042";
    assertThat(List.of(status(unknown, "dispatched", "", ADMIN),
        post("/api/v1/tickets/" + unknown + "/replies", new JsonObject().put("text", "您好"), ADMIN),
        post("/api/v1/tickets/" + unknown + "/merge", new JsonObject().put("into", receipt), ADMIN),
        post("/api/v1/tickets/" + unknown + "/category", new JsonObject().put("category", "repair"), ADMIN)))
        .allSatisfy(r -> assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(404));
    assertThat(ticket(receipt)).isEqualTo(before);
  }

  @Test
  void every_operator_route_is_closed_without_the_token() {
    String receipt = help("u71", "7号楼3单元楼道灯坏了");
    JsonObject before = ticket(receipt);
    String base = "/api/v1/tickets/" + receipt;

    for (String token : new String[]{null, "wrong"}) {
      assertThat(List.of(status(receipt, "dispatched", "", token),
          post(base + "/replies", new JsonObject().put("text", "您好"), token),
          post(base + "/merge", new JsonObject().put("into", "20200101-0001"), token),
          post(base + "/category", new JsonObject().put("category", "emergency"), token),
          service.get("/api/v1/tickets/queue", token),
          service.get("/api/v1/tickets.csv", token)))
          .allSatisfy(r -> assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(401));
    }
    assertThat(ticket(receipt)).isEqualTo(before);
  }

  @Test
  void the_builtin_mode_with_a_hub_url_is_refused_at_start() {
    assertThatThrownBy(() -> new SettingsLoader().load(Map.of("LINLI_HUB_MODE", "builtin",
        "LINLI_HUB_URL", "https://hub.example/events")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("LINLI_HUB_URL");
  }
}
