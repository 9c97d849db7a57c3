package org.linli.bot.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.webhooks.Attachment;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.MediaDownload;
import org.linli.webhooks.MediaFetcher;

/** Where a photo's bytes come from: the platform's API by reference, else its URL; a location as it is. */
class PhotoIntakeTest {

  @TempDir
  Path data;
  private final Vertx vertx = Vertx.vertx();
  private HttpServer server;

  @BeforeEach
  void serve_a_photo() throws Exception {
    server = await(vertx.createHttpServer().requestHandler(r -> r.response()
        .end(Buffer.buffer(r.path().equals("/big") ? new byte[4096] : Jpegs.plain()))).listen(0, "127.0.0.1"));
  }

  @AfterEach
  void close() {
    vertx.close();
  }

  private PhotoIntake intake(MediaFetcher wecom, long maxBytes) {
    Attachments attachments = new Attachments(new LocalAttachmentStore(vertx, data), maxBytes);
    return new PhotoIntake(attachments, Map.of("wecom", wecom), WebClient.create(vertx));
  }

  private static ChatEvent event(Attachment... attachments) {
    return new ChatEvent("wecom", new ChatEvent.Chat("LiSi", ChatEvent.ChatType.PRIVATE),
        new ChatEvent.Sender("LiSi", ""), "", true, null, "m1", "", List.of(attachments));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void a_photo_is_fetched_by_reference_through_the_platform_and_a_location_is_kept_as_sent() throws Exception {
    MediaFetcher api = (image, messageId, max) -> Future.succeededFuture(Buffer.buffer(Jpegs.withGps()));

    List<KeptAttachment> kept = await(intake(api, 1 << 20).keep(event(Attachment.imageUrl(url("/p"), "MEDIA"),
        Attachment.location(23.13, 113.35, "天河"))));

    assertThat(kept).hasSize(2);
    assertThat(kept.get(0).contentType()).isEqualTo("image/jpeg");
    assertThat(kept.get(1)).isEqualTo(KeptAttachment.location(23.13, 113.35, "天河"));
  }

  @Test
  void when_the_platform_cannot_fetch_the_reference_the_photo_comes_from_its_url() throws Exception {
    MediaFetcher refusing = (image, messageId, max) -> Future.failedFuture(new IllegalStateException("40007"));

    List<KeptAttachment> kept = await(intake(refusing, 1 << 20).keep(event(Attachment.imageUrl(url("/p"), "M"))));

    assertThat(kept.get(0).bytes()).isEqualTo(Jpegs.plain().length);
  }

  @Test
  void a_photo_the_platform_finds_too_large_is_refused_as_too_large_without_trying_its_url() throws Exception {
    MediaFetcher tooLarge = (image, messageId, max) -> Future.failedFuture(new MediaDownload.TooLarge(max));

    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> await(intake(tooLarge, 2048).keep(event(Attachment.imageUrl(url("/p"), "M")))));
    ExecutionException big = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> await(intake(tooLarge, 2048).keep(event(Attachment.imageUrl(url("/big"), "")))));

    assertThat(((AttachmentRefused) e.getCause()).reason()).isEqualTo(AttachmentRefused.Reason.TOO_LARGE);
    assertThat(((AttachmentRefused) big.getCause()).reason()).isEqualTo(AttachmentRefused.Reason.TOO_LARGE);
  }
}
