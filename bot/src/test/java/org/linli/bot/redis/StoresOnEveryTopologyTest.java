package org.linli.bot.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.bot.Waits.eventually;
import static org.linli.bot.redis.RealRedis.await;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisCluster;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.linli.bot.consultation.Ballot;
import org.linli.bot.consultation.Poll;
import org.linli.bot.consultation.PollStore;
import org.linli.bot.consultation.Rule;
import org.linli.bot.consultation.Tally;
import org.linli.bot.household.BindResult;
import org.linli.bot.household.BindingCode;
import org.linli.bot.household.HouseholdRegister;
import org.linli.bot.outbox.Outbox;
import org.linli.bot.redis.RedisTopologies.Kind;
import org.linli.bot.ticket.NewTicket;
import org.linli.bot.ticket.Ticket;
import org.linli.bot.ticket.TicketSource;
import org.linli.bot.ticket.TicketStatus;
import org.linli.bot.ticket.TicketStore;
import org.linli.bot.ticket.TimeLimits;

/**
 * The stores and their Lua scripts on each topology an operator can choose — one Redis 7 server,
 * a Sentinel set and a 3-master Cluster — through the client {@link RedisConnector} builds from
 * the settings. On the cluster the keys of different polls, tickets and households fall on
 * different nodes, each of which sees every script for the first time (so EVALSHA's fallback to
 * EVAL is taken on every master).
 */
class StoresOnEveryTopologyTest {

  @RegisterExtension
  static final RedisTopologies redis = new RedisTopologies();
  static final AtomicInteger ids = new AtomicInteger();

  @ParameterizedTest(name = "on {0}")
  @EnumSource(Kind.class)
  void a_poll_takes_a_thousand_votes_with_changes_and_closes_with_the_exact_tally(Kind kind) {
    PollStore store = new PollStore(redis.api(kind));
    Instant now = Instant.now();
    String pollId = "p" + ids.incrementAndGet();
    await(store.create(new Poll(pollId, "generic", "g1", "周六活动室开放时间", List.of("上午", "下午", "晚上"),
        Poll.Scale.SMALL, Rule.MAJORITY, now.minusSeconds(60), now.plusSeconds(3600), null, 1, false, false),
        Map.of()));
    Random random = new Random(7);
    long[] expected = new long[3];
    AtomicInteger changed = new AtomicInteger();
    List<Future<?>> residents = new ArrayList<>();
    for (int r = 0; r < 250; r++) {
      String voter = "u" + r;
      Future<?> chain = Future.succeededFuture();
      int last = 0;
      for (int i = 0; i < 4; i++) {
        int choice = 1 + random.nextInt(3);
        last = choice;
        chain = chain.compose(v -> store.vote(Ballot.cast(pollId, voter, List.of(choice), System.currentTimeMillis())
            .castBy(voter)).map(result -> {
              if (result.status() == PollStore.VoteResult.Status.CHANGED) {
                changed.incrementAndGet();
              }
              return result;
            }));
      }
      expected[last - 1]++;
      residents.add(chain);
    }
    await(Future.all(residents));

    Tally tally = await(store.tally(pollId, 3));
    assertThat(tally.votes()).containsExactly(expected[0], expected[1], expected[2]);
    assertThat(tally.ballots()).isEqualTo(250);
    assertThat(changed).hasValue(750);
    assertThat(await(store.close(pollId, System.currentTimeMillis(), "api"))).isTrue();
    assertThat(await(store.close(pollId, System.currentTimeMillis(), "api"))).isFalse();
    assertThat(await(store.vote(Ballot.cast(pollId, "u1", List.of(1), System.currentTimeMillis()).castBy("u1")))
        .reason()).isEqualTo("closed");
    assertThat(await(store.tally(pollId, 3)).votes()).containsExactly(expected[0], expected[1], expected[2]);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(Kind.class)
  void a_hundred_tickets_get_sequential_receipts_and_are_listed_and_moved_on(Kind kind) {
    RedisAPI api = redis.api(kind);
    TicketStore store = new TicketStore(api, TimeLimits.parse("repair=48,default=72"), 5, ZoneId.of("Asia/Shanghai"));
    Instant at = Instant.parse("2026-11-22T02:00:00Z");
    List<Future<Ticket>> opens = IntStream.range(0, 100)
        .mapToObj(i -> store.open(new NewTicket("repair", false, "3号楼2单元楼道灯坏了，电话13812345678",
            new TicketSource("wecom", "chat-7", "group", "m-" + i, "wecom:u" + i), "幸福里社区", "第3网格", at)))
        .toList();
    await(Future.all(opens));

    List<String> receipts = opens.stream().map(f -> f.result().receipt()).sorted().toList();
    assertThat(receipts).containsExactlyElementsOf(
        IntStream.rangeClosed(1, 100).mapToObj(n -> String.format("20261122-%04d", n)).toList());
    assertThat(await(store.list(TicketStatus.RECEIVED, null, 500))).extracting(Ticket::receipt)
        .containsExactlyInAnyOrderElementsOf(receipts);
    List<Future<?>> dispatched = receipts.subList(0, 40).stream()
        .<Future<?>>map(r -> store.transition(r, TicketStatus.DISPATCHED, "hub", "", at.plusSeconds(60))).toList();
    await(Future.all(dispatched));
    assertThat(await(store.list(TicketStatus.DISPATCHED, null, 500))).hasSize(40);
    assertThat(await(store.list(TicketStatus.RECEIVED, null, 500))).hasSize(60);
    assertThat(await(store.find(receipts.get(0))).status()).isEqualTo(TicketStatus.DISPATCHED);
    if (kind == Kind.CLUSTER) {
      assertThat(keysPerMaster(redis.get(kind))).as("keys on each of the three masters").hasSize(3)
          .allMatch(n -> n > 0);
    }
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(Kind.class)
  void the_outbox_delivers_every_message_once_retries_a_failure_and_buries_a_hopeless_one(Kind kind) {
    RedisAPI api = redis.api(kind);
    Map<String, Integer> delivered = new ConcurrentHashMap<>();
    Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    Outbox outbox = new Outbox(redis.vertx(), api, "topology" + ids.incrementAndGet(),
        new Outbox.Timing(Duration.ofMillis(20), List.of(Duration.ZERO), Duration.ofSeconds(5), 32, Duration.ofDays(1)),
        (id, payload, attempt) -> {
          if (id.equals("m-hopeless") || id.endsWith("7") && failedOnce.add(id)) {
            return Future.failedFuture("the app is down");
          }
          delivered.merge(id, 1, Integer::sum);
          return Future.succeededFuture();
        });
    List<Future<Boolean>> enqueued = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      enqueued.add(outbox.enqueue("m-" + i, new JsonObject().put("text", "通知 " + i)));
    }
    enqueued.add(outbox.enqueue("m-hopeless", new JsonObject().put("text", "x")));
    await(Future.all(enqueued));
    assertThat(await(outbox.enqueue("m-1", new JsonObject().put("text", "again")))).isFalse();

    outbox.start();
    try {
      eventually(() -> await(outbox.stats()).equals(new Outbox.Stats(0, 1)));
    } finally {
      await(outbox.stop());
    }
    assertThat(delivered).hasSize(60).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
    assertThat(failedOnce).hasSize(6);
    assertThat(await(outbox.deadLetters(10))).hasSize(1);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(Kind.class)
  void households_are_bound_with_codes_and_listed_with_their_members(Kind kind) {
    HouseholdRegister register = new HouseholdRegister(redis.api(kind), Duration.ofHours(168), Clock.systemUTC());
    StringBuilder csv = new StringBuilder("household,building,unit,room,area,owners\n");
    for (int i = 1; i <= 20; i++) {
      csv.append("3-2-").append(600 + i).append(",3,2,").append(600 + i).append(",89.5,1\n");
    }
    await(register.importCsv(csv.toString()));

    for (int i = 1; i <= 20; i++) {
      String household = "3-2-" + (600 + i);
      for (int member = 0; member < i % 3; member++) {
        BindingCode code = await(register.issueCode(household));
        assertThat(await(register.bind(code.code(), "wecom:r" + i + "-" + member)).status())
            .isEqualTo(BindResult.Status.BOUND);
      }
    }
    BindingCode code = await(register.issueCode("3-2-601"));
    // r2-0 moves from 602 to 601.
    assertThat(await(register.bind(code.code(), "wecom:r2-0")).status()).isEqualTo(BindResult.Status.BOUND);
    assertThat(await(register.bind(code.code(), "wecom:r9")).status()).isEqualTo(BindResult.Status.ALREADY_USED);

    List<HouseholdRegister.Listed> listed = await(register.list());
    assertThat(listed).hasSize(20);
    Map<String, Integer> members = new TreeMap<>();
    listed.forEach(l -> members.put(l.household().id(), l.boundMembers()));
    assertThat(members).containsEntry("3-2-601", 2).containsEntry("3-2-602", 1).containsEntry("3-2-603", 0)
        .containsEntry("3-2-605", 2);
    assertThat(members.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(21);
    assertThat(await(register.householdOf("wecom:r2-0"))).isEqualTo("3-2-601");
    assertThat(await(register.members("3-2-602"))).containsExactly("wecom:r2-1");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(Kind.class)
  void scripts_every_master_forgot_are_sent_again_and_run(Kind kind) {
    PollStore store = new PollStore(redis.api(kind));
    String pollId = "p" + ids.incrementAndGet();
    Instant now = Instant.now();
    await(store.create(new Poll(pollId, "generic", "g1", "加装电梯", List.of("赞成", "反对"), Poll.Scale.SMALL,
        Rule.MAJORITY, now.minusSeconds(60), now.plusSeconds(3600), null, 1, false, false), Map.of()));
    RedisTopologies.Running running = redis.get(kind);
    Future<?> flushed = kind == Kind.CLUSTER
        ? RedisCluster.create(running.client()).onAllMasterNodes(Request.cmd(Command.SCRIPT).arg("FLUSH"))
        : running.api().script(List.of("FLUSH"));
    await(flushed);

    assertThat(await(store.vote(Ballot.cast(pollId, "u1", List.of(1), System.currentTimeMillis()).castBy("u1")))
        .status()).isEqualTo(PollStore.VoteResult.Status.COUNTED);
    assertThat(await(store.vote(Ballot.cast(pollId, "u1", List.of(2), System.currentTimeMillis()).castBy("u1")))
        .status()).isEqualTo(PollStore.VoteResult.Status.CHANGED);
    assertThat(await(store.tally(pollId, 2)).votes()).containsExactly(0L, 1L);
  }

  @Test
  void the_slot_the_tests_compute_for_a_key_is_the_one_the_cluster_uses() {
    DebianRedis node = redis.get(Kind.CLUSTER).servers().get(0);
    for (String key : List.of("tickets:{index}:timers", "poll:{p1a}:tally", "outbox:{chat}:due",
        "households:{register}:members:3-2-601", "dedupe:{events}:telegram:77", "kb:{gaps}:count", "ticket:{}x",
        "a{b", "投票:{幸福里}")) {
      assertThat(KeyTemplates.slot(key)).as(key)
          .isEqualTo(Integer.parseInt(node.cli("CLUSTER", "KEYSLOT", key).strip()));
    }
  }

  /** DBSIZE of each master of a cluster. */
  static List<Long> keysPerMaster(RedisTopologies.Running cluster) {
    List<Response> sizes = await(RedisCluster.create(cluster.client()).onAllMasterNodes(Request.cmd(Command.DBSIZE)));
    return sizes.stream().map(Response::toLong).toList();
  }
}
