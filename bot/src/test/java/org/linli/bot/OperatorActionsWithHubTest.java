package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.webhooks.hub.FakeHub;

/**
 * With a hub system ({@code webhooks} mode) the hub's signed callbacks and an operator's API calls
 * take the same path: both are lines of the history naming who acted, the hub's reply included,
 * and the resident hears the same words either way.
 */
class OperatorActionsWithHubTest extends WithHubAndChatApp {

  @TempDir
  Path data;

  private static String help(RunningService service, String user, String text) {
    String reply = service.say("g1", user, text, null).getJsonObject(0).getString("text");
    String receipt = reply.replaceAll("(?s).*回执号：(\\d{8}-\\d{4}).*", "$1");
    assertThat(receipt).as(reply).matches("\\d{8}-\\d{4}");
    return receipt;
  }

  private static List<JsonObject> history(RunningService service, String receipt) {
    return service.get("/api/v1/tickets/" + receipt, HUB_TOKEN).bodyAsJsonObject().getJsonArray("history").stream()
        .map(o -> (JsonObject) o).toList();
  }

  @Test
  void the_hubs_reply_and_an_operators_reply_are_both_lines_of_the_history_and_reach_the_resident()
      throws InterruptedException {
    try (RunningService service = RunningService.start(data, hubEnv())) {
      String receipt = help(service, "u7", "/help 3号楼2单元楼道灯坏了");

      assertThat(hubCallback(service, "msg_r1", new JsonObject().put("type", "ticket.reply")
          .put("receipt", receipt).put("message", "师傅下午两点到")).statusCode()).isEqualTo(200);
      assertThat(service.post("/api/v1/tickets/" + receipt + "/replies",
          new JsonObject().put("text", "师傅改到三点").encode(), HUB_TOKEN).statusCode()).isEqualTo(201);
      assertThat(hubCallback(service, "msg_s1", new JsonObject().put("type", "ticket.status")
          .put("receipt", receipt).put("status", "dispatched").put("note", "已派物业电工")).statusCode()).isEqualTo(200);

      app.await(m -> m.getString("text", "").equals("💬 求助热线回复（" + receipt + "）：师傅下午两点到"), 10);
      app.await(m -> m.getString("text", "").equals("💬 求助热线回复（" + receipt + "）：师傅改到三点"), 10);
      app.await(m -> m.getString("text", "").contains(receipt + " 已派单"), 10);
      List<JsonObject> lines = history(service, receipt);
      assertThat(lines).extracting(l -> l.getString("kind"), l -> l.getString("actor"), l -> l.getString("note"),
          l -> l.getString("by"))
          .containsExactly(
              tuple("status", "resident", "", null),
              tuple("message", "hub", "师傅下午两点到", null),
              tuple("message", "operator", "师傅改到三点", "hub-token"),
              tuple("status", "hub", "已派物业电工", null));
      // The operator's own actions are not sent back to the hub: it only ever got the new ticket.
      hub.await(c -> c.webhookId().equals("msg_" + receipt + "_created"), 10);
      Thread.sleep(500);
      assertThat(hub.received()).extracting(FakeHub.Received::webhookId).containsExactly("msg_" + receipt + "_created");
    }
  }
}
