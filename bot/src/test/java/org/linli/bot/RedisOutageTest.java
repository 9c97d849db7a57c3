package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.bot.redis.RedisExecutable;

/**
 * Redis going away is normal operation: while it is gone, requests are answered 503 with a sentence
 * (never 500); when it is back — an external server restarted on its files, or the embedded one
 * started again by the service — requests are served again within 10 s, and every request that was
 * acknowledged with a receipt is there.
 */
class RedisOutageTest {

  private static final Pattern RECEIPT = Pattern.compile("回执号：(\\d{8}-\\d{4})");

  @TempDir
  Path data;

  /** One request for help through the generic channel: its status and, when acknowledged, its receipt. */
  private record Sent(int status, String receipt, String body) {
  }

  private static Sent help(RunningService service, int n) {
    JsonObject body = new JsonObject()
        .put("chat", new JsonObject().put("id", "g1").put("type", "group"))
        .put("from", new JsonObject().put("id", "u" + n))
        .put("text", "/help " + (n % 30 + 1) + "号楼1单元楼道灯坏了，电话1381234" + String.format("%04d", n))
        .put("mentioned", false);
    HttpResponse<Buffer> r = service.post("/webhooks/generic", body.encode(), RunningService.GENERIC);
    Matcher m = RECEIPT.matcher(r.bodyAsString());
    return new Sent(r.statusCode(), r.statusCode() == 200 && m.find() ? m.group(1) : null, r.bodyAsString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Process redisServer(Path dir, int port) throws IOException {
    Files.createDirectories(dir);
    RedisExecutable redis = RedisExecutable.choose(dir);
    return new ProcessBuilder(redis.path().toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
        "--dir", dir.toString(), "--appendonly", "yes", "--save", "")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** Sends requests until one is acknowledged or {@code seconds} pass; every answer is kept. */
  private static long untilServed(RunningService service, List<Sent> sent, int from, long seconds) {
    long start = System.nanoTime();
    for (int n = from; System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds); n++) {
      Sent s = help(service, n);
      sent.add(s);
      if (s.receipt() != null) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      }
      sleep(100);
    }
    throw new AssertionError("not served again within " + seconds + " s: " + sent.get(sent.size() - 1));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<Integer, Integer> statuses(List<Sent> sent) {
    Map<Integer, Integer> count = new TreeMap<>();
    sent.forEach(s -> count.merge(s.status(), 1, Integer::sum));
    return count;
  }

  private static Set<String> stored(RunningService service) {
    JsonObject list = service.get("/api/v1/tickets?limit=1000", RunningService.ADMIN).bodyAsJsonObject();
    Set<String> receipts = new HashSet<>();
    list.getJsonArray("tickets").forEach(t -> receipts.add(((JsonObject) t).getString("receipt")));
    return receipts;
  }

  @Test
  void an_external_redis_killed_and_restarted_gives_503s_meanwhile_and_loses_no_acknowledged_request()
      throws Exception {
    int port = freePort();
    Path dir = data.resolve("external-redis");
    Process redis = redisServer(dir, port);
    List<Sent> sent = new ArrayList<>();
    try (RunningService service = RunningService.start(data.resolve("service"),
        Map.of("LINLI_REDIS_URL", "redis://127.0.0.1:" + port, "LINLI_TICKETS_PER_RESIDENT_PER_HOUR", "1000"))) {
      for (int n = 0; n < 20; n++) {
        sent.add(help(service, n));
      }
      redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      List<Sent> during = new ArrayList<>();
      for (int n = 20; n < 30; n++) {
        during.add(help(service, n));
      }
      redis = redisServer(dir, port);
      long back = untilServed(service, during, 30, 10);
      sent.addAll(during);

      assertThat(statuses(during)).as("answers while Redis was away").doesNotContainKey(500);
      assertThat(during.subList(0, 10)).allSatisfy(s -> {
        assertThat(s.status()).isEqualTo(503);
        assertThat(s.body()).contains("try again");
      });
      assertThat(back).isLessThan(10_000);
      Set<String> acknowledged = new HashSet<>();
      sent.stream().filter(s -> s.receipt() != null).forEach(s -> acknowledged.add(s.receipt()));
      assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(21);
      assertThat(stored(service)).containsAll(acknowledged);
    } finally {
      redis.destroyForcibly();
    }
  }

  @Test
  void the_embedded_redis_killed_is_started_again_and_the_service_serves_within_ten_seconds() throws Exception {
    List<Sent> sent = new ArrayList<>();
    try (RunningService service = RunningService.start(data,
        Map.of("LINLI_TICKETS_PER_RESIDENT_PER_HOUR", "1000"))) {
      for (int n = 0; n < 10; n++) {
        sent.add(help(service, n));
      }
      long pid = Long.parseLong(Files.readString(data.resolve("redis/redis-server.pid")).strip());
      ProcessHandle.of(pid).orElseThrow().destroyForcibly();
      sleep(50);
      long back = untilServed(service, sent, 10, 10);

      assertThat(back).isLessThan(10_000);
      assertThat(statuses(sent)).doesNotContainKey(500);
      assertThat(Long.parseLong(Files.readString(data.resolve("redis/redis-server.pid")).strip())).isNotEqualTo(pid);
      Set<String> acknowledged = new HashSet<>();
      sent.stream().filter(s -> s.receipt() != null).forEach(s -> acknowledged.add(s.receipt()));
      assertThat(stored(service)).containsAll(acknowledged);
    }
  }
}
