package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub contract as the issue that built the hub stated it: callbacks with their fields at the
 * top level as well as in a {@code data} envelope, and events that carry {@code receipt} and
 * {@code text} at the top level besides their {@code data}.
 */
class HubContractTest extends WithHubAndChatApp {

  @TempDir
  Path data;

  private Map<String, String> env() {
    return hubEnv();
  }

  private static String help(RunningService service, String user, String text) {
    String reply = service.say("g1", user, text, null).getJsonObject(0).getString("text");
    String receipt = reply.replaceAll("(?s).*回执号：(\\d{8}-\\d{4}).*", "$1");
    assertThat(receipt).as(reply).matches("\\d{8}-\\d{4}");
    return receipt;
  }

  private static String status(RunningService service, String receipt) {
    return service.get("/api/v1/tickets/" + receipt, HUB_TOKEN).bodyAsJsonObject().getString("status");
  }

  @Test
  void a_status_change_and_a_reply_with_their_fields_at_the_top_level_are_accepted() {
    try (RunningService service = RunningService.start(data, env())) {
      String receipt = help(service, "u1", "/help 3号楼2单元楼道灯坏了");

      HttpResponse<Buffer> changed = hubCallback(service, "msg_top_1", new JsonObject().put("type", "ticket.status")
          .put("receipt", receipt).put("status", "dispatched").put("note", "已派物业电工"));
      HttpResponse<Buffer> replied = hubCallback(service, "msg_top_2", new JsonObject().put("type", "ticket.reply")
          .put("receipt", receipt).put("message", "师傅下午两点到"));

      assertThat(changed.statusCode()).as(changed.bodyAsString()).isEqualTo(200);
      assertThat(changed.bodyAsJsonObject()).isEqualTo(new JsonObject().put("receipt", receipt)
          .put("status", "dispatched"));
      assertThat(replied.statusCode()).as(replied.bodyAsString()).isEqualTo(200);
      assertThat(status(service, receipt)).isEqualTo("dispatched");
      app.await(m -> m.getString("text", "").contains("已派物业电工"), 10);
      app.await(m -> m.getString("text", "").contains("师傅下午两点到"), 10);
    }
  }

  @Test
  void when_a_callback_has_both_shapes_the_data_envelope_is_read_and_a_data_that_is_no_object_is_refused() {
    try (RunningService service = RunningService.start(data, env())) {
      String receipt = help(service, "u1", "/help 5号楼电梯故障停运");

      HttpResponse<Buffer> both = hubCallback(service, "msg_both", new JsonObject().put("type", "ticket.status")
          .put("receipt", "20000101-9999").put("status", "resolved")
          .put("data", new JsonObject().put("receipt", receipt).put("status", "dispatched")));
      HttpResponse<Buffer> broken = hubCallback(service, "msg_broken", new JsonObject().put("type", "ticket.status")
          .put("receipt", receipt).put("status", "in_progress").put("data", "dispatched"));
      HttpResponse<Buffer> noReceipt = hubCallback(service, "msg_none", new JsonObject().put("type", "ticket.status")
          .put("status", "in_progress"));

      assertThat(both.statusCode()).as(both.bodyAsString()).isEqualTo(200);
      assertThat(broken.statusCode()).isEqualTo(400);
      assertThat(noReceipt.statusCode()).isEqualTo(400);
      assertThat(status(service, receipt)).isEqualTo("dispatched");
    }
  }

  @Test
  void the_created_event_carries_the_receipt_and_the_text_at_the_top_level_as_well_as_in_its_data() {
    try (RunningService service = RunningService.start(data, env())) {
      String receipt = help(service, "u1", "/help 3号楼2单元楼道灯坏了，电话13812345678");

      JsonObject event = hub.await(c -> c.webhookId().equals("msg_" + receipt + "_created"), 15).json();

      assertThat(event.getString("type")).isEqualTo("ticket.created");
      assertThat(event.getString("receipt")).isEqualTo(receipt);
      assertThat(event.getString("text")).contains("3号楼2单元楼道灯坏了");
      assertThat(event.getJsonObject("data").getString("receipt")).isEqualTo(receipt);
      assertThat(event.getJsonObject("data").getString("text")).isEqualTo(event.getString("text"));
    }
  }
}
