package org.linli.webhooks.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.webhooks.telegram.Fixtures.TOKEN;
import static org.linli.webhooks.telegram.Fixtures.await;
import static org.linli.webhooks.telegram.Fixtures.failure;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.config.Secret;
import org.linli.webhooks.ChannelSender.SendFailure;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;

/** The sender against a {@link FakeBotApi} on loopback that records every Bot API call. */
@ExtendWith(VertxExtension.class)
class TelegramSenderTest {

  private static final String GROUP = "-1001234567890";
  private static final String RESIDENT = "1111111";
  private static final Reply POLL = new Reply("议事投票 p1：周六活动室开放到几点？",
      List.of(new Reply.Button("1 到18点", "vote:p1:1"), new Reply.Button("2 到21点", "vote:p1:2")), false);

  private Vertx vertx;
  private WebClient client;
  private FakeBotApi telegram;
  private TelegramSender sender;

  @BeforeEach
  void start_a_fake_telegram(Vertx vertx) {
    this.vertx = vertx;
    client = WebClient.create(vertx);
    telegram = await(FakeBotApi.start(vertx, TOKEN));
    sender = new TelegramSender(vertx, api(Duration.ofSeconds(5)));
  }

  private TelegramBotApi api(Duration timeout) {
    return new TelegramBotApi(client, telegram.url(), Secret.of(TOKEN), timeout);
  }

  private static Outgoing toGroup(Reply reply) {
    return new Outgoing("telegram", new ChatEvent.Chat(GROUP, ChatEvent.ChatType.GROUP), reply);
  }

  private static Incoming typedInGroup() {
    return new Incoming(new ChatEvent("telegram", new ChatEvent.Chat(GROUP, ChatEvent.ChatType.GROUP),
        new ChatEvent.Sender(RESIDENT, "秀英"), "/myvote p1", true, null, "1365"), null);
  }

  private static Incoming pressedInGroup() {
    return new Incoming(new ChatEvent("telegram", new ChatEvent.Chat(GROUP, ChatEvent.ChatType.GROUP),
        new ChatEvent.Sender(RESIDENT, "秀英"), "", true, "vote:p1:2", "1360"), "4382bfdwdsb323b2d9");
  }

  @Test
  void a_poll_goes_out_with_sendMessage_and_an_inline_keyboard_one_button_per_row() {
    String id = await(sender.post(toGroup(POLL)));

    FakeBotApi.Call call = telegram.calls("sendMessage").get(0);
    assertThat(call.httpMethod()).isEqualTo("POST");
    assertThat(call.path()).isEqualTo("/bot" + TOKEN + "/sendMessage");
    assertThat(call.headers().get("Content-Type")).startsWith("application/json");
    assertThat(call.params()).isEqualTo(new JsonObject("""
        {"chat_id": -1001234567890, "text": "议事投票 p1：周六活动室开放到几点？",
         "reply_markup": {"inline_keyboard": [[{"text": "1 到18点", "callback_data": "vote:p1:1"}],
                                              [{"text": "2 到21点", "callback_data": "vote:p1:2"}]]}}
        """));
    assertThat(id).isEqualTo("500");
  }

  @Test
  void four_or_more_short_buttons_go_two_to_a_row() {
    Reply reply = new Reply("满意吗？", List.of(new Reply.Button("很满意", "rate:5"), new Reply.Button("满意", "rate:4"),
        new Reply.Button("一般", "rate:3"), new Reply.Button("不满意", "rate:1"), new Reply.Button("跳过", "rate:0")), false);

    await(sender.send(toGroup(reply)));

    JsonArray rows = telegram.calls("sendMessage").get(0).json("reply_markup").getJsonArray("inline_keyboard");
    assertThat(rows.stream().map(r -> ((JsonArray) r).size()).toList()).containsExactly(2, 2, 1);
  }

  @Test
  void a_chart_is_uploaded_with_sendPhoto_as_multipart_with_the_text_as_caption() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 1, 2, (byte) 0xff};
    await(sender
        .send(toGroup(new Reply("投票 p1 结果：到21点 12票", POLL.buttons(), false).withImage(new Reply.Image(png, "")))));

    FakeBotApi.Call call = telegram.calls("sendPhoto").get(0);
    assertThat(call.headers().get("Content-Type")).startsWith("multipart/form-data");
    assertThat(call.files().get("photo")).isEqualTo(png);
    assertThat(call.params().getString("chat_id")).isEqualTo(GROUP);
    assertThat(call.params().getString("caption")).isEqualTo("投票 p1 结果：到21点 12票");
    assertThat(call.json("reply_markup").getJsonArray("inline_keyboard")).hasSize(2);
    assertThat(telegram.calls("sendMessage")).isEmpty();
  }

  @Test
  void a_chart_with_a_public_address_is_sent_by_address_and_a_long_text_follows_it() {
    String text = "结果说明。".repeat(300);
    byte[] png = "png".getBytes(StandardCharsets.UTF_8);
    await(
        sender.send(toGroup(Reply.text(text).withImage(new Reply.Image(png, "https://linli.example/charts/p1.png")))));

    JsonObject photo = telegram.calls("sendPhoto").get(0).params();
    assertThat(photo.getString("photo")).isEqualTo("https://linli.example/charts/p1.png");
    assertThat(photo.containsKey("caption")).isFalse();
    assertThat(telegram.calls("sendMessage").get(0).params().getString("text")).isEqualTo(text);
  }

  @Test
  void a_text_longer_than_telegram_takes_is_split_with_the_buttons_on_the_last_part() {
    String text = ("第一段。".repeat(900) + "\n").repeat(2);
    await(sender.send(toGroup(new Reply(text, POLL.buttons(), false))));

    List<FakeBotApi.Call> sent = telegram.calls("sendMessage");
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).params().getString("text").length()).isEqualTo(3600);
    assertThat(sent.get(0).params().containsKey("reply_markup")).isFalse();
    assertThat(sent.get(1).params().containsKey("reply_markup")).isTrue();
  }

  @Test
  void a_reply_to_a_typed_message_in_a_group_replies_to_that_message() {
    await(sender.reply(typedInGroup(), List.of(Reply.text("好的"))));

    JsonObject sent = telegram.calls("sendMessage").get(0).params();
    assertThat(sent.getLong("chat_id")).isEqualTo(Long.parseLong(GROUP));
    assertThat(sent.getJsonObject("reply_parameters"))
        .isEqualTo(new JsonObject().put("message_id", 1365).put("allow_sending_without_reply", true));
  }

  @Test
  void a_private_reply_to_a_button_press_goes_to_the_residents_own_chat_and_shows_as_a_notice() {
    await(sender.reply(pressedInGroup(), List.of(Reply.privateText("已投：到21点。回执码 7Q2K。"))));

    JsonObject direct = telegram.calls("sendMessage").get(0).params();
    assertThat(direct.getLong("chat_id")).isEqualTo(Long.parseLong(RESIDENT));
    assertThat(direct.getString("text")).isEqualTo("已投：到21点。回执码 7Q2K。");
    assertThat(telegram.calls("answerCallbackQuery").get(0).params()).isEqualTo(new JsonObject()
        .put("callback_query_id", "4382bfdwdsb323b2d9").put("text", "已投：到21点。回执码 7Q2K。").put("show_alert", false));
  }

  @Test
  void when_the_resident_never_started_the_bot_a_private_reply_to_a_button_becomes_an_alert_only_they_see() {
    telegram.forbid(RESIDENT);

    await(sender.reply(pressedInGroup(), List.of(Reply.privateText("已投：到21点。"), Reply.text("当前 12 票"))));

    assertThat(telegram.calls("sendMessage")).extracting(c -> c.params().getLong("chat_id"))
        .containsExactly(Long.parseLong(RESIDENT), Long.parseLong(GROUP));
    assertThat(telegram.calls("answerCallbackQuery")).singleElement().satisfies(c -> assertThat(c.params())
        .isEqualTo(new JsonObject().put("callback_query_id", "4382bfdwdsb323b2d9").put("text", "已投：到21点。")
            .put("show_alert", true)));
  }

  @Test
  void when_the_resident_never_started_the_bot_a_private_reply_to_a_message_becomes_a_neutral_hint_in_the_group() {
    telegram.forbid(RESIDENT);

    await(sender.reply(typedInGroup(), List.of(Reply.privateText("您在 p1 投的是：到21点，回执码 7Q2K。"))));

    List<FakeBotApi.Call> sent = telegram.calls("sendMessage");
    assertThat(sent).hasSize(2);
    JsonObject hint = sent.get(1).params();
    assertThat(hint.getLong("chat_id")).isEqualTo(Long.parseLong(GROUP));
    assertThat(hint.getString("text")).isEqualTo(TelegramSender.START_ME_FIRST).doesNotContain("7Q2K", "秀英");
    assertThat(hint.getJsonObject("reply_parameters").getLong("message_id")).isEqualTo(1365L);
  }

  @Test
  void a_private_message_from_the_outbox_to_someone_who_never_started_the_bot_fails_for_good() {
    telegram.forbid(RESIDENT);
    Outgoing note = new Outgoing("telegram", new ChatEvent.Chat(RESIDENT, ChatEvent.ChatType.PRIVATE),
        Reply.privateText("您家的选票已由另一位家庭成员更改。"));

    SendFailure failure = (SendFailure) failure(sender.send(note));

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.getMessage()).contains("403");
  }

  @Test
  void a_429_is_a_temporary_failure_carrying_retry_after_and_the_retry_succeeds() {
    telegram.script("sendMessage", 429,
        "{\"ok\": false, \"error_code\": 429, \"description\": \"Too Many Requests: retry after 7\", \"parameters\": {\"retry_after\": 7}}");

    SendFailure throttled = (SendFailure) failure(sender.send("poll:p1", toGroup(POLL)));
    assertThat(throttled.permanent()).isFalse();
    assertThat(throttled.retryAfterSeconds()).isEqualTo(7);

    await(sender.send("poll:p1", toGroup(POLL)));
    assertThat(telegram.calls("sendMessage")).hasSize(2);
  }

  @Test
  void server_errors_garbage_and_timeouts_are_temporary_and_client_errors_permanent() {
    telegram.script("sendMessage", 502, "<html>Bad Gateway</html>");
    assertThat(((SendFailure) failure(sender.send(toGroup(Reply.text("a"))))).permanent()).isFalse();

    telegram.script("sendMessage", 200, "not json at all");
    assertThat(((SendFailure) failure(sender.send(toGroup(Reply.text("b"))))).permanent()).isFalse();

    telegram.script("sendMessage", 400,
        "{\"ok\": false, \"error_code\": 400, \"description\": \"Bad Request: chat not found\"}");
    SendFailure refused = (SendFailure) failure(sender.send(toGroup(Reply.text("c"))));
    assertThat(refused.permanent()).isTrue();
    assertThat(refused.getMessage()).contains("chat not found");

    telegram.script("sendMessage", 0, "");
    TelegramSender impatient = new TelegramSender(vertx, api(Duration.ofMillis(300)));
    SendFailure timedOut = (SendFailure) failure(impatient.send(toGroup(Reply.text("d"))));
    assertThat(timedOut.permanent()).isFalse();
    assertThat(timedOut.getMessage()).doesNotContain(TOKEN.substring(TOKEN.indexOf(':') + 1));
  }

  @Test
  void a_busy_group_sends_a_burst_of_three_then_tells_the_outbox_when_to_try_again() {
    for (int i = 0; i < 3; i++) {
      await(sender.send(toGroup(Reply.text("提醒 " + i))));
    }

    SendFailure paced = (SendFailure) failure(sender.send(toGroup(Reply.text("提醒 3"))));

    assertThat(paced.permanent()).isFalse();
    assertThat(paced.retryAfterSeconds()).isBetween(1L, 3L);
    assertThat(telegram.calls("sendMessage")).hasSize(3);
    await(sender.send(
        new Outgoing("telegram", new ChatEvent.Chat(RESIDENT, ChatEvent.ChatType.PRIVATE), Reply.text("另一个聊天不受影响"))));
  }

  @Test
  void editMessageText_replaces_a_polls_text_and_buttons_and_an_unchanged_text_counts_as_done() {
    Reply tally = new Reply("议事投票 p1：当前 到18点 3票，到21点 12票", POLL.buttons(), false);

    await(sender.editMessageText(GROUP, "1360", tally));
    telegram.script("editMessageText", 400,
        "{\"ok\": false, \"error_code\": 400, \"description\": \"Bad Request: message is not modified: specified new message content and reply markup are exactly the same\"}");
    await(sender.editMessageText(GROUP, "1360", tally));

    JsonObject edit = telegram.calls("editMessageText").get(0).params();
    assertThat(edit.getLong("chat_id")).isEqualTo(Long.parseLong(GROUP));
    assertThat(edit.getLong("message_id")).isEqualTo(1360L);
    assertThat(edit.getString("text")).isEqualTo("议事投票 p1：当前 到18点 3票，到21点 12票");
    assertThat(edit.getJsonObject("reply_markup").getJsonArray("inline_keyboard")).hasSize(2);
  }

  @Test
  void without_a_token_the_sender_is_not_configured_and_calls_nothing() {
    TelegramSender unset = new TelegramSender(vertx, new TelegramBotApi(client, telegram.url(), Secret.none()));

    assertThat(unset.configured()).isFalse();
    assertThat(((SendFailure) failure(unset.send(toGroup(POLL)))).permanent()).isFalse();
    assertThat(telegram.calls()).isEmpty();
  }

  @Test
  void the_bot_learns_its_username_with_getMe_unless_it_is_configured() {
    assertThat(await(BotIdentity.resolve(api(Duration.ofSeconds(5)), "")))
        .isEqualTo(new BotIdentity(String.valueOf(FakeBotApi.BOT_ID), "linli_bot"));
    assertThat(await(BotIdentity.resolve(api(Duration.ofSeconds(5)), "@LinliBot")))
        .isEqualTo(new BotIdentity(String.valueOf(FakeBotApi.BOT_ID), "LinliBot"));
    assertThat(telegram.calls("getMe")).hasSize(1);
  }
}
