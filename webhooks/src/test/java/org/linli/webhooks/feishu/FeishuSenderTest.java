package org.linli.webhooks.feishu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.webhooks.Futures.await;
import static org.linli.webhooks.Futures.failure;
import static org.linli.webhooks.feishu.FakeFeishu.MESSAGES;
import static org.linli.webhooks.feishu.FakeFeishu.TOKENS;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.config.Secret;
import org.linli.webhooks.ChannelSender.SendFailure;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Loopback;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;
import org.linli.webhooks.SettableClock;

/**
 * The Feishu sender against a fake open API on loopback ({@link FakeFeishu}), on a clock the test
 * moves: the token it fetches and keeps, the message bodies Feishu receives, and which failures
 * the outbox may retry.
 */
class FeishuSenderTest {

  private static final String GROUP = "oc_group00000000000000000000000042";

  @RegisterExtension
  final Loopback loopback = new Loopback();
  private final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T02:00:00Z"));
  private FakeFeishu feishu;
  private FeishuSender sender;

  @BeforeEach
  void start_a_fake_feishu() {
    feishu = loopback.start(new FakeFeishu()::start);
    sender = sender(FakeFeishu.APP_SECRET);
  }

  private FeishuSender sender(String secret) {
    return new FeishuSender(loopback.client(), feishu.url() + "/", FakeFeishu.APP_ID, Secret.of(secret), clock,
        Duration.ofSeconds(2));
  }

  private static Outgoing toGroup(Reply reply) {
    return new Outgoing("feishu", new ChatEvent.Chat(GROUP, ChatEvent.ChatType.GROUP), reply);
  }

  @Test
  void a_text_message_goes_to_the_chat_with_a_fetched_token_and_the_outbox_id_as_uuid() {
    await(sender.send("reminder:t-17", toGroup(Reply.text("您的求助单 T-17 已受理。"))));

    assertThat(feishu.calls(TOKENS)).singleElement()
        .satisfies(c -> assertThat(c.json())
            .isEqualTo(new JsonObject().put("app_id", FakeFeishu.APP_ID).put("app_secret", FakeFeishu.APP_SECRET)));
    FakeFeishu.Call message = feishu.calls(MESSAGES).get(0);
    assertThat(message.method()).isEqualTo("POST");
    assertThat(message.query()).containsEntry("receive_id_type", "chat_id");
    assertThat(message.authorization()).isEqualTo("Bearer t-1");
    assertThat(message.json()).isEqualTo(new JsonObject()
        .put("receive_id", GROUP)
        .put("msg_type", "text")
        .put("content", "{\"text\":\"您的求助单 T-17 已受理。\"}")
        .put("uuid", "reminder:t-17-m"));
  }

  @Test
  void the_token_is_fetched_once_and_kept_until_shortly_before_it_expires() {
    await(Future.all(List.of(
        sender.send(toGroup(Reply.text("一"))), sender.send(toGroup(Reply.text("二"))),
        sender.send(toGroup(Reply.text("三"))))));
    clock.advance(Duration.ofSeconds(1));
    await(sender.send(toGroup(Reply.text("四"))));

    assertThat(feishu.calls(TOKENS)).hasSize(1);
    assertThat(feishu.calls(MESSAGES)).extracting(FakeFeishu.Call::authorization).containsOnly("Bearer t-1");

    clock.advance(Duration.ofSeconds(7200 - 300));
    await(sender.send(toGroup(Reply.text("五"))));
    assertThat(feishu.calls(TOKENS)).hasSize(2);
    assertThat(feishu.calls(MESSAGES).get(4).authorization()).isEqualTo("Bearer t-2");
  }

  @Test
  void a_token_feishu_calls_invalid_is_fetched_again_and_the_message_sent_once() {
    await(sender.send(toGroup(Reply.text("一"))));
    feishu.revokeTokens();

    await(sender.send(toGroup(Reply.text("二"))));

    assertThat(feishu.calls(TOKENS)).hasSize(2);
    List<FakeFeishu.Call> messages = feishu.calls(MESSAGES);
    assertThat(messages).extracting(FakeFeishu.Call::authorization).containsExactly("Bearer t-1", "Bearer t-1",
        "Bearer t-2");
    assertThat(messages.get(2).json().getString("content")).isEqualTo("{\"text\":\"二\"}");
  }

  @Test
  void a_reply_with_buttons_is_an_interactive_card_whose_buttons_carry_their_data() {
    Reply poll = new Reply("投票：活动室开放到几点？",
        List.of(new Reply.Button("到18点", "vote:p1:1"), new Reply.Button("到21点", "vote:p1:2")), false);

    await(sender.send(toGroup(poll)));

    JsonObject body = feishu.calls(MESSAGES).get(0).json();
    assertThat(body.getString("msg_type")).isEqualTo("interactive");
    assertThat(new JsonObject(body.getString("content"))).isEqualTo(new JsonObject("""
        {"config": {"wide_screen_mode": true},
         "elements": [
           {"tag": "div", "text": {"tag": "plain_text", "content": "投票：活动室开放到几点？"}},
           {"tag": "action", "actions": [
             {"tag": "button", "text": {"tag": "plain_text", "content": "到18点"}, "type": "default",
              "value": {"data": "vote:p1:1", "chat_type": "group"}},
             {"tag": "button", "text": {"tag": "plain_text", "content": "到21点"}, "type": "default",
              "value": {"data": "vote:p1:2", "chat_type": "group"}}]}]}
        """));
  }

  @Test
  void a_message_to_a_person_goes_by_open_id() {
    await(sender.send(new Outgoing("feishu", new ChatEvent.Chat("ou_resident7", ChatEvent.ChatType.PRIVATE),
        Reply.privateText("您的投票回执：R-8842"))));

    FakeFeishu.Call message = feishu.calls(MESSAGES).get(0);
    assertThat(message.query()).containsEntry("receive_id_type", "open_id");
    assertThat(message.json().getString("receive_id")).isEqualTo("ou_resident7");
  }

  @Test
  void a_picture_is_uploaded_as_a_message_image_and_sent_after_the_text() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 1, 2};
    Reply chart = Reply.text("投票结果").withImage(new Reply.Image(png, "https://linli.example/charts/p1.png"));

    await(sender.send("result:p1", toGroup(chart)));

    FakeFeishu.Call upload = feishu.calls("/open-apis/im/v1/images").get(0);
    assertThat(upload.form()).containsEntry("image_type", "message");
    assertThat(upload.file()).isEqualTo(png);
    assertThat(upload.authorization()).isEqualTo("Bearer t-1");
    assertThat(feishu.calls(MESSAGES)).extracting(c -> c.json().getString("msg_type")).containsExactly("text", "image");
    JsonObject image = feishu.calls(MESSAGES).get(1).json();
    assertThat(image.getString("content")).isEqualTo("{\"image_key\":\"img_v2_chart\"}");
    assertThat(image.getString("uuid")).isEqualTo("result:p1-i");
  }

  @Test
  void a_429_is_temporary_with_feishus_reset_seconds_and_the_retry_succeeds() {
    feishu.answerMessages(new FakeFeishu.Answer(429, Map.of("x-ogw-ratelimit-reset", "3"),
        new JsonObject().put("code", 99991400).put("msg", "request trigger frequency limit")));

    SendFailure limited = failure(sender.send(toGroup(Reply.text("提醒"))));
    await(sender.send(toGroup(Reply.text("提醒"))));

    assertThat(limited.permanent()).isFalse();
    assertThat(limited.retryAfterSeconds()).isEqualTo(3);
    assertThat(feishu.calls(MESSAGES)).hasSize(2);
  }

  @Test
  void code_99991400_in_a_200_answer_and_server_errors_are_temporary() {
    feishu.answerMessages(FakeFeishu.Answer.code(200, 99991400), FakeFeishu.Answer.code(503, -1));

    SendFailure limited = failure(sender.send(toGroup(Reply.text("提醒"))));
    SendFailure unavailable = failure(sender.send(toGroup(Reply.text("提醒"))));

    assertThat(limited.permanent()).isFalse();
    assertThat(limited.retryAfterSeconds()).isEqualTo(1);
    assertThat(unavailable.permanent()).isFalse();
  }

  @Test
  void other_refusals_are_permanent_and_name_feishus_code() {
    feishu.answerMessages(FakeFeishu.Answer.code(400, 230002));

    SendFailure refused = failure(sender.send(toGroup(Reply.text("提醒"))));

    assertThat(refused.permanent()).isTrue();
    assertThat(refused.getMessage()).contains("230002");
  }

  @Test
  void wrong_app_credentials_are_a_temporary_failure_naming_the_settings() {
    SendFailure failure = failure(sender("not-the-secret").send(toGroup(Reply.text("提醒"))));

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.getMessage()).contains("10014").contains("LINLI_FEISHU_APP_SECRET")
        .doesNotContain("not-the-secret");
    assertThat(feishu.calls(MESSAGES)).isEmpty();
  }

  @Test
  void the_sixth_message_within_a_second_to_one_chat_waits_without_reaching_feishu() {
    for (int i = 0; i < FeishuSender.PER_SECOND; i++) {
      await(sender.send(toGroup(Reply.text("第" + i + "条"))));
    }

    SendFailure paced = failure(sender.send(toGroup(Reply.text("第6条"))));
    await(sender
        .send(new Outgoing("feishu", new ChatEvent.Chat("oc_other", ChatEvent.ChatType.GROUP), Reply.text("别的群"))));

    assertThat(paced.permanent()).isFalse();
    assertThat(paced.retryAfterSeconds()).isEqualTo(1);
    assertThat(feishu.calls(MESSAGES)).hasSize(FeishuSender.PER_SECOND + 1);
    clock.advance(Duration.ofMillis(200));
    await(sender.send(toGroup(Reply.text("第6条"))));
  }

  @Test
  void the_bots_open_id_is_asked_once() {
    feishu.botOpenId("ou_bot1");

    assertThat(await(sender.botOpenId())).isEqualTo("ou_bot1");
    assertThat(await(sender.botOpenId())).isEqualTo("ou_bot1");
    assertThat(feishu.calls("/open-apis/bot/v3/info")).hasSize(1);
  }

  @Test
  void without_an_app_id_and_secret_the_channel_is_not_configured_and_calls_nothing() {
    FeishuSender unset = new FeishuSender(loopback.client(), feishu.url(), "", Secret.none());

    assertThat(unset.configured()).isFalse();
    assertThat(failure(unset.send(toGroup(Reply.text("提醒")))).permanent()).isFalse();
    assertThat(feishu.calls()).isEmpty();
    assertThat(sender.configured()).isTrue();
  }

  @Test
  void a_long_outbox_id_becomes_a_uuid_feishu_accepts() {
    String uuid = FeishuSender.uuid("x".repeat(120), "m");

    assertThat(uuid).hasSizeLessThanOrEqualTo(50).endsWith("-m");
    assertThat(FeishuSender.uuid("", "m")).isNull();
  }

}
