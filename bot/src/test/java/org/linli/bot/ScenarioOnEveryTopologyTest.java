package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.linli.bot.redis.RedisTopologies;
import org.linli.bot.redis.RedisTopologies.Kind;

/**
 * The day of a street office on a standalone Redis, a Sentinel set and a 3-master Cluster (Debian's
 * Redis 7), with two instances of the service on each: a question answered, a poll opened on one instance, 1,000
 * votes with changes of mind through both, the poll closed at its deadline and its result posted
 * once, and 100 requests for help delivered to the hub once each.
 */
class ScenarioOnEveryTopologyTest extends WithHubAndChatApp {

  private static final int RESIDENTS = 250;
  private static final int CHANGES = 4;
  private static final int TICKETS = 100;

  @RegisterExtension
  static final RedisTopologies redis = new RedisTopologies();

  @TempDir
  Path data;

  @ParameterizedTest(name = "on {0}")
  @EnumSource(Kind.class)
  void two_instances_answer_count_every_vote_close_once_and_deliver_every_ticket_once(Kind kind) throws Exception {
    RedisTopologies.Running topology = redis.get(kind);
    topology.flush();
    Map<String, String> env = helplineEnv();
    env.put("LINLI_REDIS_TYPE", kind.name().toLowerCase());
    env.put("LINLI_REDIS_ENDPOINTS", String.join(",", topology.settings().nodes()));
    if (kind == Kind.SENTINEL) {
      env.put("LINLI_REDIS_MASTER_NAME", topology.settings().masterName());
    }
    try (RunningService first = RunningService.start(data.resolve("first"), env);
        RunningService second = RunningService.start(data.resolve("second"), env)) {
      assertThat(second.ask("外地人在这边租房子能办居住证吗").getBoolean("answered")).isTrue();
      assertThat(first.get("/health/ready", null).bodyAsJsonObject().getJsonObject("checks").getString("redis"))
          .isEqualTo("UP");

      String poll = open(first, 8);
      long[] expected = new long[3];
      ExecutorService voters = Executors.newFixedThreadPool(16);
      List<Future<?>> residents = new ArrayList<>();
      Map<String, String> refused = new ConcurrentHashMap<>();
      Random random = new Random(11);
      for (int r = 0; r < RESIDENTS; r++) {
        String resident = "v" + r;
        int[] choices = random.ints(CHANGES, 1, 4).toArray();
        expected[choices[CHANGES - 1] - 1]++;
        residents.add(voters.submit(() -> {
          for (int i = 0; i < CHANGES; i++) {
            String reply = vote(i % 2 == 0 ? first : second, resident, poll, choices[i]);
            if (!reply.contains("已记录您在投票 " + poll) && !reply.contains("已改为")) {
              refused.put(resident + "#" + i, reply);
            }
          }
        }));
      }
      List<Future<?>> tickets = new ArrayList<>();
      Map<String, Boolean> receipts = new ConcurrentHashMap<>();
      for (int t = 0; t < TICKETS; t++) {
        RunningService on = t % 2 == 0 ? first : second;
        String resident = "h" + t;
        String text = "/help " + (t + 1) + "号楼楼道灯坏了";
        tickets.add(voters.submit(() -> receipts.put(receipt(on.say("g1", resident, text, null)), true)));
      }
      for (Future<?> f : residents) {
        f.get(60, TimeUnit.SECONDS);
      }
      for (Future<?> f : tickets) {
        f.get(60, TimeUnit.SECONDS);
      }
      voters.shutdown();
      assertThat(refused).as("votes not counted").isEmpty();
      assertThat(receipts).hasSize(TICKETS);

      JsonObject result = app.await(m -> m.getString("text", "").contains("投票结果 " + poll), 30);
      for (String receipt : receipts.keySet()) {
        hub.await(c -> c.webhookId().equals("msg_" + receipt + "_created"), 30);
      }
      Thread.sleep(1_500); // time for a second result or a second delivery, if either could happen

      assertThat(app.matching(m -> m.getString("text", "").contains("投票结果 " + poll))).hasSize(1);
      assertThat(result.getString("text")).contains("1. 上午：" + expected[0] + " 票", "2. 下午：" + expected[1] + " 票",
          "3. 晚上：" + expected[2] + " 票");
      Map<String, Long> accepted = hub.accepted();
      receipts.keySet().forEach(r -> assertThat(accepted).containsEntry("msg_" + r + "_created", 1L));
      JsonObject results = second.get("/api/v1/polls/" + poll + "/results", RunningService.ADMIN).bodyAsJsonObject();
      assertThat(results.getString("status")).isEqualTo("closed");
      assertThat(results.getLong("ballots")).isEqualTo(RESIDENTS);
      JsonArray tally = results.getJsonArray("tally");
      for (int o = 0; o < 3; o++) {
        assertThat(tally.getJsonObject(o).getLong("votes")).as("option " + (o + 1)).isEqualTo(expected[o]);
      }
    }
  }

  private static String open(RunningService service, int closesInSeconds) {
    JsonObject draft = new JsonObject().put("chat", "g1").put("question", "周六活动室开放时间")
        .put("options", new JsonArray().add("上午").add("下午").add("晚上"))
        .put("closesAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(closesInSeconds).toString());
    var response = service.post("/api/v1/polls", draft.encode(), RunningService.ADMIN);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject().getString("id");
  }

  private static String vote(RunningService service, String resident, String poll, int option) {
    JsonObject body = new JsonObject().put("chat", new JsonObject().put("id", "g1").put("type", "group"))
        .put("from", new JsonObject().put("id", resident)).put("callback", "vote:" + poll + ":" + option);
    return service.post("/webhooks/generic", body.encode(), RunningService.GENERIC).bodyAsString();
  }

  private static String receipt(JsonArray replies) {
    String text = replies.getJsonObject(0).getString("text");
    String receipt = text.replaceAll("(?s).*回执号：(\\d{8}-\\d{4}).*", "$1");
    assertThat(receipt).as(text).matches("\\d{8}-\\d{4}");
    return receipt;
  }
}
