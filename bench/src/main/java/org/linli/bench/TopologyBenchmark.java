package org.linli.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Votes and help requests per second on two set-ups of this machine: one instance on a standalone
 * Redis, and two instances on a 3-master Redis Cluster ({@code LINLI_REDIS_TYPE=cluster}), each
 * instance loaded by its own wrk with half the connections at the same time. On one shared 2-core
 * machine the figure that says something is the ratio of the two, not the absolute rates: both
 * set-ups share the same cores, so the cluster's second instance competes with the first.
 */
final class TopologyBenchmark {

  static final String ADMIN = "bench-admin";
  static final String GENERIC = "bench-generic";

  private final HttpLoad.Options options;
  private final StartupTime launcher;
  private final Path root;

  TopologyBenchmark(HttpLoad.Options options, StartupTime launcher, Path root) {
    this.options = options;
    this.launcher = launcher;
    this.root = root;
  }

  /** The figures of one set-up. */
  record Figures(String setup, double votes, double helps) {
    String line() {
      return String.format(Locale.ROOT, "%-38s %8.1f votes/s %8.1f help requests/s", setup, votes, helps);
    }
  }

  /** Runs both set-ups; returns the lines for the summary. */
  List<String> run() throws Exception {
    Figures standalone;
    try (RedisServers redis = RedisServers.standalone(root.resolve("standalone"))) {
      standalone = measure("1 instance, standalone Redis", Map.of("LINLI_REDIS_URL", redis.endpoints()), 1);
    }
    Figures cluster;
    try (RedisServers redis = RedisServers.cluster(root.resolve("cluster"))) {
      cluster = measure("2 instances, 3-master Redis Cluster",
          Map.of("LINLI_REDIS_TYPE", "cluster", "LINLI_REDIS_ENDPOINTS", redis.endpoints()), 2);
    }
    String ratio = String.format(Locale.ROOT, "Cluster/standalone: votes %.2f, help requests %.2f (same 2 cores)",
        cluster.votes() / standalone.votes(), cluster.helps() / standalone.helps());
    System.out.println(standalone.line());
    System.out.println(cluster.line());
    System.out.println(ratio);
    return List.of(standalone.line(), cluster.line(), ratio);
  }

  private Figures measure(String setup, Map<String, String> redisEnv, int instances) throws Exception {
    System.out.println("== topology: " + setup);
    List<StartupTime.Service> services = new ArrayList<>();
    Vertx vertx = Vertx.vertx();
    WebClient web = WebClient.create(vertx);
    try {
      for (int i = 0; i < instances; i++) {
        Map<String, String> env = new HashMap<>(redisEnv);
        env.put("LINLI_KB_SEMANTIC", "false");
        env.put("LINLI_ADMIN_TOKEN", ADMIN);
        env.put("LINLI_GENERIC_TOKEN", GENERIC);
        services.add(launcher.launch(root.resolve(setup.replaceAll("\\W+", "-") + "-" + i), env));
      }
      String poll = openPoll(web, services.get(0).port());
      double votes = together(services, "votes", "{\"chat\":{\"id\":\"bench\",\"type\":\"group\"},\"from\":{\"id\":"
          + "\"%s\"},\"callback\":\"vote:" + poll + ":2\"}", 10_000);
      double helps = together(services, "help requests", "{\"chat\":{\"id\":\"bench\",\"type\":\"group\"},"
          + "\"from\":{\"id\":\"%s\"},\"text\":\"/help 3号楼2单元楼道灯坏了\"}", 1_000_000);
      return new Figures(setup, votes, helps);
    } finally {
      services.forEach(StartupTime.Service::close);
      web.close();
      vertx.close().await();
    }
  }

  /** One wrk per instance at the same time, the connections split between them; the sum of their rates. */
  private double together(List<StartupTime.Service> services, String what, String body, int ids) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(services.size());
    try {
      List<Future<HttpLoad.Result>> runs = new ArrayList<>();
      for (StartupTime.Service s : services) {
        HttpLoad.Options o = new HttpLoad.Options(s.port(), "/webhooks/generic", body,
            Map.of("Authorization", "Bearer " + GENERIC), Math.max(1, options.concurrency() / services.size()),
            options.warmupSeconds(), options.durationSeconds(), options.timeoutMillis());
        runs.add(pool.submit(() -> new WrkLoad(o).run(what + " on port " + s.port(), ids)));
      }
      double sum = 0;
      for (Future<HttpLoad.Result> r : runs) {
        HttpLoad.Result result = r.get();
        System.out.println("  " + result.line());
        if (result.errors() > 0) {
          throw new IllegalStateException(what + " had " + result.errors() + " errors: " + result.errorKinds());
        }
        sum += result.requestsPerSecond();
      }
      return sum;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String openPoll(WebClient web, int port) {
    JsonObject draft = new JsonObject().put("chat", "bench").put("question", "周六活动室开放时间")
        .put("options", new JsonArray().add("上午").add("下午").add("晚上"))
        .put("closesAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withNano(0).toString());
    var response = web.post(port, "127.0.0.1", "/api/v1/polls").putHeader("Authorization", "Bearer " + ADMIN)
        .sendJsonObject(draft).await();
    if (response.statusCode() != 201) {
      throw new IllegalStateException("opening a poll returned " + response.statusCode() + ": "
          + response.bodyAsString());
    }
    return response.bodyAsJsonObject().getString("id");
  }
}
