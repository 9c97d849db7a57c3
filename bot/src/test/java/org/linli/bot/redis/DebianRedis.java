package org.linli.bot.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One process of the system's Redis 7 ({@code /usr/bin/redis-server}, Debian's package, which
 * {@code .ci/run} installs) on 127.0.0.1, a free port and its own folder, for the tests of the
 * Sentinel and Cluster topologies. Spoken to with {@code redis-cli} for set-up and checks.
 */
public final class DebianRedis implements AutoCloseable {

  static final Path SERVER = Path.of("/usr/bin/redis-server");
  static final Path CLI = Path.of("/usr/bin/redis-cli");

  private final Process process;
  private final int port;
  private final Path dir;

  private DebianRedis(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  /** Whether the system's redis-server and redis-cli are installed. */
  public static boolean installed() {
    return Files.isExecutable(SERVER) && Files.isExecutable(CLI);
  }

  /** Starts a server on {@code port} with its files in {@code dir}, given further arguments; waits until it answers. */
  public static DebianRedis start(Path dir, int port, String... more) {
    return start(dir, port, null, more);
  }

  /** Starts a server from a configuration file written into {@code dir} (a sentinel's, which it rewrites). */
  public static DebianRedis startWithConfig(Path dir, int port, String config, String... more) {
    return start(dir, port, config, more);
  }

  private static DebianRedis start(Path dir, int port, String config, String... more) {
    try {
      Files.createDirectories(dir);
      List<String> command = new ArrayList<>(List.of(SERVER.toString()));
      if (config != null) {
        Path file = dir.resolve("redis.conf");
        Files.writeString(file, config);
        command.add(file.toString());
      }
      command.addAll(List.of("--port", String.valueOf(port), "--bind", "127.0.0.1", "--dir", dir.toString(),
          "--save", "", "--appendonly", "no", "--daemonize", "no", "--logfile", dir.resolve("redis.log").toString()));
      if (config == null) {
        // A replica's first sync starts at once (Redis 7 waits 5 s by default for more replicas to join it).
        command.addAll(List.of("--repl-diskless-sync-delay", "0"));
      }
      command.addAll(List.of(more));
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(dir.resolve("stdout.log").toFile()).start();
      DebianRedis redis = new DebianRedis(process, port, dir);
      redis.awaitOutput(30, out -> out.contains("PONG"), "PING");
      return redis;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A free port on loopback whose cluster bus port (+10000) is free too. */
  public static int freePort() {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket socket = new ServerSocket(0)) {
        int port = socket.getLocalPort();
        if (port < 55_000) {
          try (ServerSocket bus = new ServerSocket(port + 10_000)) {
            return port;
          } catch (IOException busTaken) {
            // try another
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no free port pair found");
  }

  public int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:<port>}. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** The folder of this server's files and logs. */
  public Path dir() {
    return dir;
  }

  /** Runs {@code redis-cli -p <port> args...} and returns its output. */
  public String cli(String... args) {
    return cli(port, args);
  }

  /** Runs {@code redis-cli -p <port> args...} against any port and returns its output. */
  public static String cli(int port, String... args) {
    List<String> command = new ArrayList<>(List.of(CLI.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port)));
    command.addAll(List.of(args));
    try {
      Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!cli.waitFor(30, TimeUnit.SECONDS)) {
        cli.destroyForcibly();
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Repeats a redis-cli command until its output passes {@code test}, at most {@code seconds}; returns that output. */
  public String awaitOutput(int seconds, Predicate<String> test, String... args) {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String out = "";
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis-server on port " + port + " ended: " + log());
      }
      out = cli(args);
      if (test.test(out)) {
        return out;
      }
      pause(50);
    }
    throw new IllegalStateException("redis on port " + port + ": '" + String.join(" ", args) + "' still answers "
        + out.strip() + " after " + seconds + " s; log: " + log());
  }

  /** Ends the process at once, as a crash would ({@code SIGKILL}). */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String log() {
    try {
      Path log = dir.resolve("redis.log");
      List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    } catch (IOException e) {
      return e.toString();
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
