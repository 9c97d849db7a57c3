package org.linli.bot.attachment;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import org.linli.config.Settings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Photos in an S3-compatible object store (MinIO, Ceph, AWS S3…), so several instances share
 * them: one object per photo in {@code attachments.s3Bucket}, its key the photo's id, addressed
 * path-style ({@code <endpoint>/<bucket>/<id>}) and signed with AWS Signature V4 for
 * {@code attachments.s3Region}. A photo already there is not sent again. The SDK's calls block,
 * so they run on a small pool of worker threads of their own, never on the event loop.
 *
 * <p>Payloads are signed whole rather than in aws-chunked encoding, and checksums are sent only
 * where an operation requires them, so stores that implement only the classic API accept them.
 */
public final class S3AttachmentStore implements AttachmentStore {

  private static final String OCTET_STREAM = "application/octet-stream";

  private final WorkerExecutor workers;
  private final S3Client s3;
  private final String bucket;
  private final URI endpoint;

  public S3AttachmentStore(Vertx vertx, URI endpoint, String bucket, String region, String accessKey,
      String secretKey) {
    this.endpoint = endpoint;
    this.bucket = bucket;
    this.workers = vertx.createSharedWorkerExecutor("linli-attachments-s3", 4);
    this.s3 = S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
        .forcePathStyle(true)
        .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClient(UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(Duration.ofSeconds(30))
            .build())
        .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(60)))
        .build();
  }

  /** The store {@code settings} name ({@code attachments.s3Endpoint} and the rest). */
  public static S3AttachmentStore of(Vertx vertx, Settings.Attachments settings) {
    return new S3AttachmentStore(vertx, URI.create(settings.s3Endpoint()), settings.s3Bucket(), settings.s3Region(),
        settings.s3AccessKey(), settings.s3SecretKey().reveal());
  }

  @Override
  public Future<Void> put(String id, Buffer bytes) {
    String key = key(id);
    byte[] body = bytes.getBytes();
    return workers.executeBlocking(() -> {
      try {
        if (exists(key)) {
          return null;
        }
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType(body)).contentLength((long) body.length),
            RequestBody.fromBytes(body));
        return null;
      } catch (S3Exception | SdkClientException e) {
        throw refused("keep", id, e);
      }
    }, false);
  }

  @Override
  public Future<Buffer> get(String id) {
    String key = key(id);
    return workers.executeBlocking(() -> {
      try {
        ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        return Buffer.buffer(object.asByteArray());
      } catch (NoSuchKeyException e) {
        return null;
      } catch (S3Exception e) {
        if (e.statusCode() == 404) {
          return null;
        }
        throw refused("read", id, e);
      } catch (SdkClientException e) {
        throw refused("read", id, e);
      }
    }, false);
  }

  @Override
  public void close() {
    s3.close();
    workers.close();
  }

  private boolean exists(String key) {
    try {
      s3.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      // AWS answers 403 for a missing object to a key without s3:ListBucket: try the upload, which
      // fails the same way if the key itself is refused.
      if (e.statusCode() == 404 || e.statusCode() == 403) {
        return false;
      }
      throw e;
    }
  }

  /** The object key of {@code id}; only a SHA-256 in hex names one. */
  private static String key(String id) {
    if (!Attachments.isId(id)) {
      throw new IllegalArgumentException("not an attachment id");
    }
    return id;
  }

  private static String contentType(byte[] body) {
    byte[] head = body.length > 32 ? Arrays.copyOf(body, 32) : body;
    return ImageType.of(head).map(ImageType::contentType).orElse(OCTET_STREAM);
  }

  private IllegalStateException refused(String what, String id, Exception e) {
    String reason;
    if (e instanceof S3Exception s3e) {
      String code = s3e.awsErrorDetails() == null ? null : s3e.awsErrorDetails().errorCode();
      reason = "HTTP " + s3e.statusCode() + (code == null ? "" : " " + code);
      if (s3e.statusCode() == 403) {
        reason += " (check attachments.s3AccessKey, attachments.s3SecretKey and attachments.s3Region)";
      }
    } else {
      reason = e.getMessage();
    }
    return new IllegalStateException(
        "the S3 store " + endpoint + "/" + bucket + " could not " + what + " photo " + id.substring(0, 12) + "…: "
            + reason,
        e);
  }

  @Override
  public String toString() {
    return "S3AttachmentStore[" + endpoint + "/" + bucket + "]";
  }
}
