package org.linli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start time of the service as a resident would feel it: from launching {@code java -jar
 * bot/target/linli.jar} to the first {@code 200} from {@code GET /health} (polled every 50 ms, so
 * figures are at 50 ms resolution), with {@code LINLI_HTTP_PORT} set to a free port, {@code
 * LINLI_DATA_DIR} to a temp folder and {@code LINLI_HTTP_HOST=127.0.0.1}, plus any extra
 * environment given.
 *
 * <p>The first start uses a fresh data folder ("cold": native libraries extracted, Redis data
 * created); later ones reuse it ("warm"). Both include JVM start, the embedded Redis, loading the
 * embedding model and indexing the guides. The OS file cache is warm in both cases.
 *
 * <p>The same launcher leaves a service up for {@link HttpLoad} ({@link #launch}). Stopping sends
 * SIGTERM, waits, then kills the process and any child it left (the embedded Redis), by pid.
 */
public final class StartupTime {

  /** Where the build puts the service jar, relative to the repository root. */
  public static final Path DEFAULT_JAR = Path.of("bot", "target", "linli.jar");

  private static final long POLL_MILLIS = 50;

  private final Path jar;
  private final Map<String, String> extraEnv;
  private final List<String> jvmArgs;
  private final Duration timeout;
  private final Path root;
  private int launches;

  /**
   * @param jar the service jar
   * @param extraEnv environment added to every launch (after the inherited one)
   * @param jvmArgs JVM options for the service, before {@code -jar}
   * @param timeout longest wait for {@code /health}
   * @param root temp folder for data folders and service logs
   */
  public StartupTime(Path jar, Map<String, String> extraEnv, List<String> jvmArgs, Duration timeout, Path root) {
    this.jar = jar.toAbsolutePath();
    this.extraEnv = Map.copyOf(extraEnv);
    this.jvmArgs = List.copyOf(jvmArgs);
    this.timeout = timeout;
    this.root = root;
  }

  /** Cold and warm start times, in milliseconds. */
  public record Result(long coldMillis, List<Long> warmMillis, List<Long> stopMillis) {

    /** The printed figures. */
    public String line() {
      return String.format(Locale.ROOT, "%-34s cold %6d ms   warm %s ms   (stop after SIGTERM: %s ms)",
          "startup (to /health 200)", coldMillis, warmMillis, stopMillis);
    }
  }

  /**
   * A running service; {@link #close} stops it.
   *
   * @param process the service's process
   * @param port the HTTP port on 127.0.0.1
   * @param startMillis milliseconds from launch to the first 200 from /health
   * @param log the service's console output
   */
  public record Service(Process process, int port, long startMillis, Path log) implements AutoCloseable {

    /** Stops the service (SIGTERM, then kill after 15 s) and its children; returns milliseconds. */
    public long stop() {
      long t0 = System.nanoTime();
      List<ProcessHandle> children = process.descendants().toList();
      process.destroy();
      try {
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          System.out.println("  service did not stop within 15 s of SIGTERM; killing pid " + process.pid());
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        for (ProcessHandle child : children) {
          if (child.isAlive()) {
            System.out.println("  child pid " + child.pid() + " outlived the service; stopping it");
            child.destroy();
            child.onExit().get(5, TimeUnit.SECONDS);
          }
        }
        return millis;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        return -1;
      } catch (Exception e) {
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return (System.nanoTime() - t0) / 1_000_000;
      }
    }

    @Override
    public void close() {
      if (process.isAlive()) {
        stop();
      }
    }
  }

  /** The jar this launcher starts. */
  public Path jar() {
    return jar;
  }

  /** True when the service jar exists. */
  public boolean available() {
    return Files.isRegularFile(jar);
  }

  /**
   * Starts {@code runs} times with {@code data} as the data folder (which should not exist yet: the
   * first start is the cold one), stopping each time. Needs at least one run.
   */
  public Result measure(Path data, int runs) throws IOException, InterruptedException {
    long cold = -1;
    List<Long> warm = new ArrayList<>();
    List<Long> stops = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      try (Service s = launch(data, Map.of())) {
        System.out.printf(Locale.ROOT, "  start %d (%s): %d ms to /health 200%n", i + 1, i == 0 ? "cold" : "warm",
            s.startMillis());
        if (i == 0) {
          cold = s.startMillis();
        } else {
          warm.add(s.startMillis());
        }
        stops.add(s.stop());
      }
    }
    return new Result(cold, warm, stops);
  }

  /**
   * Launches the service with {@code data} as its data folder and {@code env} on top of the extra
   * environment, and waits for /health. Throws, leaving no process behind, when it exits or does
   * not answer within the timeout.
   */
  public Service launch(Path data, Map<String, String> env) throws IOException, InterruptedException {
    if (!available()) {
      throw new IllegalStateException(jar + " does not exist: build the bot first (mvn -DskipTests package)");
    }
    Files.createDirectories(data);
    int port = freePort();
    Path log = root.resolve(String.format(Locale.ROOT, "service-%02d.log", ++launches));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.put("LINLI_HTTP_HOST", "127.0.0.1");
    environment.putAll(extraEnv);
    environment.putAll(env);
    environment.put("LINLI_HTTP_PORT", String.valueOf(port));
    environment.put("LINLI_DATA_DIR", data.toAbsolutePath().toString());

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofMillis(500)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
        .timeout(Duration.ofSeconds(2)).GET().build();
    long t0 = System.nanoTime();
    Process process = builder.start();
    Service service = null;
    try {
      long deadline = t0 + timeout.toNanos();
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "The service exited with code " + process.exitValue() + " before /health answered. Last lines of "
                  + log + ":\n" + tail(log, 20));
        }
        try {
          HttpResponse<Void> response = http.send(health, HttpResponse.BodyHandlers.discarding());
          if (response.statusCode() == 200) {
            break;
          }
        } catch (IOException notYet) {
          // Not listening yet.
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "/health did not answer 200 within " + timeout.toSeconds() + " s. Last lines of " + log + ":\n"
                  + tail(log, 20));
        }
        Thread.sleep(POLL_MILLIS);
      }
      service = new Service(process, port, (System.nanoTime() - t0) / 1_000_000, log);
      return service;
    } finally {
      if (service == null) {
        new Service(process, port, -1, log).stop();
      }
    }
  }

  /** A port free on 127.0.0.1 right now. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /** Parses {@code NAME=VALUE} pairs. */
  static Map<String, String> env(List<String> pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("environment entries are NAME=VALUE: " + pair);
      }
      out.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return out;
  }
}
