package org.linli.bot.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Photos kept in an S3-compatible store, against a store on loopback that checks every request's
 * AWS Signature V4: put bytes come back identical, a photo already there is not sent again, a
 * missing one is null, and a wrong secret key makes keeping a photo fail with a clear error.
 */
class S3AttachmentStoreTest {

  private static final String ACCESS_KEY = "linli-test";
  private static final String SECRET_KEY = "the-secret-access-key-of-linli";
  private static final String REGION = "cn-east-1";

  private final Vertx vertx = Vertx.vertx();
  private final FakeS3 s3 = FakeS3.start(ACCESS_KEY, SECRET_KEY, REGION, "photos");

  @AfterEach
  void close() throws Exception {
    s3.close();
    await(vertx.close());
  }

  private S3AttachmentStore store(String secretKey) {
    return new S3AttachmentStore(vertx, URI.create(s3.endpoint()), "photos", REGION, ACCESS_KEY, secretKey);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static String id(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void a_photo_put_is_got_back_identical_and_kept_under_its_id_with_its_type() throws Exception {
    byte[] photo = Jpegs.plain();
    String id = id(photo);
    try (S3AttachmentStore store = store(SECRET_KEY)) {
      await(store.put(id, Buffer.buffer(photo)));

      assertThat(await(store.get(id)).getBytes()).isEqualTo(photo);
      assertThat(s3.objects()).containsOnlyKeys(id);
      assertThat(s3.objects().get(id).contentType()).isEqualTo("image/jpeg");
      assertThat(s3.objects().get(id).bytes()).isEqualTo(photo);
    }
  }

  @Test
  void a_photo_already_kept_is_not_sent_again() throws Exception {
    byte[] photo = Jpegs.withGps();
    String id = id(photo);
    try (S3AttachmentStore store = store(SECRET_KEY)) {
      await(store.put(id, Buffer.buffer(photo)));
      await(store.put(id, Buffer.buffer(photo)));

      assertThat(s3.requests()).extracting(FakeS3.Request::method, FakeS3.Request::status).containsExactly(
          org.assertj.core.groups.Tuple.tuple("HEAD", 404), org.assertj.core.groups.Tuple.tuple("PUT", 200),
          org.assertj.core.groups.Tuple.tuple("HEAD", 200));
      assertThat(s3.requests()).allSatisfy(r -> assertThat(r.path()).isEqualTo("/photos/" + id));
    }
  }

  @Test
  void a_key_without_list_bucket_still_keeps_a_photo_though_the_check_before_is_refused() throws Exception {
    byte[] photo = Jpegs.plain();
    String id = id(photo);
    s3.withoutListBucket();
    try (S3AttachmentStore store = store(SECRET_KEY)) {
      await(store.put(id, Buffer.buffer(photo)));

      assertThat(s3.requests()).extracting(FakeS3.Request::method, FakeS3.Request::status).containsExactly(
          org.assertj.core.groups.Tuple.tuple("HEAD", 403), org.assertj.core.groups.Tuple.tuple("PUT", 200));
      assertThat(await(store.get(id)).getBytes()).isEqualTo(photo);
    }
  }

  @Test
  void bytes_that_are_no_known_image_are_kept_as_an_octet_stream() throws Exception {
    byte[] bytes = "not a photo, but bytes all the same".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (S3AttachmentStore store = store(SECRET_KEY)) {
      await(store.put(id(bytes), Buffer.buffer(bytes)));

      assertThat(s3.objects().get(id(bytes)).contentType()).isEqualTo("application/octet-stream");
    }
  }

  @Test
  void a_missing_photo_is_null() throws Exception {
    try (S3AttachmentStore store = store(SECRET_KEY)) {
      assertThat(await(store.get(id(new byte[]{1, 2, 3})))).isNull();
      assertThat(s3.requests()).extracting(FakeS3.Request::status).containsExactly(404);
    }
  }

  @Test
  void a_wrong_secret_key_makes_keeping_a_photo_fail_with_a_clear_error_and_nothing_is_kept() throws Exception {
    byte[] photo = Jpegs.plain();
    try (S3AttachmentStore store = store("not-the-secret-access-key")) {
      Future<Void> put = store.put(id(photo), Buffer.buffer(photo));

      Throwable failure = null;
      try {
        await(put);
      } catch (ExecutionException e) {
        failure = e.getCause();
      }
      assertThat(failure).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("could not keep photo")
          .hasMessageContaining("HTTP 403")
          .hasMessageContaining("attachments.s3SecretKey");
      assertThat(s3.objects()).isEmpty();
      assertThat(s3.requests()).isNotEmpty().allSatisfy(r -> {
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.refusal()).startsWith("SignatureDoesNotMatch");
      });
    }
  }

  @Test
  void a_wrong_secret_key_makes_reading_a_photo_fail_rather_than_look_missing() throws Exception {
    try (S3AttachmentStore store = store("not-the-secret-access-key")) {
      Throwable failure = null;
      try {
        await(store.get(id(Jpegs.plain())));
      } catch (ExecutionException e) {
        failure = e.getCause();
      }
      assertThat(failure).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("could not read photo")
          .hasMessageContaining("HTTP 403 SignatureDoesNotMatch");
    }
  }

  @Test
  void the_fake_store_refuses_a_request_that_is_unsigned_or_signed_for_another_region() throws Exception {
    int unsigned = await(vertx.createHttpClient()
        .request(io.vertx.core.http.HttpMethod.GET, URI.create(s3.endpoint()).getPort(), "127.0.0.1",
            "/photos/" + id(Jpegs.plain()))
        .compose(r -> r.send()).map(r -> r.statusCode()));
    byte[] photo = Jpegs.plain();
    Throwable failure = null;
    try (S3AttachmentStore store = new S3AttachmentStore(vertx, URI.create(s3.endpoint()), "photos", "us-west-2",
        ACCESS_KEY, SECRET_KEY)) {
      await(store.put(id(photo), Buffer.buffer(photo)));
    } catch (ExecutionException e) {
      failure = e.getCause();
    }

    assertThat(unsigned).isEqualTo(403);
    assertThat(failure).hasMessageContaining("HTTP 403");
    assertThat(s3.requests()).extracting(FakeS3.Request::refusal)
        .first().asString().startsWith("AccessDenied: unsigned request");
    assertThat(s3.requests()).last().extracting(FakeS3.Request::refusal).asString()
        .startsWith("AuthorizationHeaderMalformed");
    assertThat(s3.objects()).isEmpty();
  }
}
