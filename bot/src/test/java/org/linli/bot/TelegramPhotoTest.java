package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.bot.attachment.Jpegs;
import org.linli.webhooks.hub.FakeHub;
import org.linli.webhooks.telegram.FakeBotApi;

/**
 * A Telegram resident's photo, end to end in polling mode: {@code /help} in the private chat, then
 * a photo; the bot fetches it with getFile from the fake Bot API, strips its GPS position, and the
 * hub gets a {@code ticket.attachment} whose link downloads the stored photo.
 */
class TelegramPhotoTest {

  static final String TOKEN = "7000000001:test-token";
  static final long RESIDENT = 1111111L;

  @TempDir
  Path data;
  Vertx vertx;
  FakeBotApi api;
  FakeHub hub;
  RunningService service;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    api = RunningService.await(FakeBotApi.start(vertx, TOKEN));
    hub = FakeHub.standalone();
    service = RunningService.start(data, Map.of(
        "LINLI_TELEGRAM_TOKEN", TOKEN,
        "LINLI_TELEGRAM_API_URL", api.url(),
        "LINLI_TELEGRAM_MODE", "polling",
        "LINLI_TELEGRAM_BOT_USERNAME", "linli_bot",
        "LINLI_HUB_URL", hub.url(),
        "LINLI_HUB_SECRET", WithHubAndChatApp.SECRET,
        "LINLI_OUTBOX_POLL_MILLIS", "50"));
  }

  @AfterEach
  void stop() {
    service.close();
    RunningService.await(hub.close());
    RunningService.await(api.close());
    RunningService.await(vertx.close());
  }

  private static JsonObject message(int id) {
    JsonObject chat = new JsonObject().put("id", RESIDENT).put("first_name", "秀英").put("type", "private");
    return new JsonObject().put("message_id", id).put("chat", chat).put("date", System.currentTimeMillis() / 1000)
        .put("from", new JsonObject().put("id", RESIDENT).put("is_bot", false).put("first_name", "秀英"));
  }

  @Test
  void a_photo_after_help_is_fetched_with_getFile_and_reaches_the_hub_as_a_signed_link() throws InterruptedException {
    api.push(new JsonObject().put("message", message(1).put("text", "/help 3号楼楼道灯坏了").put("entities",
        new JsonArray().add(new JsonObject().put("offset", 0).put("length", 5).put("type", "bot_command")))));
    FakeHub.Received created = hub.await(c -> c.json().getString("type").equals("ticket.created"), 20);
    String receipt = created.json().getJsonObject("data").getString("receipt");

    api.file("AgACAgUAAxkBAAIBX2Z_large", Jpegs.withGps());
    api.push(new JsonObject().put("message", message(2).put("photo", new JsonArray()
        .add(new JsonObject().put("file_id", "AgACAgUAAxkBAAIBX2Z_small").put("width", 90).put("height", 67))
        .add(new JsonObject().put("file_id", "AgACAgUAAxkBAAIBX2Z_large").put("width", 1280).put("height", 960)))));

    FakeHub.Received attached = hub.await(c -> c.json().getString("type").equals("ticket.attachment"), 20);
    JsonObject image = attached.json().getJsonObject("data").getJsonArray("attachments").getJsonObject(0);
    assertThat(attached.json().getJsonObject("data").getString("receipt")).isEqualTo(receipt);
    assertThat(api.calls("getFile")).extracting(c -> c.params().getString("file_id"))
        .containsExactly("AgACAgUAAxkBAAIBX2Z_large");
    HttpResponse<Buffer> got = RunningService.await(service.client.getAbs(image.getString("url")).send());
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body().getBytes()).isEqualTo(Jpegs.plain());
    // The reply is sent after the hub event is queued: wait for it.
    long deadline = System.currentTimeMillis() + 10_000;
    while (api.calls("sendMessage").size() < 2 && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertThat(api.calls("sendMessage")).anySatisfy(c -> assertThat(c.params().getString("text"))
        .contains("已附到求助 " + receipt));
  }
}
