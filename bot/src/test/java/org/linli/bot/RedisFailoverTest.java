package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.linli.bot.consultation.PollStore;
import org.linli.bot.redis.DebianRedis;
import org.linli.bot.redis.RedisTopologies;
import org.linli.bot.redis.RedisTopologies.Kind;

/**
 * The service on a Sentinel set and on a Cluster with two replicas per master (Debian's Redis 7),
 * acknowledging a write once a replica has it ({@code LINLI_REDIS_WAIT_REPLICAS=1}), while
 * residents vote through the chat webhook: the master holding the poll is killed ({@code SIGKILL})
 * at vote 150 of 400. Every vote the service acknowledged is found on the promoted replica, and the
 * service counts votes again by itself, within 10 s. Votes sent during the gap are answered 503
 * with a sentence, never 500 (their statuses are printed). Without the wait, one run in a few
 * lost the vote acknowledged last before the kill (Redis replicates asynchronously).
 */
class RedisFailoverTest {

  private static final int VOTES = 400;
  private static final int KILL_AT = 150;
  private static final int IN_FLIGHT = 8;

  @RegisterExtension
  static final RedisTopologies redis = new RedisTopologies();

  @TempDir
  Path data;

  @Test
  void a_sentinel_master_killed_while_votes_flow_loses_no_acknowledged_vote_and_voting_resumes() throws Exception {
    RedisTopologies.Running sentinel = redis.get(Kind.SENTINEL);
    try (RunningService service = RunningService.start(data, Map.of("LINLI_REDIS_TYPE", "sentinel",
        "LINLI_REDIS_ENDPOINTS", String.join(",", sentinel.settings().endpoints()),
        "LINLI_REDIS_MASTER_NAME", RedisTopologies.MASTER_NAME, "LINLI_REDIS_WAIT_REPLICAS", "1"))) {
      String poll = openPoll(service);
      try {
        Flow flow = Flow.run(service, poll, sentinel.servers().get(0));
        flow.check("Sentinel", service, new PollStore(sentinel.api()), poll);
      } catch (AssertionError e) {
        // What the sentinel did (its +sdown, +try-failover, -failover-abort-... lines) says why.
        Path log = sentinel.servers().get(sentinel.servers().size() - 1).dir().resolve("redis.log");
        System.out.println("The sentinel's log:\n" + (Files.exists(log) ? Files.readString(log) : "(none)"));
        throw e;
      }
    }
  }

  @Test
  void a_cluster_master_killed_while_votes_flow_loses_no_acknowledged_vote_and_voting_resumes() throws Exception {
    try (RedisTopologies.Running cluster = redis.startClusterWithReplicas(data.resolve("cluster"));
        RunningService service = RunningService.start(data.resolve("service"), Map.of("LINLI_REDIS_TYPE", "cluster",
            "LINLI_REDIS_ENDPOINTS", String.join(",", cluster.settings().endpoints()),
            "LINLI_REDIS_WAIT_REPLICAS", "1"))) {
      String poll = openPoll(service);
      Flow flow = Flow.run(service, poll, cluster.masterOf("poll:{" + poll + "}"));
      flow.check("Cluster", service, new PollStore(cluster.api()), poll);
    }
  }

  private static String openPoll(RunningService service) {
    JsonObject draft = new JsonObject().put("chat", "g1").put("question", "周六活动室开放时间")
        .put("options", new JsonArray().add("上午").add("下午").add("晚上"))
        .put("closesAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withNano(0).toString());
    HttpResponse<Buffer> created = service.post("/api/v1/polls", draft.encode(), RunningService.ADMIN);
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    return created.bodyAsJsonObject().getString("id");
  }

  /** Votes from distinct residents, {@value #IN_FLIGHT} at a time, with the master killed at vote {@value #KILL_AT}. */
  private record Flow(Set<String> acknowledged, Map<String, AtomicInteger> failures, int sent, long gapMillis) {

    static Flow run(RunningService service, String poll, DebianRedis master) throws InterruptedException {
      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
      AtomicInteger next = new AtomicInteger();
      AtomicLong killedAt = new AtomicLong();
      AtomicLong firstAfter = new AtomicLong();
      CountDownLatch done = new CountDownLatch(IN_FLIGHT);
      for (int t = 0; t < IN_FLIGHT; t++) {
        Thread voter = new Thread(() -> {
          try {
            // 400 votes, and on (new residents) until one sent after the kill is counted, for 15 s at most.
            for (int i = next.getAndIncrement(); i < VOTES || firstAfter.get() == 0
                && System.nanoTime() - killedAt.get() < TimeUnit.SECONDS.toNanos(15); i = next.getAndIncrement()) {
              if (i == KILL_AT) {
                master.kill();
                killedAt.set(System.nanoTime());
              }
              String resident = "fo" + i;
              boolean afterKill = killedAt.get() != 0;
              String outcome = vote(service, poll, resident, 1 + i % 3);
              if (outcome.equals("counted")) {
                acknowledged.add(resident);
                if (afterKill) {
                  firstAfter.compareAndSet(0, System.nanoTime());
                }
              } else {
                failures.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                if (afterKill && firstAfter.get() == 0) {
                  pause(100);
                }
              }
            }
          } finally {
            done.countDown();
          }
        });
        voter.setDaemon(true);
        voter.start();
      }
      assertThat(done.await(90, TimeUnit.SECONDS)).as("the votes end").isTrue();
      assertThat(firstAfter.get()).as("a vote sent after the kill was counted").isPositive();
      return new Flow(acknowledged, failures, next.get() - IN_FLIGHT,
          TimeUnit.NANOSECONDS.toMillis(firstAfter.get() - killedAt.get()));
    }

    void check(String topology, RunningService service, PollStore store, String poll) {
      System.out.printf("%s failover: %d of %d votes acknowledged, failures %s, counting again %d ms after the"
          + " kill%n", topology, acknowledged.size(), sent, new TreeMap<>(failures), gapMillis);
      assertThat(gapMillis).as("counting again within 10 s").isLessThan(10_000);
      assertThat(failures).as("answers during the gap: 503 with a sentence, never 500").doesNotContainKey("HTTP 500");
      assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILL_AT - IN_FLIGHT);
      List<String> keys = acknowledged.stream().sorted().map(r -> "generic:" + r).toList();
      List<Boolean> stored = RunningService.await(store.cast(poll, keys));
      List<String> lost = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        if (!stored.get(i)) {
          lost.add(keys.get(i));
        }
      }
      assertThat(lost).as("acknowledged votes missing after the failover").isEmpty();
      JsonObject results = service.get("/api/v1/polls/" + poll + "/results", RunningService.ADMIN).bodyAsJsonObject();
      assertThat(results.getLong("ballots")).isBetween((long) acknowledged.size(), (long) sent);
    }
  }

  /** "counted", or the HTTP status (or failure) the vote got instead. */
  private static String vote(RunningService service, String poll, String resident, int option) {
    JsonObject body = new JsonObject().put("chat", new JsonObject().put("id", "g1").put("type", "group"))
        .put("from", new JsonObject().put("id", resident)).put("callback", "vote:" + poll + ":" + option);
    Future<HttpResponse<Buffer>> sent = service.client.post("/webhooks/generic")
        .putHeader("Content-Type", "application/json")
        .putHeader("Authorization", "Bearer " + RunningService.GENERIC)
        .timeout(5_000)
        .sendBuffer(Buffer.buffer(body.encode()));
    try {
      HttpResponse<Buffer> response = RunningService.await(sent);
      if (response.statusCode() != 200) {
        return "HTTP " + response.statusCode();
      }
      String text = response.bodyAsJsonObject().getJsonArray("replies").getJsonObject(0).getString("text");
      return text.contains(poll) && text.contains("已记录") ? "counted" : "refused: " + text;
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName();
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
