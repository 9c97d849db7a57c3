package org.linli.webhooks.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.webhooks.Futures.await;
import static org.linli.webhooks.Futures.failure;
import static org.linli.webhooks.wecom.FakeWecomApi.GETTOKEN;
import static org.linli.webhooks.wecom.FakeWecomApi.GROUP_SEND;
import static org.linli.webhooks.wecom.FakeWecomApi.MEDIA_GET;
import static org.linli.webhooks.wecom.FakeWecomApi.SEND;
import static org.linli.webhooks.wecom.FakeWecomApi.UPLOAD;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.webhooks.ChannelSender.SendFailure;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Loopback;
import org.linli.webhooks.MediaDownload;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;
import org.linli.webhooks.SettableClock;

/** The WeCom sender (messages out, images in) against a fake WeCom API on loopback ({@link FakeWecomApi}). */
class WecomSenderTest {

  private static final String SECRET = "app-secret-for-tests";

  @RegisterExtension
  final Loopback loopback = new Loopback();
  private final FakeWecomApi api = new FakeWecomApi();
  private final SettableClock clock = new SettableClock(Instant.parse("2025-01-01T00:00:00Z"));

  @BeforeEach
  void start() {
    loopback.start(api::start);
  }

  private WecomSender sender(int perChatPerMinute) {
    return new WecomSender(loopback.client(), Fixtures.settings(api.url(), SECRET, "1000002", perChatPerMinute), clock,
        Duration.ofMillis(1000));
  }

  private WecomSender sender() {
    return sender(20);
  }

  private static Outgoing toPerson(String user, Reply reply) {
    return new Outgoing("wecom", new ChatEvent.Chat(user, ChatEvent.ChatType.PRIVATE), reply);
  }

  private static Outgoing toGroup(String chat, Reply reply) {
    return new Outgoing("wecom", new ChatEvent.Chat(chat, ChatEvent.ChatType.GROUP), reply);
  }

  @Test
  void a_message_to_a_person_goes_to_message_send_as_the_app_with_a_token_fetched_once() {
    WecomSender sender = sender();

    await(Future.all(sender.send(toPerson("LiSi", Reply.text("投票将于明晚8点截止。"))),
        sender.send(toPerson("WangAyi", Reply.text("您的求助已受理，回执号 20250101-003。")))));
    await(sender.send(toPerson("LiSi", Reply.text("谢谢参与！"))));

    assertThat(api.calls(GETTOKEN)).singleElement().satisfies(c -> {
      assertThat(c.method()).isEqualTo("GET");
      assertThat(c.query()).containsEntry("corpid", Fixtures.CORP_ID).containsEntry("corpsecret", SECRET);
    });
    List<FakeWecomApi.Call> sends = api.calls(SEND);
    assertThat(sends).hasSize(3).allSatisfy(c -> {
      assertThat(c.method()).isEqualTo("POST");
      assertThat(c.query()).containsEntry("access_token", "TOKEN-1");
      assertThat(c.contentType()).startsWith("application/json");
    });
    assertThat(sends.get(2).json()).isEqualTo(new JsonObject("""
        {"touser": "LiSi", "agentid": 1000002, "msgtype": "text", "text": {"content": "谢谢参与！"}, "safe": 0}
        """));
  }

  @Test
  void a_message_to_a_group_goes_to_appchat_send_with_the_chat_id() {
    await(sender().send(toGroup("wrkSFfCgAAtMQKg4xqDatM5C9IrfUoNa", Reply.text("明天上午停水。"))));

    assertThat(api.calls(GROUP_SEND)).singleElement().satisfies(c -> assertThat(c.json()).isEqualTo(new JsonObject("""
        {"chatid": "wrkSFfCgAAtMQKg4xqDatM5C9IrfUoNa", "msgtype": "text", "text": {"content": "明天上午停水。"}, "safe": 0}
        """)));
    assertThat(api.calls(SEND)).isEmpty();
  }

  @Test
  void buttons_become_a_numbered_list_and_labels_that_carry_their_number_keep_it() {
    Reply poll = new Reply("🗳 议事投票 p3：周六活动室开放到几点？", List.of(
        new Reply.Button("1. 到18点", "vote:p3:1"), new Reply.Button("2. 到21点", "vote:p3:2")), false);
    Reply answer = new Reply("您可能想问：", List.of(
        new Reply.Button("如何办理居住证", "kb:juzhuzheng-apply"), new Reply.Button("转给求助热线", "fwd:1")), true);

    await(sender().send(toGroup("g1", poll)));
    await(sender().send(toPerson("LiSi", answer)));

    assertThat(api.calls(GROUP_SEND).get(0).json().getJsonObject("text").getString("content"))
        .isEqualTo("🗳 议事投票 p3：周六活动室开放到几点？\n\n1. 到18点\n2. 到21点");
    assertThat(api.calls(SEND).get(0).json().getJsonObject("text").getString("content"))
        .isEqualTo("您可能想问：\n\n1. 如何办理居住证\n2. 转给求助热线");
  }

  @Test
  void a_text_longer_than_wecom_takes_is_cut_to_2048_bytes_at_a_character() {
    await(sender().send(toPerson("LiSi", Reply.text("办".repeat(1000)))));

    String content = api.calls(SEND).get(0).json().getJsonObject("text").getString("content");
    assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
    assertThat(content).startsWith("办办办").endsWith("办…");
  }

  @Test
  void a_picture_is_uploaded_first_and_follows_the_text_as_an_image_message() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};

    await(sender().send(toGroup("g1", Reply.text("投票结果").withImage(new Reply.Image(png, "")))));

    assertThat(api.calls).extracting(FakeWecomApi.Call::path).containsExactly(GETTOKEN, UPLOAD, GROUP_SEND, GROUP_SEND);
    FakeWecomApi.Call upload = api.calls(UPLOAD).get(0);
    assertThat(upload.query()).containsEntry("type", "image").containsEntry("access_token", "TOKEN-1");
    assertThat(upload.contentType()).startsWith("multipart/form-data");
    String form = upload.body().toString(StandardCharsets.ISO_8859_1);
    assertThat(form).contains("name=\"media\"").contains("filename=\"chart.png\"").contains("image/png")
        .contains(new String(png, StandardCharsets.ISO_8859_1));
    assertThat(api.calls(GROUP_SEND).get(0).json().getJsonObject("text").getString("content")).isEqualTo("投票结果");
    assertThat(api.calls(GROUP_SEND).get(1).json()).isEqualTo(new JsonObject("""
        {"chatid": "g1", "msgtype": "image", "image": {"media_id": "MEDIA-1"}, "safe": 0}
        """));
  }

  @Test
  void errcode_45009_is_a_temporary_failure_and_the_next_try_goes_through() {
    api.answer(SEND, 45009, "api freq out of limit");
    WecomSender sender = sender();

    SendFailure failure = failure(sender.send(toPerson("LiSi", Reply.text("提醒"))));
    await(sender.send(toPerson("LiSi", Reply.text("提醒"))));

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.retryAfterSeconds()).isEqualTo(60);
    assertThat(failure.getMessage()).contains("45009");
    assertThat(api.calls(SEND)).hasSize(2);
  }

  @Test
  void a_busy_wecom_is_a_temporary_failure() {
    api.answer(GROUP_SEND, -1, "system busy");

    SendFailure failure = failure(sender().send(toGroup("g1", Reply.text("提醒"))));

    assertThat(failure.permanent()).isFalse();
  }

  @Test
  void an_expired_token_is_renewed_and_the_message_sent_once_more() {
    api.answer(SEND, 42001, "access_token expired");

    await(sender().send(toPerson("LiSi", Reply.text("您的求助已办结，请评价。"))));

    assertThat(api.calls(GETTOKEN)).hasSize(2);
    assertThat(api.calls(SEND)).extracting(c -> c.query().get("access_token")).containsExactly("TOKEN-1", "TOKEN-2");
    assertThat(api.calls(SEND).get(1).json().getJsonObject("text").getString("content")).isEqualTo("您的求助已办结，请评价。");
  }

  @Test
  void a_token_refused_again_after_renewal_is_a_temporary_failure_without_a_third_try() {
    api.answer(SEND, 40014, "invalid access_token");
    api.answer(SEND, 40014, "invalid access_token");

    SendFailure failure = failure(sender().send(toPerson("LiSi", Reply.text("提醒"))));

    assertThat(failure.permanent()).isFalse();
    assertThat(api.calls(SEND)).hasSize(2);
    assertThat(api.calls(GETTOKEN)).hasSize(2);
  }

  @Test
  void other_errcodes_are_permanent_failures_that_name_the_code() {
    api.answer(SEND, 40003, "invalid userid");

    SendFailure failure = failure(sender().send(toPerson("nobody", Reply.text("提醒"))));

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.getMessage()).contains("40003").doesNotContain("提醒");
  }

  @Test
  void the_token_is_fetched_again_once_it_has_expired() {
    WecomSender sender = sender();
    await(sender.send(toPerson("LiSi", Reply.text("一"))));
    clock.advance(Duration.ofSeconds(7200 - 301));
    await(sender.send(toPerson("LiSi", Reply.text("二"))));
    clock.advance(Duration.ofSeconds(2));
    await(sender.send(toPerson("LiSi", Reply.text("三"))));

    assertThat(api.calls(GETTOKEN)).hasSize(2);
    assertThat(api.calls(SEND)).extracting(c -> c.query().get("access_token"))
        .containsExactly("TOKEN-1", "TOKEN-1", "TOKEN-2");
  }

  @Test
  void a_wrong_secret_is_a_temporary_failure_and_nothing_is_sent() {
    api.answer(GETTOKEN, 40001, "invalid credential");

    SendFailure failure = failure(sender().send(toPerson("LiSi", Reply.text("提醒"))));

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.getMessage()).contains("40001").doesNotContain(SECRET);
    assertThat(api.calls(SEND)).isEmpty();
  }

  @Test
  void each_chat_gets_at_most_its_pace_and_waits_for_the_bucket_to_refill() {
    WecomSender sender = sender(2);
    await(sender.send(toGroup("g1", Reply.text("一"))));
    await(sender.send(toGroup("g1", Reply.text("二"))));

    SendFailure held = failure(sender.send(toGroup("g1", Reply.text("三"))));
    await(sender.send(toGroup("g2", Reply.text("别的群"))));

    assertThat(held.permanent()).isFalse();
    assertThat(held.retryAfterSeconds()).isEqualTo(30);
    assertThat(api.calls(GROUP_SEND)).hasSize(3);
    clock.advance(Duration.ofSeconds(30));
    await(sender.send(toGroup("g1", Reply.text("三"))));
    assertThat(api.calls(GROUP_SEND)).extracting(c -> c.json().getJsonObject("text").getString("content"))
        .containsExactly("一", "二", "别的群", "三");
  }

  @Test
  void an_unreachable_api_is_a_temporary_failure() {
    await(api.close());

    SendFailure failure = failure(sender().send(toPerson("LiSi", Reply.text("提醒"))));

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.getMessage()).contains("unreachable").doesNotContain(SECRET);
  }

  @Test
  void an_api_that_does_not_answer_is_a_temporary_failure_that_names_neither_secret_nor_token() {
    HttpServer silent = await(loopback.vertx().createHttpServer().requestHandler(request -> {
    }).listen(0, "127.0.0.1"));
    WecomSender sender = new WecomSender(loopback.client(),
        Fixtures.settings("http://127.0.0.1:" + silent.actualPort(), SECRET, "1000002", 20), clock,
        Duration.ofMillis(200));

    SendFailure failure = failure(sender.send(toPerson("LiSi", Reply.text("提醒"))));

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.getMessage()).contains("gettoken").doesNotContain(SECRET);
  }

  @Test
  void without_secret_or_agent_id_the_channel_is_not_configured_and_sends_nothing() {
    WecomSender unset = new WecomSender(loopback.client(), Fixtures.settings(api.url(), "", "1000002", 20));
    WecomSender noAgent = new WecomSender(loopback.client(), Fixtures.settings(api.url(), SECRET, "", 20));

    assertThat(unset.configured()).isFalse();
    assertThat(noAgent.configured()).isFalse();
    assertThat(sender().configured()).isTrue();
    assertThat(failure(unset.send(toPerson("LiSi", Reply.text("提醒")))).permanent()).isFalse();
    assertThat(api.calls).isEmpty();
    assertThat(sender().platform()).isEqualTo("wecom");
  }

  @Test
  void an_image_is_downloaded_by_its_media_id_with_the_access_token() {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 9, 9};
    api.media("media_id_1", jpeg);

    assertThat(await(sender(20).media("media_id_1", 1000)).getBytes()).isEqualTo(jpeg);
    assertThat(api.calls(MEDIA_GET).get(0).query()).containsEntry("media_id", "media_id_1")
        .containsEntry("access_token", "TOKEN-1");
  }

  @Test
  void an_unknown_media_id_and_an_image_over_the_limit_fail() {
    api.media("big", new byte[4096]);

    assertThat(failure(sender(20).media("gone", 1000), Throwable.class)).isInstanceOf(SendFailure.class)
        .hasMessageContaining("40007");
    assertThat(failure(sender(20).media("big", 1000), Throwable.class)).isInstanceOf(MediaDownload.TooLarge.class);
  }
}
