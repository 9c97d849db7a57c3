package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Moderator rights follow the poll's and the ticket's chat, not the chat a command is sent in;
 * results and extensions reach the poll's own chat. Moderators: modA of g1, modB of g2, modAll of
 * every generic chat.
 */
class ModeratorScopeTest {

  @RegisterExtension
  static final RunningService service = RunningService.perClassWithChatApp(Map.of(
      "LINLI_CONSULTATION_MODERATORS", "g1:modA,generic:g2:modB,generic:*:modAll", "LINLI_OUTBOX_POLL_MILLIS", "50"));

  private static String say(String chat, String user, String text) {
    return service.say(chat, user, text, null).getJsonObject(0).getString("text");
  }

  private static String openInG1(String question) {
    String announcement = say("g1", "modA", "/poll " + question + " | 同意 | 不同意 --closes 2h");
    return announcement.replaceAll("(?s).*议事投票 (p[0-9a-z]+)：.*", "$1");
  }

  private static JsonObject poll(String id) {
    return service.get("/api/v1/polls/" + id, RunningService.ADMIN).bodyAsJsonObject();
  }

  @Test
  void a_moderator_of_another_chat_can_neither_extend_nor_close_a_poll_of_a_chat_it_does_not_moderate() {
    String id = openInG1("楼下空地改成停车位");
    String closesAt = poll(id).getString("closesAt");

    assertThat(say("g2", "modB", "/extend " + id + " 3d")).contains("属于另一个群", id);
    assertThat(say("g2", "modB", "/close " + id)).contains("属于另一个群", id);
    assertThat(say("g1", "modB", "/close " + id)).contains("只有本群的社区工作人员");

    JsonObject after = poll(id);
    assertThat(after.getString("status")).isEqualTo("open");
    assertThat(after.getString("closesAt")).isEqualTo(closesAt);
    assertThat(service.app().matching(m -> m.getString("text", "").contains("投票结果"))).isEmpty();
  }

  @Test
  void a_poll_closed_from_another_chat_posts_its_result_to_the_poll_s_own_chat() {
    String id = openInG1("小区门口增设快递柜");
    say("g1", "u1", "/vote " + id + " 1");

    assertThat(say("g2", "modAll", "/extend " + id + " 1d")).contains("延期至");
    JsonObject extended = service.app().await(
        m -> m.getString("text", "").contains(id) && m.getString("text").contains("延期至"),
        10);
    assertThat(extended.getJsonObject("chat").getString("id")).isEqualTo("g1");

    assertThat(say("g2", "modAll", "/close " + id)).contains("已结束", "投票所在的群");
    JsonObject result = service.app().await(m -> m.getString("text", "").contains("投票结果")
        && m.getString("text").contains("小区门口增设快递柜"), 10);
    assertThat(result.getJsonObject("chat").getString("id")).isEqualTo("g1");
    assertThat(poll(id).getString("status")).isEqualTo("closed");
  }

  @Test
  void a_moderator_of_another_chat_cannot_read_a_ticket_of_a_chat_it_does_not_moderate() {
    String reply = say("g1", "u7", "/help 3号楼门禁坏了");
    String receipt = reply.replaceAll("(?s).*回执号：(\\d{8}-\\d{4}).*", "$1");
    assertThat(receipt).as(reply).matches("\\d{8}-\\d{4}");

    assertThat(say("g2", "modB", "/status " + receipt)).contains("只有提交人和社区工作人员");
    assertThat(say("g1", "modB", "/status " + receipt)).contains("只有提交人和社区工作人员");
    assertThat(say("g2", "modA", "/status " + receipt)).contains(receipt).doesNotContain("只有提交人");
    assertThat(say("g1", "u7", "/status " + receipt)).contains(receipt).doesNotContain("只有提交人");
  }
}
