package org.linli.webhooks.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.webhooks.Futures.await;
import static org.linli.webhooks.Futures.failure;

import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
 * The DingTalk sender against a fake session webhook on loopback, on a clock the test moves: what
 * DingTalk receives for each kind of reply, and which failures the outbox may retry.
 */
class DingtalkSenderTest {

  private static final String GROUP = "cidGroupA1b2C3==";
  private static final Instant NOW = Instant.parse("2025-03-01T02:00:00Z");

  @RegisterExtension
  final Loopback loopback = new Loopback();
  private final SettableClock clock = new SettableClock(NOW);
  private final SessionWebhooks webhooks = new SessionWebhooks();
  private FakeSessionWebhook dingtalk;
  private DingtalkSender sender;

  @BeforeEach
  void start_a_fake_session_webhook() {
    dingtalk = loopback.start(new FakeSessionWebhook()::start);
    sender = new DingtalkSender(loopback.client(), webhooks, Secret.of("app-secret"), clock,
        Duration.ofSeconds(2));
    webhooks.remember(GROUP, dingtalk.url(), NOW.plus(Duration.ofMinutes(90)).toEpochMilli(), NOW.toEpochMilli());
  }

  private static Outgoing toGroup(Reply reply) {
    return new Outgoing("dingtalk", new ChatEvent.Chat(GROUP, ChatEvent.ChatType.GROUP), reply);
  }

  @Test
  void a_plain_message_is_posted_to_the_live_session_webhook_as_text() {
    await(sender.send(toGroup(Reply.text("周六上午9点活动室开放。"))));

    assertThat(dingtalk.received()).containsExactly(
        new JsonObject("{\"msgtype\": \"text\", \"text\": {\"content\": \"周六上午9点活动室开放。\"}}"));
  }

  @Test
  void a_message_with_buttons_is_an_action_card_whose_buttons_send_their_data_back() {
    Reply poll = new Reply("投票：活动室开放到几点？\n请选择",
        List.of(new Reply.Button("到18点", "vote:p1:1"), new Reply.Button("到21点", "vote:p1:2")), false);

    await(sender.send(toGroup(poll)));

    JsonObject card = dingtalk.received().get(0);
    assertThat(card.getString("msgtype")).isEqualTo("actionCard");
    JsonObject actionCard = card.getJsonObject("actionCard");
    assertThat(actionCard.getString("title")).isEqualTo("投票：活动室开放到几点？");
    assertThat(actionCard.getString("text")).isEqualTo("投票：活动室开放到几点？  \n请选择");
    assertThat(actionCard.getJsonArray("btns")).hasSize(2);
    JsonObject second = actionCard.getJsonArray("btns").getJsonObject(1);
    assertThat(second.getString("title")).isEqualTo("到21点");
    String link = second.getString("actionURL");
    assertThat(link).startsWith("dtmd://dingtalkclient/sendMessage?content=").doesNotContain("+").doesNotContain(" ");
    String sent = URLDecoder.decode(link.substring(link.indexOf('=') + 1), StandardCharsets.UTF_8);
    assertThat(sent).isEqualTo("到21点 〔vote:p1:2〕");
    assertThat(DingtalkMessages.callback(sent)).isEqualTo("vote:p1:2");
  }

  @Test
  void a_question_ending_in_a_document_number_is_a_typed_message_not_a_button_press() {
    assertThat(DingtalkMessages.callback("低保申请要看哪个文件？民政发〔2024〕")).isNull();
    assertThat(DingtalkMessages.callback("查看全文 〔kb:juzhuzheng-apply〕")).isEqualTo("kb:juzhuzheng-apply");
    assertThat(DingtalkMessages.callback("转给求助热线 〔forward〕")).isEqualTo("forward");
  }

  @Test
  void a_long_title_is_cut_between_code_points_and_never_splits_an_emoji() {
    String text = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九😀尾巴";
    Reply reply = new Reply(text, List.of(new Reply.Button("好", "vote:p1:1")), false);

    String title = DingtalkMessages.render(reply).getJsonObject("actionCard").getString("title");

    assertThat(title).isEqualTo("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九😀…");
    assertThat(title.codePoints().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
  }

  @Test
  void an_image_with_an_address_is_shown_in_markdown() {
    Reply chart = Reply.text("投票结果")
        .withImage(new Reply.Image(new byte[]{1, 2}, "https://linli.example/charts/p1.png"));

    await(sender.send(toGroup(chart)));

    assertThat(dingtalk.received().get(0)).isEqualTo(new JsonObject(
        "{\"msgtype\": \"markdown\", \"markdown\": {\"title\": \"投票结果\","
            + " \"text\": \"投票结果\\n\\n![](https://linli.example/charts/p1.png)\"}}"));
  }

  @Test
  void without_a_live_session_webhook_the_failure_is_temporary_and_nothing_is_posted() {
    SendFailure unknown = failure(sender.send(new Outgoing("dingtalk",
        new ChatEvent.Chat("cidNeverSeen", ChatEvent.ChatType.GROUP), Reply.text("提醒"))));
    clock.advance(Duration.ofMinutes(90));
    SendFailure expired = failure(sender.send(toGroup(Reply.text("提醒"))));

    assertThat(unknown.permanent()).isFalse();
    assertThat(unknown.getMessage()).contains("no live DingTalk session webhook");
    assertThat(expired.permanent()).isFalse();
    assertThat(dingtalk.received()).isEmpty();
  }

  @Test
  void a_session_webhook_that_expires_within_the_margin_is_no_longer_used() {
    clock.advance(Duration.ofMinutes(90).minus(SessionWebhooks.MARGIN));

    assertThat(failure(sender.send(toGroup(Reply.text("提醒")))).permanent()).isFalse();
    assertThat(dingtalk.received()).isEmpty();
  }

  @Test
  void a_429_is_temporary_with_its_retry_after_and_the_retry_succeeds() {
    dingtalk.answer(new FakeSessionWebhook.Answer(429, Map.of("Retry-After", "7"), ""), FakeSessionWebhook.Answer.ok());

    SendFailure throttled = failure(sender.send(toGroup(Reply.text("提醒"))));
    await(sender.send(toGroup(Reply.text("提醒"))));

    assertThat(throttled.permanent()).isFalse();
    assertThat(throttled.retryAfterSeconds()).isEqualTo(7);
    assertThat(dingtalk.received()).hasSize(2);
  }

  @Test
  void errcode_130101_sending_too_fast_is_temporary_and_the_retry_succeeds() {
    dingtalk.answer(FakeSessionWebhook.Answer.errcode(130101), FakeSessionWebhook.Answer.ok());

    SendFailure tooFast = failure(sender.send(toGroup(Reply.text("提醒"))));
    await(sender.send(toGroup(Reply.text("提醒"))));

    assertThat(tooFast.permanent()).isFalse();
    assertThat(tooFast.retryAfterSeconds()).isEqualTo(60);
    assertThat(tooFast.getMessage()).contains("130101");
  }

  @Test
  void server_errors_are_temporary_and_other_refusals_permanent() {
    dingtalk.answer(new FakeSessionWebhook.Answer(502, Map.of(), ""));
    assertThat(failure(sender.send(toGroup(Reply.text("提醒")))).permanent()).isFalse();

    dingtalk.answer(FakeSessionWebhook.Answer.errcode(310000));
    SendFailure refused = failure(sender.send(toGroup(Reply.text("提醒"))));
    assertThat(refused.permanent()).isTrue();
    assertThat(refused.getMessage()).contains("310000");
  }

  @Test
  void the_twenty_first_message_within_a_minute_to_one_chat_waits_without_reaching_dingtalk() {
    for (int i = 0; i < DingtalkSender.PER_MINUTE; i++) {
      await(sender.send(toGroup(Reply.text("第" + i + "条"))));
    }

    SendFailure paced = failure(sender.send(toGroup(Reply.text("第21条"))));

    assertThat(paced.permanent()).isFalse();
    assertThat(paced.retryAfterSeconds()).isBetween(1L, 3L);
    assertThat(dingtalk.received()).hasSize(DingtalkSender.PER_MINUTE);
    clock.advance(Duration.ofSeconds(3));
    await(sender.send(toGroup(Reply.text("第21条"))));
    assertThat(dingtalk.received()).hasSize(DingtalkSender.PER_MINUTE + 1);
  }

  @Test
  void a_private_message_to_a_group_fails_for_good_without_being_posted() {
    SendFailure failure = failure(sender.send(toGroup(Reply.privateText("您的投票回执：R-123"))));

    assertThat(failure.permanent()).isTrue();
    assertThat(dingtalk.received()).isEmpty();
  }

  @Test
  void without_an_app_secret_the_channel_is_not_configured() {
    assertThat(new DingtalkSender(loopback.client(), webhooks, Secret.none()).configured()).isFalse();
    assertThat(sender.configured()).isTrue();
  }

}
