package org.linli.bot.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Photos are checked by size and by their first bytes, lose their GPS position, and are kept by content. */
class AttachmentsTest {

  @TempDir
  Path data;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close();
  }

  private Attachments attachments(long maxBytes) {
    return new Attachments(new LocalAttachmentStore(vertx, data.resolve("attachments")), maxBytes);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static Throwable failure(Future<?> future) throws Exception {
    try {
      future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("succeeded");
  }

  @Test
  void a_jpeg_with_a_gps_position_is_kept_without_it_and_still_decodes() throws Exception {
    byte[] photo = Jpegs.withGps();
    assertThat(Jpegs.hasGps(photo)).as("the fixture has a GPS IFD").isTrue();

    Attachments.Saved saved = await(attachments(1 << 20).save(photo, false));
    byte[] kept = await(attachments(1 << 20).load(saved.id())).bytes().getBytes();

    assertThat(Jpegs.hasGps(kept)).isFalse();
    assertThat(new String(kept, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
    assertThat(kept).isEqualTo(Jpegs.plain());
    assertThat(ImageIO.read(new ByteArrayInputStream(kept)).getWidth()).isEqualTo(16);
    assertThat(saved.type()).isEqualTo(ImageType.JPEG);
    assertThat(saved.bytes()).isEqualTo(kept.length);
  }

  @Test
  void when_the_resident_sent_a_location_the_jpeg_keeps_its_exif() throws Exception {
    Attachments.Saved saved = await(attachments(1 << 20).save(Jpegs.withGps(), true));

    assertThat(Jpegs.hasGps(await(attachments(1 << 20).load(saved.id())).bytes().getBytes())).isTrue();
  }

  @Test
  void a_photo_over_the_limit_is_refused_as_too_large() throws Exception {
    byte[] photo = Jpegs.plain();

    Throwable refused = failure(attachments(photo.length - 1).save(photo, false));

    assertThat(refused).isInstanceOf(AttachmentRefused.class);
    assertThat(((AttachmentRefused) refused).reason()).isEqualTo(AttachmentRefused.Reason.TOO_LARGE);
    assertThat(data.resolve("attachments")).doesNotExist();
  }

  @Test
  void a_file_named_like_an_image_but_not_one_by_its_first_bytes_is_refused() throws Exception {
    byte[] script = "<?php echo 'photo.jpg'; ?>".getBytes();
    byte[] gif = "GIF89a\1\0\1\0".getBytes();

    assertThat(((AttachmentRefused) failure(attachments(1 << 20).save(script, false))).reason())
        .isEqualTo(AttachmentRefused.Reason.NOT_AN_IMAGE);
    assertThat(((AttachmentRefused) failure(attachments(1 << 20).save(gif, false))).reason())
        .isEqualTo(AttachmentRefused.Reason.NOT_AN_IMAGE);
  }

  @Test
  void png_webp_and_heic_are_told_by_their_magic_bytes() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
    byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes();
    byte[] heic = "\0\0\0\u0018ftypheic\0\0\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] mp4 = "\0\0\0\u0018ftypisom\0\0\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    assertThat(ImageType.of(png)).contains(ImageType.PNG);
    assertThat(ImageType.of(webp)).contains(ImageType.WEBP);
    assertThat(ImageType.of(heic)).contains(ImageType.HEIC);
    assertThat(ImageType.of(mp4)).isEmpty();
  }

  @Test
  void a_photo_is_named_by_its_sha256_kept_once_and_readable_by_the_owner_only() throws Exception {
    Attachments.Saved first = await(attachments(1 << 20).save(Jpegs.withGps(), false));
    Attachments.Saved again = await(attachments(1 << 20).save(Jpegs.plain(), false));

    assertThat(first.id()).isEqualTo(again.id()).matches("[0-9a-f]{64}");
    Path file = data.resolve("attachments").resolve(first.id().substring(0, 2)).resolve(first.id());
    assertThat(file).exists();
    try (var files = Files.list(file.getParent())) {
      assertThat(files.count()).isEqualTo(1);
    }
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(Files.getPosixFilePermissions(file))
          .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      assertThat(Files.getPosixFilePermissions(data.resolve("attachments"))).doesNotContain(
          PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    }
    assertThat(await(attachments(1 << 20).load("../../etc/passwd"))).isNull();
    assertThat(await(attachments(1 << 20).load("0".repeat(64)))).isNull();
  }

  @Test
  void segments_that_run_past_the_end_make_the_jpeg_unreadable_rather_than_half_stripped() throws Exception {
    byte[] broken = Arrays.copyOf(Jpegs.withGps(), 12);

    assertThat(((AttachmentRefused) failure(attachments(1 << 20).save(broken, false))).reason())
        .isEqualTo(AttachmentRefused.Reason.UNREADABLE);
  }
}
