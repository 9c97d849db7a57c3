package org.linli.bot.attachment;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An S3-compatible object store on loopback for tests: path-style {@code PUT}, {@code GET} and
 * {@code HEAD} of {@code /<bucket>/<key>}, objects in memory, one bucket. Every request must be
 * signed with AWS Signature V4 for its access key, region and service {@code s3}: the signature is
 * recomputed from the request (canonical request, string to sign, derived key) and a request whose
 * signature, scope, date or payload hash does not match is refused with 403, as S3 does.
 */
public final class FakeS3 implements AutoCloseable {

  private static final Pattern AUTHORIZATION = Pattern.compile(
      "AWS4-HMAC-SHA256 Credential=([^/,]+)/(\\d{8})/([^/,]+)/([^/,]+)/aws4_request,\\s*"
          + "SignedHeaders=([a-z0-9;-]+),\\s*Signature=([0-9a-f]{64})");
  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  /** A request as the store saw it: method, path, the status it answered and why it refused (or ""). */
  public record Request(String method, String path, int status, String refusal) {
  }

  /** An object kept: its bytes and content type. */
  public record StoredObject(byte[] bytes, String contentType) {
  }

  private final Vertx vertx = Vertx.vertx();
  private final String accessKey;
  private final String secretKey;
  private final String region;
  private final String bucket;
  private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private volatile boolean missingIsForbidden;

  private FakeS3(String accessKey, String secretKey, String region, String bucket) {
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.region = region;
    this.bucket = bucket;
  }

  /** Starts a store with one bucket, accepting requests signed with this key pair for {@code region}. */
  public static FakeS3 start(String accessKey, String secretKey, String region, String bucket) {
    FakeS3 s3 = new FakeS3(accessKey, secretKey, region, bucket);
    s3.server = await(s3.vertx.createHttpServer().requestHandler(s3::handle).listen(0, "127.0.0.1"));
    return s3;
  }

  /**
   * From now on answers a read of a missing object with 403, as AWS S3 does to a key without
   * {@code s3:ListBucket}.
   */
  public FakeS3 withoutListBucket() {
    missingIsForbidden = true;
    return this;
  }

  /** The endpoint, e.g. {@code http://127.0.0.1:41234}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** The objects kept, by key. */
  public Map<String, StoredObject> objects() {
    return Map.copyOf(objects);
  }

  /** Every request answered, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    await(vertx.close());
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      String refusal = refusal(request, body.getBytes());
      int status = refusal != null
          ? error(request, 403, refusal.split(":")[0], refusal)
          : answer(request, body.getBytes());
      requests.add(new Request(request.method().name(), request.path(), status, refusal == null ? "" : refusal));
    });
  }

  private int answer(HttpServerRequest request, byte[] body) {
    String path = request.path();
    String prefix = "/" + bucket + "/";
    if (!path.startsWith(prefix) || path.length() == prefix.length()) {
      return error(request, 404, "NoSuchBucket", "The specified bucket does not exist");
    }
    String key = path.substring(prefix.length());
    if (request.method() == HttpMethod.PUT) {
      String type = request.getHeader("Content-Type");
      objects.put(key, new StoredObject(body, type == null ? "binary/octet-stream" : type));
      request.response().putHeader("ETag", etag(body)).end();
      return 200;
    }
    if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
      return error(request, 405, "MethodNotAllowed", "The specified method is not allowed");
    }
    StoredObject object = objects.get(key);
    if (object == null && missingIsForbidden) {
      return error(request, 403, "AccessDenied", "Access Denied");
    }
    if (object == null) {
      return error(request, 404, "NoSuchKey", "The specified key does not exist.");
    }
    request.response().putHeader("ETag", etag(object.bytes())).putHeader("Content-Type", object.contentType());
    if (request.method() == HttpMethod.HEAD) {
      request.response().putHeader("Content-Length", String.valueOf(object.bytes().length)).end();
    } else {
      request.response().end(Buffer.buffer(object.bytes()));
    }
    return 200;
  }

  /** Why the request's signature is refused, or null when it is good. */
  private String refusal(HttpServerRequest request, byte[] body) {
    String authorization = request.getHeader("Authorization");
    String amzDate = request.getHeader("x-amz-date");
    String payloadHash = request.getHeader("x-amz-content-sha256");
    if (authorization == null || amzDate == null || payloadHash == null) {
      return "AccessDenied: unsigned request (Authorization, x-amz-date and x-amz-content-sha256 are required)";
    }
    Matcher auth = AUTHORIZATION.matcher(authorization);
    if (!auth.matches()) {
      return "AccessDenied: not an AWS4-HMAC-SHA256 Authorization header";
    }
    if (!auth.group(1).equals(accessKey)) {
      return "InvalidAccessKeyId: unknown access key " + auth.group(1);
    }
    if (!auth.group(3).equals(region) || !auth.group(4).equals("s3") || !amzDate.startsWith(auth.group(2))) {
      return "AuthorizationHeaderMalformed: credential scope " + auth.group(2) + "/" + auth.group(3) + "/"
          + auth.group(4);
    }
    Instant signedAt = Instant.from(AMZ_DATE.parse(amzDate));
    if (Duration.between(signedAt, Instant.now()).abs().compareTo(Duration.ofMinutes(15)) > 0) {
      return "RequestTimeTooSkewed: " + amzDate;
    }
    if (!payloadHash.equals("UNSIGNED-PAYLOAD") && !payloadHash.equals(hex(sha256(body)))) {
      return "XAmzContentSHA256Mismatch: the payload hash does not match the body";
    }
    List<String> signedHeaders = Arrays.asList(auth.group(5).split(";"));
    if (!signedHeaders.contains("host") || !signedHeaders.contains("x-amz-date")) {
      return "AccessDenied: host and x-amz-date must be signed";
    }
    String canonical = request.method().name() + "\n"
        + request.path() + "\n"
        + canonicalQuery(request.query()) + "\n"
        + signedHeaders.stream().map(name -> name + ":" + headerValue(request, name) + "\n").collect(
            Collectors.joining())
        + "\n"
        + auth.group(5) + "\n"
        + payloadHash;
    String scope = auth.group(2) + "/" + region + "/s3/aws4_request";
    String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonical.getBytes(
        StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), auth.group(2));
    key = hmac(key, region);
    key = hmac(key, "s3");
    key = hmac(key, "aws4_request");
    String expected = hex(hmac(key, toSign));
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        auth.group(6).getBytes(StandardCharsets.US_ASCII))) {
      return "SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided";
    }
    return null;
  }

  private static String headerValue(HttpServerRequest request, String name) {
    return request.headers().getAll(name).stream()
        .map(value -> value.strip().replaceAll("\\s+", " "))
        .collect(Collectors.joining(","));
  }

  private static String canonicalQuery(String query) {
    if (query == null || query.isEmpty()) {
      return "";
    }
    List<String> pairs = new ArrayList<>();
    for (String pair : query.split("&")) {
      pairs.add(pair.contains("=") ? pair : pair + "=");
    }
    pairs.sort(null);
    return String.join("&", pairs);
  }

  private static int error(HttpServerRequest request, int status, String code, String message) {
    request.response().setStatusCode(status);
    if (request.method() == HttpMethod.HEAD) {
      request.response().end();
    } else {
      request.response().putHeader("Content-Type", "application/xml").end(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>"
              + message.replace("&", "&amp;").replace("<", "&lt;") + "</Message></Error>");
    }
    return status;
  }

  private static String etag(byte[] bytes) {
    try {
      return "\"" + hex(MessageDigest.getInstance("MD5").digest(bytes)) + "\"";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
