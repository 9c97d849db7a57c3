package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.bot.Waits.eventually;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.bot.http.PlatformRoutes;
import org.linli.bot.outbox.ChatOutbox;
import org.linli.bot.outbox.Outbox;
import org.linli.bot.property.SignedCallbacks;
import org.linli.bot.redis.RealRedis;
import org.linli.config.Settings;
import org.linli.config.SettingsLoader;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.ChatPlatforms;
import org.linli.webhooks.ChatService;
import org.linli.webhooks.Reply;
import org.linli.webhooks.dingtalk.FakeSessionWebhook;
import org.linli.webhooks.feishu.FakeFeishu;
import org.linli.webhooks.telegram.FakeBotApi;

/**
 * The edge loses nothing: every platform's callback route as the service mounts it (the real
 * platforms from the settings, the real Redis deduplicator, the real durable outbox) over loopback
 * HTTP, with a bot that fails once on the messages that say so. A delivery whose handling failed is
 * answered 500 and its retry handled; replies that do not go back in the HTTP answer are delivered
 * by the outbox even when the platform refuses the first try.
 */
class PlatformEdgeTest {

  @TempDir
  static Path data;
  static RealRedis redis;
  static FakeFeishu feishu;
  static FakeSessionWebhook session;
  static FakeBotApi telegram;
  static WebClient web;
  static WebClient client;
  static ChatOutbox outbox;
  static HttpServer server;

  static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  static final List<String> answered = new CopyOnWriteArrayList<>();
  static final String TELEGRAM_TOKEN = "123456:test-token";

  @BeforeAll
  static void start() {
    redis = RealRedis.start(data.resolve("redis"));
    Vertx vertx = redis.vertx;
    feishu = RealRedis.await(new FakeFeishu().start(vertx));
    session = RealRedis.await(new FakeSessionWebhook().start(vertx));
    telegram = RealRedis.await(FakeBotApi.start(vertx, TELEGRAM_TOKEN));
    Map<String, String> env = new HashMap<>();
    env.put("LINLI_DATA_DIR", data.toString());
    env.put("LINLI_GENERIC_TOKEN", "generic-secret");
    env.put("LINLI_TELEGRAM_TOKEN", TELEGRAM_TOKEN);
    env.put("LINLI_TELEGRAM_SECRET", SignedCallbacks.TELEGRAM_SECRET);
    env.put("LINLI_TELEGRAM_MODE", "webhook");
    env.put("LINLI_TELEGRAM_API_URL", telegram.url());
    env.put("LINLI_TELEGRAM_BOT_USERNAME", "linli_bot");
    env.put("LINLI_WECOM_TOKEN", SignedCallbacks.WECOM_TOKEN);
    env.put("LINLI_WECOM_AES_KEY", SignedCallbacks.WECOM_AES_KEY);
    env.put("LINLI_WECOM_CORP_ID", SignedCallbacks.WECOM_CORP);
    env.put("LINLI_DINGTALK_APP_SECRET", SignedCallbacks.DINGTALK_SECRET);
    env.put("LINLI_FEISHU_APP_ID", FakeFeishu.APP_ID);
    env.put("LINLI_FEISHU_APP_SECRET", FakeFeishu.APP_SECRET);
    env.put("LINLI_FEISHU_ENCRYPT_KEY", SignedCallbacks.FEISHU_KEY);
    env.put("LINLI_FEISHU_VERIFICATION_TOKEN", SignedCallbacks.FEISHU_TOKEN);
    env.put("LINLI_FEISHU_API_URL", feishu.url());
    env.put("LINLI_OUTBOX_POLL_MILLIS", "50");
    env.put("LINLI_OUTBOX_RETRY_SECONDS", "1,1,1");
    Settings settings = new SettingsLoader().load(env);
    web = WebClient.create(vertx);
    ChatPlatforms platforms = RealRedis.await(Platforms.build(vertx, web, settings, redis.api));
    outbox = new ChatOutbox(vertx, redis.api, ChatOutbox.QUEUE, Outbox.Timing.from(settings.outbox()),
        platforms.senders());
    outbox.start();
    Router router = Router.router(vertx);
    PlatformRoutes.mount(router, BodyHandler.create(false).setBodyLimit(64 * 1024), platforms.all(),
        new ChatService(PlatformEdgeTest::handle, outbox::send));
    router.route().failureHandler(ctx -> ctx.response().setStatusCode(ctx.statusCode() > 0 ? ctx.statusCode() : 500)
        .end());
    server = RealRedis.await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    RealRedis.await(outbox.stop());
    client.close();
    web.close();
    redis.close();
  }

  /**
   * The bot: fails the first time on a text starting "fail once" (as when a store is down), and
   * after 1.5 s on one starting "slow, then fail once"; answers
   * a text starting "two replies" with two replies, and anything else with one.
   */
  static Future<List<Reply>> handle(ChatEvent event) {
    int attempt = attempts.computeIfAbsent(event.text(), k -> new AtomicInteger()).incrementAndGet();
    if (event.text().startsWith("fail once") && attempt == 1) {
      return Future.failedFuture(new IllegalStateException("the store is down"));
    }
    if (event.text().startsWith("slow, then fail once") && attempt == 1) {
      Promise<List<Reply>> late = Promise.promise();
      redis.vertx.setTimer(1500, id -> late.fail(new IllegalStateException("the store timed out")));
      return late.future();
    }
    answered.add(event.text());
    if (event.text().startsWith("two replies")) {
      return Future.succeededFuture(List.of(Reply.text("第一条：" + event.text()), Reply.text("第二条：" + event.text())));
    }
    return Future.succeededFuture(List.of(Reply.text("答复：" + event.text())));
  }

  @Test
  void a_telegram_update_whose_handling_failed_is_handled_on_the_retry_and_answered_once() {
    String text = "fail once telegram";
    SignedCallbacks.Callback update = SignedCallbacks.telegram(7001, text);

    assertThat(post("/webhooks/telegram", update).statusCode()).isEqualTo(500);
    assertThat(post("/webhooks/telegram", update).statusCode()).isEqualTo(200);
    assertThat(post("/webhooks/telegram", update).statusCode()).isEqualTo(200);

    assertThat(attempts.get(text)).hasValue(2);
    assertThat(answered).containsOnlyOnce(text);
  }

  @Test
  void a_wecom_message_whose_handling_failed_gets_its_passive_reply_on_the_retry_and_only_then() {
    String text = "fail once wecom";
    SignedCallbacks.Callback message = SignedCallbacks.wecom(7002, text);

    HttpResponse<Buffer> failed = post("/webhooks/wecom", message);
    HttpResponse<Buffer> retried = retriedOnce("/webhooks/wecom", message);

    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(retried.bodyAsString()).contains("<Encrypt>");
    assertThat(answered).containsOnlyOnce(text);
  }

  @Test
  void a_wecom_redelivery_while_the_first_delivery_is_still_handled_is_told_to_try_again_and_then_answered() {
    String text = "slow, then fail once wecom";
    SignedCallbacks.Callback message = SignedCallbacks.wecom(7007, text);

    Future<HttpResponse<Buffer>> first = send("/webhooks/wecom", message);
    eventually(() -> attempts.containsKey(text));
    HttpResponse<Buffer> meanwhile = post("/webhooks/wecom", message);
    HttpResponse<Buffer> failed = RealRedis.await(first);
    HttpResponse<Buffer> retried = retriedOnce("/webhooks/wecom", message);

    assertThat(meanwhile.statusCode()).isEqualTo(503);
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(retried.bodyAsString()).contains("<Encrypt>");
    assertThat(attempts.get(text)).hasValue(2);
    assertThat(answered).containsOnlyOnce(text);
  }

  @Test
  void a_dingtalk_message_whose_handling_failed_is_answered_on_the_retry_and_only_then() {
    String text = "fail once dingtalk";
    SignedCallbacks.Callback message = SignedCallbacks.dingtalk("msg-7003", text);

    HttpResponse<Buffer> failed = post("/webhooks/dingtalk", message);
    HttpResponse<Buffer> retried = retriedOnce("/webhooks/dingtalk", message);

    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(retried.bodyAsJsonObject().getJsonObject("text").getString("content")).isEqualTo("答复：" + text);
    assertThat(answered).containsOnlyOnce(text);
  }

  @Test
  void a_feishu_event_whose_handling_failed_is_answered_on_the_retry_and_only_once() {
    String text = "fail once feishu";
    SignedCallbacks.Callback event = SignedCallbacks.feishu("ev-7004", text);

    assertThat(post("/webhooks/feishu", event).statusCode()).isEqualTo(500);
    assertThat(post("/webhooks/feishu", event).statusCode()).isEqualTo(200);
    assertThat(post("/webhooks/feishu", event).statusCode()).isEqualTo(200);

    eventually(() -> !sentToFeishu("答复：" + text).isEmpty());
    assertThat(answered).containsOnlyOnce(text);
    assertThat(sentToFeishu("答复：" + text)).hasSize(1);
  }

  @Test
  void a_feishu_reply_the_platform_refuses_once_is_delivered_by_the_outbox() {
    String reply = "答复：a refused reply on feishu";
    feishu.answerMessages(FakeFeishu.Answer.code(500, 500));

    assertThat(post("/webhooks/feishu", SignedCallbacks.feishu("ev-7005", "a refused reply on feishu")).statusCode())
        .isEqualTo(200);

    // The first try is refused; the outbox tries again and the second is taken.
    eventually(() -> sentToFeishu(reply).size() >= 2);
    assertThat(sentToFeishu(reply)).hasSize(2);
  }

  @Test
  void a_dingtalk_reply_after_the_first_the_platform_refuses_once_is_delivered_by_the_outbox() {
    session.answer(new FakeSessionWebhook.Answer(500, Map.of(), "busy"), FakeSessionWebhook.Answer.ok());
    String text = "two replies on dingtalk";

    HttpResponse<Buffer> response = post("/webhooks/dingtalk",
        SignedCallbacks.dingtalk("msg-7006", text, session.url()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getJsonObject("text").getString("content")).isEqualTo("第一条：" + text);
    // The session webhook refuses the first post with 500; the outbox posts the reply again.
    eventually(() -> sentToSession("第二条：" + text).size() >= 2);
    assertThat(sentToSession("第二条：" + text)).hasSize(2);
  }

  @Test
  void a_telegram_reply_the_bot_api_refuses_once_is_delivered_by_the_outbox() {
    String reply = "答复：a refused reply on telegram";
    telegram.script("sendMessage", 500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}");

    assertThat(post("/webhooks/telegram", SignedCallbacks.telegram(7007, "a refused reply on telegram")).statusCode())
        .isEqualTo(200);

    // The Bot API refuses the first sendMessage; the outbox sends the reply again.
    eventually(() -> sentToTelegram(reply).size() >= 2);
    assertThat(sentToTelegram(reply)).hasSize(2);
  }

  private static List<FakeBotApi.Call> sentToTelegram(String text) {
    return telegram.calls("sendMessage").stream()
        .filter(call -> text.equals(call.params().getString("text")))
        .toList();
  }

  private static List<JsonObject> sentToFeishu(String text) {
    return feishu.calls("/open-apis/im/v1/messages").stream()
        .map(FakeFeishu.Call::json)
        .filter(json -> json != null && json.getString("content", "").contains(text))
        .toList();
  }

  private static List<JsonObject> sentToSession(String text) {
    return session.received().stream()
        .filter(json -> json.getJsonObject("text", new JsonObject()).getString("content", "").equals(text))
        .toList();
  }

  /**
   * Posts the platform's retry of a delivery that failed, then one more redelivery: the retry is
   * answered 200 (and returned, for its answer), the redelivery after it an empty 200.
   */
  private static HttpResponse<Buffer> retriedOnce(String path, SignedCallbacks.Callback callback) {
    HttpResponse<Buffer> retried = post(path, callback);
    HttpResponse<Buffer> again = post(path, callback);
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.bodyAsString()).isNullOrEmpty();
    return retried;
  }

  private static HttpResponse<Buffer> post(String path, SignedCallbacks.Callback callback) {
    return RealRedis.await(send(path, callback));
  }

  private static Future<HttpResponse<Buffer>> send(String path, SignedCallbacks.Callback callback) {
    var request = client.post(server.actualPort(), "127.0.0.1", path + callback.query());
    callback.headers().forEach(request::putHeader);
    return request.sendBuffer(Buffer.buffer(callback.body()));
  }

}
