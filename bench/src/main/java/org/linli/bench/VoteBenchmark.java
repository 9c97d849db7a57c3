package org.linli.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.linli.bot.consultation.Ballot;
import org.linli.bot.consultation.PollStore;

/**
 * Votes per second, two ways, on one running service and its Redis:
 *
 * <ol>
 *   <li>through the chat: {@link WrkLoad} (or {@link HttpLoad} where wrk is not installed) posts
 *       vote-button presses of 10,000 different residents to {@code /webhooks/generic} (token check,
 *       JSON parsing, the conversation, the vote script, the JSON reply);
 *   <li>the vote Lua script alone: the same number of requests in flight, straight to the
 *       service's Redis with {@link PollStore#vote} (EVALSHA), from this process.
 * </ol>
 *
 * Each runs against its own poll (opened through the API) after the same warm-up; the ratio of the
 * two is the share of the script's throughput the whole HTTP path keeps.
 */
final class VoteBenchmark {

  static final String ADMIN = "bench-admin";
  static final String GENERIC = "bench-generic";
  static final int RESIDENTS = 10_000;

  private final HttpLoad.Options options;

  VoteBenchmark(HttpLoad.Options options) {
    this.options = options;
  }

  /** The environment the service under test needs (tokens, and a Redis port this process knows). */
  static Map<String, String> environment(int redisPort) {
    return Map.of(
        "LINLI_KB_SEMANTIC", "false",
        "LINLI_ADMIN_TOKEN", ADMIN,
        "LINLI_GENERIC_TOKEN", GENERIC,
        "LINLI_REDIS_EMBEDDED_PORT", String.valueOf(redisPort));
  }

  /** Runs both measurements; returns the lines for the summary. */
  List<String> run(int servicePort, int redisPort) throws Exception {
    Vertx vertx = Vertx.vertx();
    WebClient web = WebClient.create(vertx);
    Redis redis = Redis.createClient(vertx, new RedisOptions()
        .setConnectionString("redis://127.0.0.1:" + redisPort)
        .setMaxPoolSize(options.concurrency())
        .setMaxPoolWaiting(100_000));
    try {
      String httpPoll = openPoll(web, servicePort);
      String scriptPoll = openPoll(web, servicePort);

      List<String> residents = new ArrayList<>();
      for (int i = 0; i < RESIDENTS; i++) {
        residents.add("r" + i);
      }
      HttpLoad.Options http = new HttpLoad.Options(servicePort, "/webhooks/generic",
          "{\"chat\":{\"id\":\"bench\",\"type\":\"group\"},\"from\":{\"id\":\"%s\"},\"callback\":\"vote:" + httpPoll
              + ":2\"}",
          Map.of("Authorization", "Bearer " + GENERIC), options.concurrency(), options.warmupSeconds(),
          options.durationSeconds(), options.timeoutMillis());
      // wrk (C) when installed: the generator then takes little of the CPU the service shares with it.
      boolean wrk = WrkLoad.available();
      HttpLoad.Result viaHttp = wrk
          ? new WrkLoad(http).run("votes via /webhooks/generic (wrk)", RESIDENTS)
          : new HttpLoad(http, residents).run("votes via /webhooks/generic (Java)");
      System.out.println(viaHttp.line());

      double script = scriptAlone(new PollStore(RedisAPI.api(redis)), scriptPoll);
      String scriptLine = String.format(Locale.ROOT, "%-34s %8.1f votes/s (%d in flight, EVALSHA from this process)",
          "vote Lua script alone", script, options.concurrency());
      System.out.println(scriptLine);
      String ratio = String.format(Locale.ROOT,
          "Votes: HTTP %.0f/s is %.0f%% of the script alone (%.0f/s); target >= 40%%",
          viaHttp.requestsPerSecond(), 100 * viaHttp.requestsPerSecond() / script, script);
      System.out.println(ratio);
      long errors = viaHttp.errors();
      if (errors > 0) {
        throw new IllegalStateException("votes through HTTP had " + errors + " errors: " + viaHttp.errorKinds());
      }
      checkTally(web, servicePort, httpPoll);
      return List.of(viaHttp.line(), scriptLine, ratio);
    } finally {
      redis.close();
      web.close();
      vertx.close().await();
    }
  }

  private String openPoll(WebClient web, int port) {
    JsonObject draft = new JsonObject()
        .put("chat", "bench")
        .put("question", "周六活动室开放时间")
        .put("options", new JsonArray().add("上午").add("下午").add("晚上"))
        .put("closesAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withNano(0).toString());
    var response = web.post(port, "127.0.0.1", "/api/v1/polls")
        .putHeader("Authorization", "Bearer " + ADMIN)
        .sendJsonObject(draft).await();
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "opening a poll returned " + response.statusCode() + ": " + response.bodyAsString());
    }
    return response.bodyAsJsonObject().getString("id");
  }

  private static void checkTally(WebClient web, int port, String poll) {
    JsonObject results = web.get(port, "127.0.0.1", "/api/v1/polls/" + poll + "/results")
        .putHeader("Authorization", "Bearer " + ADMIN).send().await().bodyAsJsonObject();
    long ballots = results.getLong("ballots");
    if (ballots < 1 || ballots > RESIDENTS) {
      throw new IllegalStateException("after the load the poll has " + ballots + " ballots, expected 1.." + RESIDENTS);
    }
    System.out.println("  tally check: " + ballots + " residents' ballots counted once each");
  }

  /** Closed loop on the script: {@code concurrency} votes in flight, warm-up then the window. */
  private double scriptAlone(PollStore store, String poll) throws InterruptedException {
    AtomicLong counter = new AtomicLong();
    AtomicLong inWindow = new AtomicLong();
    long start = System.nanoTime();
    long windowStart = start + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
    long windowEnd = windowStart + TimeUnit.SECONDS.toNanos(options.durationSeconds());
    CountDownLatch done = new CountDownLatch(options.concurrency());
    long[] errors = new long[1];
    for (int c = 0; c < options.concurrency(); c++) {
      loop(store, poll, counter, inWindow, windowStart, windowEnd, done, errors);
    }
    done.await();
    if (errors[0] > 0) {
      throw new IllegalStateException(errors[0] + " script calls failed");
    }
    return inWindow.get() / (double) options.durationSeconds();
  }

  private void loop(PollStore store, String poll, AtomicLong counter, AtomicLong inWindow, long windowStart,
      long windowEnd, CountDownLatch done, long[] errors) {
    long n = counter.getAndIncrement();
    String voter = "generic:s" + (n % RESIDENTS);
    Future<PollStore.VoteResult> vote = store.vote(
        Ballot.cast(poll, voter, List.of(1 + (int) (n % 3)), System.currentTimeMillis()).castBy(voter));
    vote.onComplete(r -> {
      long now = System.nanoTime();
      if (r.failed()) {
        synchronized (errors) {
          errors[0]++;
        }
      } else if (now >= windowStart && now < windowEnd) {
        inWindow.incrementAndGet();
      }
      if (now >= windowEnd) {
        done.countDown();
      } else {
        loop(store, poll, counter, inWindow, windowStart, windowEnd, done, errors);
      }
    });
  }
}
