package org.linli.bot.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded Redis supervised: restarted on its files when redis-server dies, never two on one
 * folder, a left-over server ended by its pid, and none left running when the service is killed.
 */
class EmbeddedRedisTest {

  @TempDir
  Path data;

  /** One command to the server at {@code port}, in the inline protocol; its first reply line. */
  private static String command(int port, String line) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(2_000);
      OutputStream out = socket.getOutputStream();
      out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String first = in.readLine();
      return first.startsWith("$") && !first.equals("$-1") ? in.readLine() : first;
    }
  }

  private static int port(EmbeddedRedis redis) {
    return Integer.parseInt(redis.url().substring(redis.url().lastIndexOf(':') + 1));
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static void waitUntil(String what, long seconds, java.util.function.BooleanSupplier done) {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError(what + " within " + seconds + " s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void a_killed_redis_server_is_started_again_on_its_files_within_ten_seconds() throws Exception {
    try (EmbeddedRedis redis = EmbeddedRedis.start(data, 0)) {
      int port = port(redis);
      assertThat(command(port, "SET kept 1")).isEqualTo("+OK");
      Thread.sleep(1_500); // the append-only file is written every second
      long first = redis.pid();

      ProcessHandle.of(first).orElseThrow().destroyForcibly();
      long killedAt = System.nanoTime();
      waitUntil("redis-server answering again", 10, () -> {
        try {
          return redis.pid() != first && command(port, "PING").equals("+PONG");
        } catch (IOException e) {
          return false;
        }
      });

      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt)).isLessThan(10_000);
      assertThat(command(port, "GET kept")).isEqualTo("1");
    }
  }

  @Test
  void a_second_service_on_the_same_folder_is_refused_and_closing_ends_the_server() throws Exception {
    long pid;
    try (EmbeddedRedis redis = EmbeddedRedis.start(data, 0)) {
      pid = redis.pid();
      assertThatThrownBy(() -> EmbeddedRedis.start(data, 0)).hasMessageContaining("Another Linli");
    }
    assertThat(alive(pid)).isFalse();
    assertThat(data.resolve("redis/redis-server.pid")).doesNotExist();
  }

  @Test
  void a_redis_server_left_by_an_earlier_service_is_stopped_before_a_new_one_opens_its_files() throws Exception {
    Path dir = data.resolve("redis");
    Files.createDirectories(dir);
    RedisExecutable executable = RedisExecutable.choose(dir);
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process left = new ProcessBuilder(executable.path().toString(), "--port", String.valueOf(port), "--dir",
        dir.toString(),
        "--appendonly", "yes").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Files.writeString(dir.resolve("redis-server.pid"), left.pid() + "\n");
    Thread.sleep(300);
    assertThat(left.isAlive()).isTrue();

    try (EmbeddedRedis redis = EmbeddedRedis.start(data, 0)) {
      assertThat(left.isAlive()).isFalse();
      assertThat(redis.pid()).isNotEqualTo(left.pid());
      assertThat(command(port(redis), "PING")).isEqualTo("+PONG");
    }
  }

  /** A service stand-in in its own JVM on {@code folder}, and the pid of its redis-server. */
  private record Child(Process service, long redisPid) {

    static Child start(Path folder) throws IOException {
      String java = ProcessHandle.current().info().command().orElse("java");
      Process service = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
          EmbeddedRedisChild.class.getName(), folder.toString())).redirectErrorStream(true).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
      long pid = -1;
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("pid ")) {
          pid = Long.parseLong(line.substring(4).strip());
          break;
        }
      }
      assertThat(pid).as("the child's redis-server pid").isPositive();
      assertThat(alive(pid)).isTrue();
      return new Child(service, pid);
    }
  }

  @Test
  void a_redis_server_that_cannot_write_its_last_snapshot_is_still_ended_when_the_service_is_killed()
      throws Exception {
    Child child = Child.start(data);
    // Its folder gone, Redis refuses the SIGTERM (its shutdown snapshot fails); the wrapper then kills it.
    RedisPerClass.deleteTree(data.resolve("redis"));

    child.service().destroyForcibly();
    child.service().waitFor(10, TimeUnit.SECONDS);

    waitUntil("the redis-server ending after its failed shutdown", 30, () -> !alive(child.redisPid()));
  }

  @Test
  void when_the_service_is_killed_with_kill_9_no_redis_server_is_left_running() throws Exception {
    Child child = Child.start(data);
    Process service = child.service();
    long pid = child.redisPid();

    service.destroyForcibly(); // SIGKILL: no shutdown hook runs
    service.waitFor(10, TimeUnit.SECONDS);
    long redisPid = pid;
    waitUntil("the orphaned redis-server ending", 10, () -> !alive(redisPid));

    // The next service on the folder starts (the lock went with the killed one).
    try (EmbeddedRedis redis = EmbeddedRedis.start(data, 0)) {
      assertThat(command(port(redis), "PING")).isEqualTo("+PONG");
    }
  }
}
