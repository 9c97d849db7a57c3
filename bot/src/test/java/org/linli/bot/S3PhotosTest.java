package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.bot.attachment.FakeS3;
import org.linli.bot.attachment.Jpegs;
import org.linli.webhooks.hub.FakeHub;

/**
 * Photos in an S3-compatible store, end to end: a service started with {@code attachments.s3*}
 * keeps a resident's photo in the store (a fake on loopback that checks every request's AWS
 * Signature V4), not under its data directory; the hub's signed link serves it, from this
 * instance and from a second one sharing the store and the link key.
 */
class S3PhotosTest {

  private static final String LINK_SECRET = "a-link-key-shared-by-both-instances-0123456789";

  @TempDir
  Path data;
  @TempDir
  Path otherData;
  FakeHub hub;
  FakeS3 s3;

  @BeforeEach
  void start() {
    hub = FakeHub.standalone();
    s3 = FakeS3.start("linli-photos", "s3-secret-of-the-photo-store", "us-east-1", "linli");
  }

  @AfterEach
  void stop() {
    RunningService.await(hub.close());
    s3.close();
  }

  private Map<String, String> env() {
    Map<String, String> env = PhotosTest.hubEnv(hub);
    env.put("LINLI_ATTACHMENTS_LINK_SECRET", LINK_SECRET);
    env.put("LINLI_ATTACHMENTS_S3_ENDPOINT", s3.endpoint());
    env.put("LINLI_ATTACHMENTS_S3_BUCKET", "linli");
    env.put("LINLI_ATTACHMENTS_S3_ACCESS_KEY", "linli-photos");
    env.put("LINLI_ATTACHMENTS_S3_SECRET_KEY", "s3-secret-of-the-photo-store");
    return env;
  }

  @Test
  void a_residents_photo_is_kept_in_the_object_store_and_the_hubs_signed_link_serves_it_from_either_instance() {
    try (RunningService service = RunningService.start(data, env());
        RunningService other = RunningService.start(otherData, env())) {
      String photo = Base64.getEncoder().encodeToString(Jpegs.withGps());
      JsonObject body = new JsonObject()
          .put("chat", new JsonObject().put("id", "u1").put("type", "private"))
          .put("from", new JsonObject().put("id", "u1"))
          .put("text", "/help 3号楼2单元楼道灯坏了")
          .put("image", new JsonObject().put("base64", photo));
      JsonObject reply = service.post("/webhooks/generic", body.encode(), RunningService.GENERIC)
          .bodyAsJsonObject().getJsonArray("replies").getJsonObject(0);
      String receipt = reply.getString("text").replaceAll("(?s).*回执号：(\\d{8}-\\d{4}).*", "$1");

      FakeHub.Received created = hub.await(c -> c.webhookId().equals("msg_" + receipt + "_created"), 15);
      JsonObject image = PhotosTest.oneSignedJpegLink(
          created.json().getJsonObject("data").getJsonArray("attachments"));
      String id = image.getString("url").replaceAll(".*/attachments/([0-9a-f]{64}).*", "$1");

      assertThat(s3.objects()).containsOnlyKeys(id);
      assertThat(s3.objects().get(id).bytes()).isEqualTo(Jpegs.plain());
      assertThat(s3.objects().get(id).contentType()).isEqualTo("image/jpeg");
      assertThat(Files.exists(data.resolve("attachments"))).isFalse();

      HttpResponse<Buffer> got = RunningService.await(service.client.getAbs(image.getString("url")).send());
      assertThat(got.statusCode()).isEqualTo(200);
      assertThat(got.getHeader("Content-Type")).isEqualTo("image/jpeg");
      assertThat(got.body().getBytes()).isEqualTo(Jpegs.plain());

      String fromOther = image.getString("url").replaceAll("^http://[^/]+",
          "http://127.0.0.1:" + other.verticle.port());
      HttpResponse<Buffer> again = RunningService.await(other.client.getAbs(fromOther).send());
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.body().getBytes()).isEqualTo(Jpegs.plain());
      assertThat(Files.exists(otherData.resolve("attachments"))).isFalse();
      assertThat(s3.requests()).extracting(FakeS3.Request::method).contains("PUT", "GET");
      assertThat(s3.requests()).extracting(FakeS3.Request::status).doesNotContain(403);
    }
  }

  @Test
  void a_store_that_refuses_the_key_leaves_the_photo_out_and_the_request_still_opens() {
    Map<String, String> env = env();
    env.put("LINLI_ATTACHMENTS_S3_SECRET_KEY", "not-the-secret-of-the-photo-store");
    try (RunningService service = RunningService.start(data, env)) {
      JsonObject body = new JsonObject()
          .put("chat", new JsonObject().put("id", "u1").put("type", "private"))
          .put("from", new JsonObject().put("id", "u1"))
          .put("text", "/help 楼道灯坏了")
          .put("image", new JsonObject().put("base64", Base64.getEncoder().encodeToString(Jpegs.plain())));
      JsonObject reply = service.post("/webhooks/generic", body.encode(), RunningService.GENERIC)
          .bodyAsJsonObject().getJsonArray("replies").getJsonObject(0);
      String receipt = reply.getString("text").replaceAll("(?s).*回执号：(\\d{8}-\\d{4}).*", "$1");

      FakeHub.Received created = hub.await(c -> c.webhookId().equals("msg_" + receipt + "_created"), 15);
      assertThat(created.json().getJsonObject("data").containsKey("attachments")).isFalse();
      assertThat(s3.objects()).isEmpty();
      assertThat(s3.requests()).isNotEmpty()
          .allSatisfy(r -> assertThat(r.refusal()).startsWith("SignatureDoesNotMatch"));
    }
  }
}
