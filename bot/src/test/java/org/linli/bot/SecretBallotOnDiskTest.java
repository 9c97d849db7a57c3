package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.bot.redis.RedisPerClass;
import org.linli.webhooks.telegram.FakeBotApi;

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
  static Vertx vertx;
  static FakeBotApi telegram;
  static final AtomicInteger MESSAGE_IDS = new AtomicInteger(1000);

  /** Telegram residents (their private chat has their own id) and their households, with distinct floor areas. */
  private static final Map<Long, String> TELEGRAM_MEMBERS = new LinkedHashMap<>();
  private static final Map<String, String> AREAS = new LinkedHashMap<>();

  static {
    TELEGRAM_MEMBERS.put(918273645L, "7-1-301");
    TELEGRAM_MEMBERS.put(918273646L, "7-1-301");
    TELEGRAM_MEMBERS.put(918273647L, "7-1-302");
    TELEGRAM_MEMBERS.put(918273648L, "7-1-303");
    TELEGRAM_MEMBERS.put(918273649L, "7-1-304");
    AREAS.put("7-1-301", "93.17");
    AREAS.put("7-1-302", "118.43");
    AREAS.put("7-1-303", "76.59");
    AREAS.put("7-1-304", "131.27");
  }

  @BeforeAll
  static void start() {
    app = new FakeChatApp();
    vertx = Vertx.vertx();
    telegram = RunningService.await(FakeBotApi.start(vertx, TELEGRAM_TOKEN));
    Map<String, String> env = new HashMap<>();
    env.put("LINLI_TELEGRAM_TOKEN", TELEGRAM_TOKEN);
    env.put("LINLI_TELEGRAM_API_URL", telegram.url());
    env.put("LINLI_TELEGRAM_MODE", "webhook");
    env.put("LINLI_TELEGRAM_SECRET", TELEGRAM_SECRET);
    env.put("LINLI_TELEGRAM_BOT_USERNAME", FakeBotApi.BOT_USERNAME);
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
            + "5-2-202,5,2,202,100.00,1,,\n"
            + AREAS.entrySet().stream().map(e -> e.getKey() + ",7,1," + e.getKey().substring(4) + "," + e.getValue()
                + ",2,,\n").collect(Collectors.joining()))));
    assertThat(imported.statusCode()).as(imported.bodyAsString()).isEqualTo(200);
    MEMBERS.forEach(SecretBallotOnDiskTest::bind);
    TELEGRAM_MEMBERS.forEach(SecretBallotOnDiskTest::bindOnTelegram);
  }

  private static final String TELEGRAM_TOKEN = "7000000001:test-token";
  private static final String TELEGRAM_SECRET = "telegram-webhook-secret";

  private static void bindOnTelegram(long user, String household) {
    String code = service.post("/api/v1/households/" + household + "/codes", "", RunningService.ADMIN)
        .bodyAsJsonObject().getString("code");
    tell(user, "/bind " + code);
    sentTo(user, "已绑定", 1);
  }

  /** A private message from {@code user} to the bot on Telegram. */
  private static void tell(long user, String text) {
    JsonObject chat = new JsonObject().put("id", user).put("type", "private");
    int command = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
    int n = MESSAGE_IDS.incrementAndGet();
    JsonObject update = new JsonObject().put("update_id", n).put("message", new JsonObject()
        .put("message_id", n)
        .put("from", new JsonObject().put("id", user).put("is_bot", false).put("first_name", "居民"))
        .put("chat", chat)
        .put("date", System.currentTimeMillis() / 1000)
        .put("text", text)
        .put("entities", new JsonArray().add(new JsonObject().put("offset", 0).put("length", command)
            .put("type", "bot_command"))));
    var answered = RunningService.await(service.client.post("/webhooks/telegram")
        .putHeader("Content-Type", "application/json")
        .putHeader("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET)
        .sendBuffer(Buffer.buffer(update.encode())));
    assertThat(answered.statusCode()).as(answered.bodyAsString()).isEqualTo(200);
  }

  /** Waits until {@code count} messages containing {@code part} were sent to {@code user}; returns the last. */
  private static String sentTo(long user, String part, int count) {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      List<String> texts = telegram.calls("sendMessage").stream()
          .filter(c -> String.valueOf(user).equals(String.valueOf(c.params().getValue("chat_id"))))
          .map(c -> c.params().getString("text", "")).filter(t -> t.contains(part)).toList();
      if (texts.size() >= count) {
        return texts.get(count - 1);
      }
      assertThat(System.nanoTime()).as("%d messages with %s to %d", count, part, user).isLessThan(deadline);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Votes with {@code /vote} in a private Telegram chat and returns the receipt code sent back there. */
  private static String voteOnTelegram(long user, String poll, int option, int nth) {
    tell(user, "/vote " + poll + " " + option);
    Matcher m = RECEIPT.matcher(sentTo(user, "回执码", nth));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @AfterAll
  static void stop() {
    service.close();
    app.close();
    RunningService.await(telegram.close());
    RunningService.await(vertx.close());
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
  void a_copy_of_the_data_directory_taken_while_a_secret_big_matter_is_open_links_no_ballot_without_the_sealing_key()
      throws Exception {
    String id = openSecretBigMatter(false);
    // What was written before the first vote (the register, the bindings, the poll) may name
    // households; from here on, nothing may.
    Thread.sleep(300);
    Map<Path, Long> before = new HashMap<>();
    filesUnder(data.resolve("redis")).forEach((path, bytes) -> before.put(path, (long) bytes.length));

    Map<Long, String> receipts = new LinkedHashMap<>();
    receipts.put(918273645L, voteOnTelegram(918273645L, id, 2, 1));
    // A later member of the same household replaces that ballot.
    receipts.put(918273646L, voteOnTelegram(918273646L, id, 1, 1));
    voteOnTelegram(918273647L, id, 1, 1);
    // A voter who changes their own ballot keeps their receipt.
    receipts.put(918273647L, voteOnTelegram(918273647L, id, 2, 2));
    // A resident who never started the bot: the receipt becomes a dead letter.
    telegram.forbid("918273648");
    receipts.put(918273648L, voteOnTelegram(918273648L, id, 1, 1));
    // The next receipt is never answered: it stays in flight in the outbox.
    telegram.script("sendMessage", 0, "");
    receipts.put(918273649L, voteOnTelegram(918273649L, id, 2, 1));
    vote("resident-b1", id, 2);
    JsonObject dead = eventually(() -> service.get("/api/v1/outbox/chat/dead", RunningService.ADMIN).bodyAsJsonObject(),
        d -> d.encode().contains("sealed"));
    assertThat(dead.encode()).as("the dead letter is shown sealed").doesNotContain("918273648", "回执码",
        receipts.get(918273648L));
    // Everything the votes wrote has reached the append-only file (fsync every second).
    Thread.sleep(1_500);

    // The copy a backup would take, without the sealing key (a secret that is not in Redis).
    Path copy = Files.createTempDirectory("linli-backup-");
    try {
      copyTree(data, copy);
      RedisPerClass.deleteTree(copy.resolve("keys"));
      Map<Path, byte[]> files = filesUnder(copy);
      Path aofDir = copy.resolve("redis");
      assertThat(files.keySet()).anyMatch(p -> p.getFileName().toString().endsWith(".aof"));

      // The part of the append-only file the votes wrote names no voter, chat, household or area.
      List<String> names = new ArrayList<>();
      TELEGRAM_MEMBERS.keySet().forEach(u -> names.add(String.valueOf(u)));
      MEMBERS.keySet().forEach(names::add);
      AREAS.keySet().forEach(names::add);
      List<String> bulk = new ArrayList<>();
      AREAS.values().forEach(a -> {
        bulk.add(a);
        bulk.add(a.replace(".", "").replaceFirst("^0+", ""));
      });
      StringBuilder written = new StringBuilder();
      files.forEach((path, bytes) -> {
        if (path.startsWith(aofDir) && path.getFileName().toString().contains(".aof")) {
          Path original = data.resolve(copy.relativize(path));
          int from = (int) Math.min(bytes.length, before.getOrDefault(original, 0L));
          assertThat(before).as("%s was rewritten while voting", path).containsKey(original);
          written.append(new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1));
        }
      });
      String votes = written.toString();
      assertThat(votes).as("the votes wrote to the append-only file").contains(receipts.get(918273646L));
      names.forEach(n -> assertThat(votes).as("%s in what the votes wrote", n).doesNotContain(n));
      bulk.forEach(a -> assertThat(votes).as("the area %s in what the votes wrote", a)
          .doesNotContain("\r\n" + a + "\r\n").doesNotContain("-" + a + "\r\n"));
      // Nor anywhere in the copy is a receipt next to a chat: each is in its ballot, sealed messages aside.
      files.forEach((path, bytes) -> {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        receipts.forEach((user, code) -> {
          for (int i = text.indexOf(code); i >= 0; i = text.indexOf(code, i + 1)) {
            String around = text.substring(Math.max(0, i - 400), Math.min(text.length(), i + 400));
            assertThat(around).as("%s next to its voter in %s", code, path).doesNotContain(String.valueOf(user));
          }
        });
      });

      // No value in the copy — raw, base64 or hex — makes a ballot key of any voter or household.
      List<String> ballotKeys = new ArrayList<>();
      redis(api -> api.hkeys("poll:{" + id + "}:ballots")).forEach(k -> ballotKeys.add(k.toString()));
      assertThat(ballotKeys).hasSize(5).allMatch(k -> k.startsWith("b:"));
      List<String> plains = new ArrayList<>();
      TELEGRAM_MEMBERS.forEach((user, household) -> {
        plains.add("telegram:" + user);
        plains.add("h:" + household);
      });
      MEMBERS.forEach((user, household) -> {
        plains.add("generic:" + user);
        plains.add("h:" + household);
      });
      files.forEach((path, bytes) -> {
        for (byte[] candidate : candidates(path, bytes, copy)) {
          for (String plain : plains) {
            assertThat(ballotKeys).as("%s holds a key that links %s", path, plain)
                .doesNotContain("b:" + mac(candidate, plain));
          }
        }
      });
    } finally {
      RedisPerClass.deleteTree(copy);
    }

    // The counts are still right: areas from the ballots, while open and at the close.
    JsonObject live = service.get("/api/v1/polls/" + id + "/results", RunningService.ADMIN).bodyAsJsonObject();
    JsonObject closed = close(id);
    for (JsonObject result : List.of(live, closed)) {
      JsonArray tally = result.getJsonArray("tally");
      assertThat(tally.getJsonObject(0).getLong("votes")).as(result.encode()).isEqualTo(2);
      assertThat(tally.getJsonObject(1).getLong("votes")).as(result.encode()).isEqualTo(3);
      // 同意: 7-1-301 and 7-1-303; 不同意: 7-1-302, 7-1-304 and 5-2-102.
      assertThat(tally.getJsonObject(0).getDouble("area")).as(result.encode()).isEqualTo(169.76);
      assertThat(tally.getJsonObject(1).getDouble("area")).as(result.encode()).isEqualTo(349.70);
    }
    Map<String, JsonObject> byCode = new HashMap<>();
    closed.getJsonArray("receipts").forEach(r -> byCode.put(((JsonObject) r).getString("receipt"), (JsonObject) r));
    assertThat(byCode.get(receipts.get(918273645L)).getBoolean("replaced")).isTrue();
    assertThat(byCode.get(receipts.get(918273647L)).getJsonArray("choices")).containsExactly(2);
  }

  private static <T> T eventually(java.util.function.Supplier<T> probe, java.util.function.Predicate<T> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    T value = probe.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      value = probe.get();
    }
    return value;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (Files.isRegularFile(p)) {
          Files.copy(p, target);
        }
      }
    }
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
    return candidates(path, bytes, data);
  }

  private static List<byte[]> candidates(Path path, byte[] bytes, Path root) {
    List<byte[]> out = new ArrayList<>();
    if (path.startsWith(root.resolve("redis")) || path.startsWith(root.resolve("keys"))) {
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
