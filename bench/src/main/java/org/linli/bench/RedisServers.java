package org.linli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real redis-servers on loopback for the topology benchmark (Debian's {@code redis-server} and
 * {@code redis-cli}): one standalone server, or a cluster of three masters made with {@code
 * redis-cli --cluster create}; each with its append-only file on, in a folder of its own. Closing
 * ends them all.
 */
final class RedisServers implements AutoCloseable {

  private final List<Process> servers = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();

  private RedisServers() {
  }

  /** True when redis-server and redis-cli are on the PATH. */
  static boolean available() {
    return runs("redis-server", "--version") && runs("redis-cli", "--version");
  }

  /** One standalone server. */
  static RedisServers standalone(Path root) throws IOException, InterruptedException {
    RedisServers s = new RedisServers();
    s.start(root, StartupTime.freePort(), false);
    return s;
  }

  /** Three masters, no replicas, slots spread evenly. */
  static RedisServers cluster(Path root) throws IOException, InterruptedException {
    RedisServers s = new RedisServers();
    for (int i = 0; i < 3; i++) {
      s.start(root, StartupTime.freePort(), true);
    }
    List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
    s.ports.forEach(p -> create.add("127.0.0.1:" + p));
    create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    run(create, 60);
    for (int i = 0; i < 100; i++) {
      if (run(List.of("redis-cli", "-p", String.valueOf(s.ports.get(0)), "cluster", "info"), 10)
          .contains("cluster_state:ok")) {
        return s;
      }
      Thread.sleep(100);
    }
    s.close();
    throw new IllegalStateException("the cluster did not reach cluster_state:ok");
  }

  /** The {@code redis://} URLs of the servers, comma-separated. */
  String endpoints() {
    return String.join(",", ports.stream().map(p -> "redis://127.0.0.1:" + p).toList());
  }

  private void start(Path root, int port, boolean cluster) throws IOException, InterruptedException {
    Path dir = root.resolve("redis-" + port);
    Files.createDirectories(dir);
    List<String> command = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port), "--bind",
        "127.0.0.1", "--dir", dir.toString(), "--appendonly", "yes", "--save", "", "--logfile",
        dir.resolve("redis.log").toString()));
    if (cluster) {
      command.addAll(List.of("--cluster-enabled", "yes", "--cluster-config-file", dir.resolve("nodes.conf").toString(),
          "--cluster-node-timeout", "5000"));
    }
    servers.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start());
    ports.add(port);
    for (int i = 0; i < 100; i++) {
      if (run(List.of("redis-cli", "-p", String.valueOf(port), "ping"), 5).contains("PONG")) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("redis-server on port " + port + " did not answer");
  }

  private static boolean runs(String... command) {
    try {
      run(List.of(command), 10);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String run(List<String> command, int seconds) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish");
    }
    return out;
  }

  @Override
  public void close() {
    servers.forEach(Process::destroy);
    for (Process p : servers) {
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }
}
