package org.linli.bot.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.redis.RedisTopologies.Kind;

/**
 * {@code redis.waitReplicas}: a write is answered once a replica has it, refused as an outage when
 * no replica takes it, and fails as it would without the wait (so a script unknown to the master
 * is still sent with EVAL).
 */
class ReplicatedWritesTest {

  @RegisterExtension
  static final RedisTopologies redis = new RedisTopologies();

  @Test
  void a_write_is_answered_once_a_replica_has_it_and_each_replica_holds_it_then() throws Exception {
    RedisTopologies.Running sentinel = redis.get(Kind.SENTINEL);
    RedisAPI api = ReplicatedWrites.over(sentinel.client(), 1);
    untilReplicasAcknowledge(api);

    for (int i = 0; i < 50; i++) {
      await(api.set(List.of("rw:" + i, "v" + i)));
      // Read from a replica at once: WAIT returned only after one had it; the other may be a
      // moment behind, so the check is that at least one of them holds every write.
      String key = "rw:" + i;
      long holding = sentinel.servers().subList(1, 3).stream()
          .filter(replica -> replica.cli("GET", key).strip().equals("v" + key.substring(3))).count();
      assertThat(holding).as(key).isPositive();
    }
  }

  @Test
  void a_write_no_replica_can_take_is_refused_as_an_outage_within_the_wait() throws Exception {
    RedisAPI api = ReplicatedWrites.over(redis.get(Kind.STANDALONE).client(), 1);

    long start = System.nanoTime();
    Throwable failure = failureOf(api.set(List.of("rw:alone", "v")));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(failure.getMessage()).startsWith("NOREPLICAS").contains("0 of 1");
    assertThat(RedisOutage.is(failure)).isTrue();
    assertThat(millis).isBetween(ReplicatedWrites.WAIT_MILLIS - 50, 10_000L);
    // Reads are not held back.
    assertThat(await(api.get("rw:alone")).toString()).isEqualTo("v");
  }

  @Test
  void a_script_the_master_does_not_know_is_sent_again_with_eval_through_the_wait() throws Exception {
    RedisTopologies.Running sentinel = redis.get(Kind.SENTINEL);
    RedisAPI api = ReplicatedWrites.over(sentinel.client(), 1);
    await(sentinel.api().script(List.of("FLUSH")));
    LuaScript script = LuaScript.of("rw-test", """
        -- KEYS: counter
        -- ARGV: by
        local counter, by = KEYS[1], ARGV[1]
        return redis.call('INCRBY', counter, by)
        """);

    Response first = await(script.call().key("counter", "rw:counter").arg("by", 2).run(api));
    Response second = await(script.call().key("counter", "rw:counter").arg("by", 3).run(api));

    assertThat(first.toLong()).isEqualTo(2);
    assertThat(second.toLong()).isEqualTo(5);
  }

  @Test
  void a_connection_closed_under_a_waited_write_reads_as_an_outage() {
    Throwable closed = new ReplicatedWrites.ReplyError("io.netty.channel.StacklessClosedChannelException",
        new IllegalStateException("ERR [0] io.netty.channel.StacklessClosedChannelException"));

    assertThat(RedisOutage.is(closed)).isTrue();
    assertThat(RedisOutage.is(new ReplicatedWrites.ReplyError("ERR wrong number of arguments", null))).isFalse();
  }

  @Test
  void every_command_the_service_sends_is_known_as_a_write_that_waits_or_as_a_read() throws IOException {
    Set<String> reads = Set.of("get", "hget", "hgetall", "hmget", "hkeys", "hvals", "hlen", "mget", "smembers",
        "scard", "lrange", "zcard", "zrange", "zrevrange", "zrangebyscore", "zmscore", "zinter", "xrevrange", "ping",
        "info", "cluster", "bgsave", "bgrewriteaof");
    Set<String> commands = new TreeSet<>(Arrays.stream(RedisAPI.class.getMethods()).map(Method::getName).toList());
    Set<String> sent = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher call = Pattern.compile("\\bredis\\.([a-z]+)\\(").matcher(Files.readString(file));
        while (call.find()) {
          if (commands.contains(call.group(1))) {
            sent.add(call.group(1));
          }
        }
      }
    }

    assertThat(sent).contains("hset", "evalsha", "get");
    assertThat(sent).allSatisfy(name -> assertThat(
        reads.contains(name) || ReplicatedWrites.WRITES.contains(Command.create(name.toUpperCase(Locale.ROOT))))
        .as(name + " is neither a read nor in ReplicatedWrites.WRITES").isTrue());
    assertThat(ReplicatedWrites.WRITES).noneMatch(write -> reads.contains(write.toString().toLowerCase(Locale.ROOT)));
  }

  @Test
  void without_replicas_to_wait_for_the_commands_go_straight_to_the_client() {
    assertThat(ReplicatedWrites.over(redis.get(Kind.STANDALONE).client(), 0)).isNotInstanceOf(ReplicatedWrites.class);
  }

  /**
   * Writes until a replica acknowledges one within the wait, for at most 15 s. A replica whose
   * link is up can still miss the first wait on a loaded machine (CI saw NOREPLICAS on the first
   * write of a new topology once); the claims here are about writes once replicas take them.
   */
  private static void untilReplicasAcknowledge(RedisAPI api) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (true) {
      try {
        await(api.set(List.of("rw:warm-up", "1")));
        return;
      } catch (ExecutionException e) {
        if (System.nanoTime() > end || !String.valueOf(e.getCause().getMessage()).startsWith("NOREPLICAS")) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static Throwable failureOf(Future<?> future) throws Exception {
    try {
      await(future);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("the write was acknowledged");
  }
}
