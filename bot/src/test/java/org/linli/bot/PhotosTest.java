package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.bot.attachment.Jpegs;
import org.linli.webhooks.hub.FakeHub;

/**
 * Photos and locations with a request for help, end to end: sent through the generic channel,
 * stored without their GPS position, delivered to a fake hub as signed links that download the
 * stored bytes (and refuse a changed signature), and as media_url and lat/long to an Open311 hub.
 */
class PhotosTest {

  @TempDir
  Path data;
  FakeHub hub;
  Vertx photos;
  HttpServer photoServer;

  @BeforeEach
  void start() {
    hub = FakeHub.standalone();
    photos = Vertx.vertx();
    photoServer = RunningService.await(photos.createHttpServer()
        .requestHandler(r -> r.response().putHeader("Content-Type", "image/jpeg").end(Buffer.buffer(Jpegs.withGps())))
        .listen(0, "127.0.0.1"));
  }

  @AfterEach
  void stop() {
    RunningService.await(hub.close());
    RunningService.await(photos.close());
  }

  private Map<String, String> env() {
    return hubEnv(hub);
  }

  /** The settings of a service that sends to {@code hub}, with quick retries. */
  static Map<String, String> hubEnv(FakeHub hub) {
    Map<String, String> env = new HashMap<>();
    env.put("LINLI_HUB_URL", hub.url());
    env.put("LINLI_HUB_SECRET", WithHubAndChatApp.SECRET);
    env.put("LINLI_OUTBOX_RETRY_SECONDS", "0,1,1");
    env.put("LINLI_OUTBOX_POLL_MILLIS", "50");
    return env;
  }

  private static JsonObject send(RunningService service, JsonObject fields) {
    JsonObject body = new JsonObject()
        .put("chat", new JsonObject().put("id", "u1").put("type", "private"))
        .put("from", new JsonObject().put("id", "u1"))
        .mergeIn(fields);
    HttpResponse<Buffer> response = service.post("/webhooks/generic", body.encode(), RunningService.GENERIC);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject().getJsonArray("replies").getJsonObject(0);
  }

  private static String receipt(JsonObject reply) {
    return reply.getString("text").replaceAll("(?s).*回执号：(\\d{8}-\\d{4}).*", "$1");
  }

  private static HttpResponse<Buffer> download(RunningService service, String url) {
    return RunningService.await(service.client.getAbs(url).send());
  }

  @Test
  void a_request_with_a_photo_reaches_the_hub_with_a_signed_link_that_downloads_the_photo_without_its_gps() {
    try (RunningService service = RunningService.start(data, env())) {
      String photo = Base64.getEncoder().encodeToString(Jpegs.withGps());
      JsonObject reply = send(service, new JsonObject().put("text", "/help 3号楼2单元楼道灯坏了")
          .put("image", new JsonObject().put("base64", photo)));
      String receipt = receipt(reply);
      assertThat(reply.getString("text")).contains("回执号", "1 个照片/位置");

      FakeHub.Received created = hub.await(c -> c.webhookId().equals("msg_" + receipt + "_created"), 15);
      JsonArray attachments = created.json().getJsonObject("data").getJsonArray("attachments");
      JsonObject image = PhotosTest.oneSignedJpegLink(attachments);

      HttpResponse<Buffer> got = download(service, image.getString("url"));
      assertThat(got.statusCode()).isEqualTo(200);
      assertThat(got.getHeader("Content-Type")).isEqualTo("image/jpeg");
      assertThat(got.body().getBytes()).isEqualTo(Jpegs.plain());
      assertThat(Jpegs.hasGps(got.body().getBytes())).isFalse();
      assertThat(image.getLong("bytes")).isEqualTo(got.body().length());

      String forged = image.getString("url").replaceAll("sig=.*", "sig=AAAA");
      assertThat(download(service, forged).statusCode()).isEqualTo(403);
      String later = image.getString("url").replaceAll("expires=\\d+", "expires=4102444800");
      assertThat(download(service, later).statusCode()).isEqualTo(403);
    }
  }

  @Test
  void a_photo_by_url_and_a_location_sent_after_the_request_go_to_the_hub_as_a_ticket_attachment() {
    try (RunningService service = RunningService.start(data, env())) {
      String receipt = receipt(send(service, new JsonObject().put("text", "/help 小区门口路灯不亮")));
      String url = "http://127.0.0.1:" + photoServer.actualPort() + "/p/7.jpg";

      JsonObject reply = send(service, new JsonObject().put("image", new JsonObject().put("url", url))
          .put("location", new JsonObject().put("latitude", 31.2304).put("longitude", 121.4737).put("label", "7号楼")));

      assertThat(reply.getString("text")).contains(receipt, "2 个照片/位置");
      assertThat(reply.getBoolean("private")).isTrue();
      FakeHub.Received attached = hub.await(c -> c.json().getString("type").equals("ticket.attachment"), 15);
      assertThat(attached.webhookId()).isEqualTo("msg_" + receipt + "_attach2");
      JsonObject data = attached.json().getJsonObject("data");
      assertThat(data.getString("receipt")).isEqualTo(receipt);
      JsonArray attachments = data.getJsonArray("attachments");
      assertThat(attachments.getJsonObject(1)).isEqualTo(new JsonObject().put("kind", "location")
          .put("latitude", 31.2304).put("longitude", 121.4737).put("label", "7号楼"));
      // The resident sent a location: the photo keeps its EXIF.
      byte[] stored = download(service, attachments.getJsonObject(0).getString("url")).body().getBytes();
      assertThat(stored).isEqualTo(Jpegs.withGps());
    }
  }

  @Test
  void a_photo_with_no_request_to_join_is_answered_with_how_to_ask_and_the_hub_hears_nothing() {
    try (RunningService service = RunningService.start(data, env())) {
      String photo = Base64.getEncoder().encodeToString(Jpegs.plain());

      JsonObject reply = send(service, new JsonObject().put("image", new JsonObject().put("base64", photo)));

      assertThat(reply.getString("text")).contains("/help");
      assertThat(hub.received()).isEmpty();
    }
  }

  @Test
  void a_file_that_is_not_an_image_is_refused_and_the_request_still_opens() {
    try (RunningService service = RunningService.start(data, env())) {
      String notPhoto = Base64.getEncoder().encodeToString("%PDF-1.7 not a photo".getBytes());

      JsonObject reply = send(service, new JsonObject().put("text", "/help 楼道灯坏了")
          .put("image", new JsonObject().put("base64", notPhoto)));

      String receipt = receipt(reply);
      assertThat(reply.getString("text")).contains("JPEG、PNG、WebP 或 HEIC");
      FakeHub.Received created = hub.await(c -> c.webhookId().equals("msg_" + receipt + "_created"), 15);
      assertThat(created.json().getJsonObject("data").containsKey("attachments")).isFalse();
    }
  }

  @Test
  void an_open311_hub_gets_the_first_photo_as_media_url_and_the_location_as_lat_and_long() {
    hub.answerWith("[{\"service_request_id\":\"638344\"}]");
    Map<String, String> env = env();
    env.put("LINLI_HUB_MODE", "open311");
    env.put("LINLI_HUB_API_KEY", "open311-key");
    try (RunningService service = RunningService.start(data, env)) {
      send(service, new JsonObject().put("text", "/help 3号楼楼道灯坏了")
          .put("image", new JsonObject().put("base64", Base64.getEncoder().encodeToString(Jpegs.plain())))
          .put("location", new JsonObject().put("latitude", 31.2304).put("longitude", 121.4737)));

      FakeHub.Received call = hub.await(c -> true, 10);

      assertThat(call.formFields()).containsEntry("lat", "31.2304").containsEntry("long", "121.4737");
      String media = call.formFields().get("media_url");
      assertThat(media).contains("/attachments/");
      assertThat(download(service, media).body().getBytes()).isEqualTo(Jpegs.plain());
    }
  }

  @Test
  void a_photo_sent_privately_while_a_ticket_from_the_group_waits_for_the_resident_joins_that_ticket() {
    try (RunningService service = RunningService.start(data, env())) {
      JsonObject inGroup = new JsonObject().put("chat", new JsonObject().put("id", "g1").put("type", "group"))
          .put("from", new JsonObject().put("id", "u1")).put("text", "/help 7号楼水管漏水");
      String receipt = receipt(service.post("/webhooks/generic", inGroup.encode(), RunningService.GENERIC)
          .bodyAsJsonObject().getJsonArray("replies").getJsonObject(0));
      hubSays(service, "msg_w1", receipt, "dispatched", "已派物业");
      hubSays(service, "msg_w2", receipt, "waiting_resident", "请拍一下漏水的位置");

      JsonObject reply = send(service, new JsonObject()
          .put("image", new JsonObject().put("base64", Base64.getEncoder().encodeToString(Jpegs.plain()))));

      assertThat(reply.getString("text")).contains("已附到求助 " + receipt);
      FakeHub.Received attached = hub.await(c -> c.json().getString("type").equals("ticket.attachment"), 15);
      assertThat(attached.json().getJsonObject("data").getString("status")).isEqualTo("waiting_resident");
      assertThat(attached.webhookId()).isEqualTo("msg_" + receipt + "_attach1");
    }
  }

  private static void hubSays(RunningService service, String id, String receipt, String status, String note) {
    byte[] body = new JsonObject().put("type", "ticket.status").put("data", new JsonObject()
        .put("receipt", receipt).put("status", status).put("note", note)).encode()
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String ts = String.valueOf(System.currentTimeMillis() / 1000);
    HttpResponse<Buffer> answer = RunningService.await(service.client.post("/webhooks/hub")
        .putHeader("Content-Type", "application/json").putHeader("webhook-id", id)
        .putHeader("webhook-timestamp", ts)
        .putHeader("webhook-signature", org.linli.webhooks.hub.SpecSignature.of(WithHubAndChatApp.SECRET, id, ts, body))
        .sendBuffer(Buffer.buffer(body)));
    assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
  }

  /** The one attachment of an event: a JPEG as a signed, expiring link to this service. */
  static JsonObject oneSignedJpegLink(JsonArray attachments) {
    assertThat(attachments).hasSize(1);
    JsonObject image = attachments.getJsonObject(0);
    assertThat(image.getString("kind")).isEqualTo("image");
    assertThat(image.getString("contentType")).isEqualTo("image/jpeg");
    assertThat(image.getString("url"))
        .matches("http://.+/attachments/[0-9a-f]{64}\\?expires=\\d+&sig=[-_A-Za-z0-9]+");
    return image;
  }
}
