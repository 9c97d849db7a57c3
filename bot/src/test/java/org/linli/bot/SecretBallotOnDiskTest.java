package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret big matter on the embedded Redis, end to end: households vote (one member's ballot
 * replacing another's), the private reminder reaches only the household that has not voted, the
 * poll closes — and then every file under the data directory is read, and nothing in them links a
 * ballot to a voter or a household.
 */
class SecretBallotOnDiskTest {

  private static final Map<String, String> MEMBERS = new LinkedHashMap<>();
  private static final Pattern RECEIPT = Pattern.compile("回执码：([A-Z2-9]{4}-[A-Z2-9]{4})");
  private static final Pattern BASE64_KEY = Pattern.compile("(?=([A-Za-z0-9+/]{43}=))");
  private static final Pattern BASE64URL_KEY = Pattern.compile("(?=([A-Za-z0-9_-]{43}))");
  private static final Pattern HEX_KEY = Pattern.compile("(?=([0-9a-fA-F]{64}))");

  static {
    MEMBERS.put("resident-a1", "5-2-101");
    MEMBERS.put("resident-a2", "5-2-101");
    MEMBERS.put("resident-b1", "5-2-102");
    MEMBERS.put("resident-c1", "5-2-201");
    MEMBERS.put("resident-d1", "5-2-202");
  }

  @TempDir
  static Path data;
  static RunningService service;
  static FakeChatApp app;

  @BeforeAll
  static void start() {
    app = new FakeChatApp();
    Map<String, String> env = new HashMap<>();
    env.put("LINLI_CONSULTATION_MODERATORS", "g1:mod");
    env.put("LINLI_GENERIC_OUTBOUND_URL", app.url());
    env.put("LINLI_OUTBOX_RETRY_SECONDS", "0,1,1");
    service = RunningService.start(data, env);
    var imported = RunningService.await(service.client.post("/api/v1/households")
        .putHeader("Content-Type", "text/csv")
        .putHeader("Authorization", "Bearer " + RunningService.ADMIN)
        .sendBuffer(Buffer.buffer("household,building,unit,room,area,owners,names,phones\n"
            + "5-2-101,5,2,101,100.00,2,,\n"
            + "5-2-102,5,2,102,100.00,1,,\n"
            + "5-2-201,5,2,201,100.00,1,,\n"
            + "5-2-202,5,2,202,100.00,1,,\n")));
    assertThat(imported.statusCode()).as(imported.bodyAsString()).isEqualTo(200);
    MEMBERS.forEach(SecretBallotOnDiskTest::bind);
  }

  @AfterAll
  static void stop() {
    service.close();
    app.close();
  }

  private static void bind(String user, String household) {
    JsonObject code = service.post("/api/v1/households/" + household + "/codes", "", RunningService.ADMIN)
        .bodyAsJsonObject();
    JsonObject body = new JsonObject()
        .put("chat", new JsonObject().put("id", user).put("type", "private"))
        .put("from", new JsonObject().put("id", user))
        .put("text", "/bind " + code.getString("code"));
    assertThat(service.post("/webhooks/generic", body.encode(), RunningService.GENERIC).bodyAsString())
        .contains("已绑定");
  }

  /** Votes with the button and returns the private receipt code. */
  private static String vote(String user, String poll, int option) {
    JsonObject body = new JsonObject()
        .put("chat", new JsonObject().put("id", "g1").put("type", "group"))
        .put("from", new JsonObject().put("id", user))
        .put("callback", "vote:" + poll + ":" + option);
    String reply = service.post("/webhooks/generic", body.encode(), RunningService.GENERIC).bodyAsJsonObject()
        .getJsonArray("replies").getJsonObject(0).getString("text");
    Matcher m = RECEIPT.matcher(reply);
    assertThat(m.find()).as(reply).isTrue();
    return m.group(1);
  }

  private static String openSecretBigMatter(boolean remind) {
    JsonObject draft = new JsonObject()
        .put("channel", "generic")
        .put("chat", "g1")
        .put("question", "是否同意加装电梯")
        .put("options", new JsonArray().add("同意").add("不同意"))
        .put("scale", "big")
        .put("rule", "civil-code-ordinary")
        .put("anonymous", true)
        // With a reminder a minute before the deadline, it is due eight seconds from now.
        .put("closesAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(remind ? 68 : 3600).toString());
    if (remind) {
      draft.put("remindMinutesBefore", 1);
    }
    var response = service.post("/api/v1/polls", draft.encode(), RunningService.ADMIN);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject().getString("id");
  }

  private static JsonObject close(String id) {
    var closed = service.post("/api/v1/polls/" + id + "/close", "", RunningService.ADMIN);
    assertThat(closed.statusCode()).as(closed.bodyAsString()).isEqualTo(200);
    return closed.bodyAsJsonObject();
  }

  @Test
  void after_a_secret_big_matter_closes_no_file_of_the_data_directory_links_a_ballot_to_a_voter_or_household()
      throws Exception {
    String id = openSecretBigMatter(false);
    Map<String, String> receipts = new LinkedHashMap<>();
    receipts.put("resident-a1", vote("resident-a1", id, 2));
    receipts.put("resident-a2", vote("resident-a2", id, 1));
    receipts.put("resident-b1", vote("resident-b1", id, 1));
    receipts.put("resident-c1", vote("resident-c1", id, 2));
    // The poll's key as Redis holds it while voting (older versions: in clear).
    Response held = redis(api -> api.hget("poll:{" + id + "}", "sealedBallotKey"));
    String kept = held != null
        ? held.toString().substring(3)
        : redis(api -> api.hget("poll:{" + id + "}", "ballotSecret")).toString();

    JsonObject closed = close(id);

    List<String> ballotKeys = new ArrayList<>();
    redis(api -> api.hkeys("poll:{" + id + "}:ballots")).forEach(k -> ballotKeys.add(k.toString()));
    assertThat(ballotKeys).hasSize(3).allMatch(k -> k.startsWith("b:"));
    Map<Path, byte[]> files = filesUnder(data);
    assertThat(files.keySet()).anyMatch(p -> p.getFileName().toString().endsWith(".aof"));

    // No 32-byte value found in any file — raw, base64 or hex — makes any voter's or household's
    // ballot key.
    List<String> plains = new ArrayList<>();
    MEMBERS.forEach((user, household) -> {
      plains.add("generic:" + user);
      plains.add("h:" + household);
    });
    files.forEach((path, bytes) -> {
      for (byte[] candidate : candidates(path, bytes)) {
        for (String plain : plains) {
          assertThat(ballotKeys).as("%s holds a key that links %s", path, plain)
              .doesNotContain("b:" + mac(candidate, plain));
        }
      }
    });

    // Neither the poll's key as Redis held it nor the sealing key is in Redis's files.
    files.forEach((path, bytes) -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as("%s", path)
        .doesNotContain(kept));
    Path sealFile = data.resolve("keys/ballot-seal.key");
    assertThat(sealFile).exists();
    byte[] sealKey = Base64.getDecoder().decode(Files.readString(sealFile).strip());
    files.forEach((path, bytes) -> {
      if (path.startsWith(data.resolve("redis"))) {
        assertThat(indexOf(bytes, sealKey)).as("%s", path).isNegative();
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).as("%s", path)
            .doesNotContain(Base64.getEncoder().encodeToString(sealKey), HexFormat.of().formatHex(sealKey));
      }
    });

    // A receipt is kept once, in the published list, and nowhere else: no file keeps an earlier
    // version of a ballot or a message that took a receipt to a resident's chat.
    files.forEach((path, bytes) -> {
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      receipts.forEach((user, code) -> assertThat(count(text, code)).as("%s in %s", code, path).isLessThanOrEqualTo(1));
    });
    for (Response key : redis(api -> api.keys("*"))) {
      String k = key.toString();
      String contents = contents(k);
      receipts.values().forEach(code -> {
        if (contents.contains(code)) {
          assertThat(k).isIn("poll:{" + id + "}:ballots", "poll:{" + id + "}:replaced");
        }
      });
      MEMBERS.keySet().forEach(user -> {
        if (contents.contains(user) || k.contains(user)) {
          assertThat(k).startsWith("households:{register}");
        }
      });
    }

    // Each voter has their own receipt; the one a later member replaced is listed as such.
    assertThat(files.keySet()).anyMatch(p -> p.getFileName().toString().endsWith(".rdb"));
    assertThat(Set.copyOf(receipts.values())).hasSize(4);
    Map<String, JsonObject> byCode = new HashMap<>();
    closed.getJsonArray("receipts").forEach(r -> byCode.put(((JsonObject) r).getString("receipt"), (JsonObject) r));
    assertThat(byCode).containsOnlyKeys(receipts.values());
    assertThat(byCode.get(receipts.get("resident-a1")).getBoolean("replaced")).isTrue();
    assertThat(byCode.get(receipts.get("resident-a2")).getJsonArray("choices")).containsExactly(1);
    assertThat(byCode.get(receipts.get("resident-c1")).getJsonArray("choices")).containsExactly(2);
    assertThat(service.get("/polls/" + id, null).bodyAsString())
        .contains(receipts.get("resident-a1"), "已被同户后来的选票取代");
  }

  @Test
  void a_private_reminder_reaches_only_the_bound_residents_of_a_household_that_has_not_voted_once()
      throws Exception {
    String id = openSecretBigMatter(true);
    vote("resident-a2", id, 1);
    vote("resident-b1", id, 2);

    JsonObject first = app.await(m -> m.getString("text", "").contains("您家还没有") && m.getString("text").contains(id),
        30);
    Thread.sleep(1_000);
    List<JsonObject> reminders = app.matching(
        m -> m.getString("text", "").contains("您家还没有") && m.getString("text").contains(id));
    assertThat(reminders).extracting(m -> m.getJsonObject("chat").getString("id"))
        .containsExactlyInAnyOrder("resident-c1", "resident-d1");
    assertThat(reminders).allMatch(m -> m.getJsonObject("chat").getString("type").equals("private"));
    assertThat(first.getString("text")).doesNotContain("resident-", "5-2-");
    // The group reminder still names nobody.
    JsonObject group = app.await(m -> m.getString("text", "").contains("提醒：投票 " + id), 10);
    assertThat(group.getJsonObject("chat").getString("id")).isEqualTo("g1");
    assertThat(group.getString("text")).contains("已有 2 户参与").doesNotContain("resident-");

    close(id);

    // Delivered, the reminders left nothing behind that says who was reminded.
    filesUnder(data).forEach((path, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as("%s", path)
        .doesNotContain("您家还没有"));
  }

  /** Every regular file under {@code root}; the redis-server binary only once shown to be the shipped one. */
  private static Map<Path, byte[]> filesUnder(Path root) throws IOException {
    Map<Path, byte[]> out = new LinkedHashMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(p);
        String name = p.getFileName().toString();
        if (name.startsWith("redis-server-")) {
          try (InputStream shipped = SecretBallotOnDiskTest.class.getResourceAsStream("/" + name)) {
            assertThat(shipped).as(name).isNotNull();
            assertThat(Arrays.equals(shipped.readAllBytes(), bytes)).as("%s is the shipped binary", p).isTrue();
          }
          continue;
        }
        out.put(p, bytes);
      }
    }
    return out;
  }

  /**
   * What in a file could be a 32-byte key: every 32-byte window of Redis's own files and of the
   * keys folder, and in every file each token that reads as 32 bytes in base64 or hex.
   */
  private static List<byte[]> candidates(Path path, byte[] bytes) {
    List<byte[]> out = new ArrayList<>();
    if (path.startsWith(data.resolve("redis")) || path.startsWith(data.resolve("keys"))) {
      for (int i = 0; i + 32 <= bytes.length; i++) {
        out.add(Arrays.copyOfRange(bytes, i, i + 32));
      }
    }
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    Matcher b64 = BASE64_KEY.matcher(text);
    while (b64.find()) {
      out.add(Base64.getDecoder().decode(b64.group(1)));
    }
    Matcher url = BASE64URL_KEY.matcher(text);
    while (url.find()) {
      try {
        out.add(Base64.getUrlDecoder().decode(url.group(1)));
      } catch (IllegalArgumentException notBase64) {
        // Letters that happen to stand together.
      }
    }
    Matcher hex = HEX_KEY.matcher(text);
    while (hex.find()) {
      out.add(HexFormat.of().parseHex(hex.group(1)));
    }
    return out;
  }

  private static String mac(byte[] key, String plain) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)), 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer : for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static String contents(String key) {
    return switch (redis(api -> api.type(key)).toString()) {
      case "hash" -> redis(api -> api.hgetall(key)).toString();
      case "string" -> String.valueOf(redis(api -> api.get(key)));
      case "zset" -> redis(api -> api.zrange(List.of(key, "0", "-1"))).toString();
      case "set" -> redis(api -> api.smembers(key)).toString();
      case "list" -> redis(api -> api.lrange(key, "0", "-1")).toString();
      default -> "";
    };
  }

  private static Response redis(java.util.function.Function<RedisAPI, io.vertx.core.Future<Response>> call) {
    Redis client = Redis.createClient(service.vertx, service.verticle.redisUrl());
    try {
      return RunningService.await(call.apply(RedisAPI.api(client)));
    } finally {
      client.close();
    }
  }
}
