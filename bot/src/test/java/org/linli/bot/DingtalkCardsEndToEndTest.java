package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.webhooks.dingtalk.FakeDingtalkOpenApi;

/**
 * The done-when for DingTalk: a vote pressed on a card in a group reaches the bot and is
 * confirmed to the voter. The real service on loopback with cards on, against a fake DingTalk
 * OpenAPI that checks each card against the documented schema and posts presses signed by the
 * documented rule: the callback is registered at start, a moderator's poll in a group goes out as
 * a card, and each member's press is counted, answered with a private note for that member and the
 * card's new public tally.
 */
class DingtalkCardsEndToEndTest {

  private static final String GROUP = "cidGroupCards1";
  private static final String TEMPLATE = "tpl-linli-buttons.schema";
  private static final String ROUTE_KEY = "linli-e2e-cards";
  private static final String CALLBACK_SECRET = "card-callback-secret-end-to-end";
  private static final String CREATE = "/v1.0/card/instances/createAndDeliver";
  private static final String REGISTER = "/v1.0/card/callbacks/register";

  @TempDir
  Path data;

  private Vertx vertx;
  private FakeDingtalkOpenApi dingtalk;
  private RunningService service;
  private String publicUrl;

  @BeforeEach
  void start() throws IOException {
    vertx = Vertx.vertx();
    dingtalk = RunningService.await(new FakeDingtalkOpenApi().start(vertx));
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    publicUrl = "http://127.0.0.1:" + port;
    Map<String, String> env = new HashMap<>();
    env.put("LINLI_HTTP_PORT", String.valueOf(port));
    env.put("LINLI_HTTP_PUBLIC_URL", publicUrl);
    env.put("LINLI_OUTBOX_POLL_MILLIS", "50");
    env.put("LINLI_CONSULTATION_MODERATORS", GROUP + ":mod-staff");
    env.put("LINLI_DINGTALK_APP_SECRET", FakeDingtalkOpenApi.APP_SECRET);
    env.put("LINLI_DINGTALK_APP_KEY", FakeDingtalkOpenApi.APP_KEY);
    env.put("LINLI_DINGTALK_CARD_TEMPLATE_ID", TEMPLATE);
    env.put("LINLI_DINGTALK_CARD_CALLBACK_ROUTE_KEY", ROUTE_KEY);
    env.put("LINLI_DINGTALK_CARD_CALLBACK_SECRET", CALLBACK_SECRET);
    env.put("LINLI_DINGTALK_API_URL", dingtalk.url());
    service = RunningService.start(data, env);
  }

  @AfterEach
  void stop() {
    service.close();
    RunningService.await(vertx.close());
  }

  /** A group message that @-mentions the robot, signed as DingTalk signs it with the app secret. */
  private HttpResponse<Buffer> say(String msgId, String staffId, String text) throws Exception {
    long now = System.currentTimeMillis();
    JsonObject message = new JsonObject()
        .put("conversationId", GROUP).put("conversationType", "2").put("msgId", msgId)
        .put("senderStaffId", staffId).put("isInAtList", true).put("msgtype", "text")
        .put("text", new JsonObject().put("content", " " + text))
        .put("sessionWebhook", "http://127.0.0.1:1/session").put("sessionWebhookExpiredTime", now + 90 * 60_000);
    Mac mac = Mac.getInstance("HmacSHA256");
    String secret = FakeDingtalkOpenApi.APP_SECRET;
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] signed = mac.doFinal((now + "\n" + secret).getBytes(StandardCharsets.UTF_8));
    String sign = Base64.getEncoder().encodeToString(signed);
    return RunningService.await(service.client.post("/webhooks/dingtalk")
        .putHeader("timestamp", String.valueOf(now)).putHeader("sign", sign)
        .sendBuffer(Buffer.buffer(message.encode())));
  }

  private JsonObject firstCard() throws InterruptedException {
    // The fake records a call before it answers (and keeps the card): wait for both.
    for (int i = 0; i < 300 && (dingtalk.calls(CREATE).isEmpty()
        || dingtalk.card(dingtalk.calls(CREATE).get(0).json().getString("outTrackId")) == null); i++) {
      Thread.sleep(50);
    }
    List<FakeDingtalkOpenApi.Call> created = dingtalk.calls(CREATE);
    assertThat(created).as("the poll went out as a card through createAndDeliver").hasSize(1);
    JsonObject card = created.get(0).json();
    assertThat(dingtalk.card(card.getString("outTrackId"))).as("the fake accepted it under the schema").isNotNull();
    return card;
  }

  private JsonObject press(String outTrackId, int button, String staffId) {
    HttpResponse<Buffer> answer = RunningService.await(
        dingtalk.press(outTrackId, button, staffId, System.currentTimeMillis()));
    assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
    return answer.bodyAsJsonObject();
  }

  private JsonObject results(String pollId) {
    return service.get("/api/v1/polls/" + pollId + "/results", RunningService.ADMIN).bodyAsJsonObject();
  }

  @Test
  void a_vote_pressed_on_a_group_card_is_counted_and_confirmed_to_the_voter_alone() throws Exception {
    assertThat(dingtalk.calls(REGISTER)).as("the card callback is registered once at start").hasSize(1);
    JsonObject registered = dingtalk.calls(REGISTER).get(0).json();
    assertThat(registered.getString("callbackUrl")).isEqualTo(publicUrl + "/webhooks/dingtalk/cards");
    assertThat(registered.getString("callbackRouteKey")).isEqualTo(ROUTE_KEY);
    assertThat(registered.getString("apiSecret")).isEqualTo(CALLBACK_SECRET);

    HttpResponse<Buffer> opened = say("msg-card-1", "mod-staff", "/poll 周六活动室开放时间 | 上午 | 下午 --closes 2h");
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(opened.bodyAsString() == null ? "" : opened.bodyAsString())
        .as("a card cannot ride in the robot's HTTP answer").doesNotContain("周六活动室开放时间");

    JsonObject card = firstCard();
    assertThat(card.getString("cardTemplateId")).isEqualTo(TEMPLATE);
    assertThat(card.getString("callbackType")).isEqualTo("HTTP");
    assertThat(card.getString("callbackRouteKey")).isEqualTo(ROUTE_KEY);
    assertThat(card.getString("openSpaceId")).isEqualTo("dtv1.card//IM_GROUP." + GROUP);
    assertThat(card.getJsonObject("imGroupOpenDeliverModel").getString("robotCode"))
        .isEqualTo(FakeDingtalkOpenApi.APP_KEY);
    JsonObject params = card.getJsonObject("cardData").getJsonObject("cardParamMap");
    assertThat(params.getString("markdown")).contains("周六活动室开放时间", "上午", "下午");
    JsonArray buttons = new JsonArray(params.getString("buttons"));
    assertThat(buttons).hasSize(2);
    assertThat(buttons.getJsonObject(0).getString("text")).contains("上午");
    Matcher id = Pattern.compile("议事投票 (p[0-9a-z]+)：").matcher(params.getString("markdown"));
    assertThat(id.find()).as(params.getString("markdown")).isTrue();
    String outTrackId = card.getString("outTrackId");

    JsonObject first = press(outTrackId, 0, "staff-2");
    String note = first.getJsonObject("userPrivateData").getJsonObject("cardParamMap").getString("note");
    assertThat(note).as("the voter's receipt, private to the presser").contains("已记录", "上午");
    assertThat(first.getJsonObject("cardUpdateOptions").getBoolean("updatePrivateDataByKey")).isTrue();
    String tally = first.getJsonObject("cardData").getJsonObject("cardParamMap").getString("markdown");
    assertThat(tally).as("the card's public data shows the live tally, not the receipt")
        .contains("周六活动室开放时间", "上午 1", "下午 0").doesNotContain("已记录");

    JsonObject second = press(outTrackId, 1, "staff-3");
    assertThat(second.getJsonObject("userPrivateData").getJsonObject("cardParamMap").getString("note"))
        .contains("已记录", "下午").doesNotContain("上午");
    assertThat(second.getJsonObject("cardData").getJsonObject("cardParamMap").getString("markdown"))
        .contains("上午 1", "下午 1");

    JsonObject results = results(id.group(1));
    assertThat(results.getLong("ballots")).isEqualTo(2);
    assertThat(results.getJsonArray("tally").getJsonObject(0).getLong("votes")).isEqualTo(1);
    assertThat(results.getJsonArray("tally").getJsonObject(1).getLong("votes")).isEqualTo(1);
  }

  @Test
  void a_press_not_signed_with_the_callback_secret_is_refused_and_not_counted() throws Exception {
    say("msg-card-2", "mod-staff", "/poll 楼道灯换成声控的吗 | 换 | 不换");
    JsonObject card = firstCard();
    String outTrackId = card.getString("outTrackId");
    JsonObject params = card.getJsonObject("cardData").getJsonObject("cardParamMap");
    String payload = new JsonArray(params.getString("buttons")).getJsonObject(0).getString("payload");
    String body = FakeDingtalkOpenApi.callbackBody(outTrackId, "staff-9", payload);

    String url = dingtalk.routeOf(outTrackId).url();
    FakeDingtalkOpenApi.Route forged = new FakeDingtalkOpenApi.Route(url, "not-our-secret");
    HttpResponse<Buffer> refused = RunningService.await(dingtalk.post(forged, body, System.currentTimeMillis()));
    assertThat(refused.statusCode()).isEqualTo(401);

    Matcher id = Pattern.compile("议事投票 (p[0-9a-z]+)：").matcher(params.getString("markdown"));
    assertThat(id.find()).isTrue();
    JsonObject results = results(id.group(1));
    assertThat(results.getLong("ballots")).isZero();
  }
}
