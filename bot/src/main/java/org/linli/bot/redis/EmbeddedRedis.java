package org.linli.bot.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis a newcomer gets without installing anything, supervised: a real redis-server ({@link
 * RedisExecutable}: the system's Redis 7 where a package installed it, else the shipped 6.2)
 * listening on 127.0.0.1 only, with its snapshot and append-only file under {@code <data>/redis}, so
 * a restart loses nothing.
 *
 * <ul>
 *   <li><b>One server per folder.</b> The service holds {@link DataDirectoryLock} on the folder; a
 *       second service on it is refused.
 *   <li><b>Never left behind.</b> redis-server runs under a small {@code sh} wrapper that ends it
 *       (SIGTERM: it writes its files and exits) as soon as the service's end of a pipe closes —
 *       which the operating system does however the service ends, kill -9 included. Its pid is kept
 *       in {@code redis-server.pid}; a server still running from an earlier service is stopped at
 *       start before a new one opens the same files.
 *   <li><b>Restarted if it dies.</b> When redis-server ends while the service runs, it is started
 *       again on the same port and files within a second (then with a growing pause, up to 5 s,
 *       while it keeps failing); the Redis client reconnects by itself.
 * </ul>
 */
public final class EmbeddedRedis implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
  private static final Duration READY = Duration.ofSeconds(20);
  private static final Duration STOP = Duration.ofSeconds(15);
  private static final long FIRST_PAUSE_MILLIS = 200;
  private static final long LONGEST_PAUSE_MILLIS = 5_000;
  /**
   * Starts redis-server ({@code $0} with the arguments after it) with no terminal, prints its pid,
   * and ends it when standard input (the service's pipe) reaches its end — SIGTERM, and SIGKILL 15 s
   * later if it is still there (Redis refuses to exit when its last snapshot cannot be written, e.g.
   * on a full disk) — and exits when it does.
   */
  private static final String WRAPPER = "exec 3<&0\n\"$0\" \"$@\" >/dev/null 2>&1 &\nr=$!\necho \"$r\"\n"
      + "( cat <&3 >/dev/null; kill \"$r\" 2>/dev/null; i=0\n"
      + "while kill -0 \"$r\" 2>/dev/null && [ $i -lt 15 ]; do sleep 1; i=$((i+1)); done\n"
      + "kill -0 \"$r\" 2>/dev/null && kill -9 \"$r\" ) &\nexec 3<&-\n"
      + "wait \"$r\"\n";

  private final Path dir;
  private final int port;
  private final RedisExecutable executable;
  private final DataDirectoryLock lock;
  private final ScheduledExecutorService supervisor;
  private volatile Process wrapper;
  private volatile long serverPid;
  private volatile boolean closing;
  private long pause = FIRST_PAUSE_MILLIS;

  private EmbeddedRedis(Path dir, int port, RedisExecutable executable, DataDirectoryLock lock) {
    this.dir = dir;
    this.port = port;
    this.executable = executable;
    this.lock = lock;
    this.supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "linli-redis-supervisor");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts redis-server with its files under {@code dataDir/redis}; {@code port} 0 picks a free one. */
  public static EmbeddedRedis start(Path dataDir, int port) {
    Path dir = dataDir.resolve("redis").toAbsolutePath();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("The embedded Redis folder " + dir + " could not be made: " + e.getMessage(), e);
    }
    DataDirectoryLock lock = DataDirectoryLock.take(dir);
    try {
      endLeftOver(dir);
      RedisExecutable executable = RedisExecutable.choose(dir);
      EmbeddedRedis redis = new EmbeddedRedis(dir, port == 0 ? freePort() : port, executable, lock);
      redis.launch();
      LOG.info("Embedded Redis {} ({}) started", executable.version(), executable.path());
      return redis;
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** The connection string of this server. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** The pid of the running redis-server (tests end it to see it come back). */
  public long pid() {
    return serverPid;
  }

  private void launch() {
    List<String> command = List.of("sh", "-c", WRAPPER, executable.path().toString(), "--bind", "127.0.0.1",
        "--port", String.valueOf(port), "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "everysec",
        "--save", "60 1", "--protected-mode", "yes", "--logfile", dir.resolve("redis.log").toString());
    try {
      Process started = new ProcessBuilder(command).directory(dir.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String pidLine = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
      if (pidLine == null || !pidLine.strip().matches("\\d+")) {
        started.destroyForcibly();
        throw new IllegalStateException("The embedded Redis could not start (no pid from its wrapper)");
      }
      serverPid = Long.parseLong(pidLine.strip());
      wrapper = started;
      Files.writeString(dir.resolve("redis-server.pid"), serverPid + "\n", StandardCharsets.US_ASCII);
      awaitReady(started);
      started.onExit().thenRun(() -> ended(started));
    } catch (IOException e) {
      throw new UncheckedIOException("The embedded Redis could not start: " + e.getMessage(), e);
    }
  }

  private void awaitReady(Process started) {
    long until = System.nanoTime() + READY.toNanos();
    while (System.nanoTime() < until) {
      if (!started.isAlive()) {
        throw new IllegalStateException("The embedded redis-server ended at start: " + lastLogLine());
      }
      if (answersPing()) {
        return;
      }
      sleep(50);
    }
    throw new IllegalStateException("The embedded redis-server did not answer within " + READY.toSeconds() + " s");
  }

  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      socket.setSoTimeout(1_000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] answer = socket.getInputStream().readNBytes(5);
      return new String(answer, StandardCharsets.US_ASCII).equals("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  /** The wrapper ended: redis-server died while the service runs, so it is started again. */
  private void ended(Process which) {
    if (closing || which != wrapper) {
      return;
    }
    closeQuietly(which);
    LOG.warn("The embedded redis-server (pid {}) ended with status {}; starting it again on the same files",
        serverPid, which.exitValue());
    supervisor.schedule(this::relaunch, pause, TimeUnit.MILLISECONDS);
  }

  private void relaunch() {
    if (closing) {
      return;
    }
    try {
      launch();
      pause = FIRST_PAUSE_MILLIS;
      LOG.info("The embedded redis-server runs again (pid {})", serverPid);
    } catch (RuntimeException e) {
      pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
      LOG.warn("The embedded redis-server could not start again ({}); next try in {} ms", e.getMessage(), pause);
      supervisor.schedule(this::relaunch, pause, TimeUnit.MILLISECONDS);
    }
  }

  /** Stops a redis-server an earlier service left running on {@code dir}'s files, by its recorded pid. */
  private static void endLeftOver(Path dir) {
    Path pidFile = dir.resolve("redis-server.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
      Optional<ProcessHandle> left = ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          // Debian's redis-server is a link to redis-check-rdb: the command names redis either way.
          .filter(h -> h.info().command().map(c -> c.contains("redis")).orElse(false));
      if (left.isPresent()) {
        LOG.warn("A redis-server left running on {} (pid {}) is stopped before a new one opens its files", dir, pid);
        stop(left.get());
      }
      Files.delete(pidFile);
    } catch (IOException | NumberFormatException e) {
      LOG.warn("The pid file {} could not be read ({}); it is ignored", pidFile, e.toString());
    }
  }

  /** Asks {@code process} to end (it writes its files), and forces it after {@link #STOP}. */
  private static void stop(ProcessHandle process) {
    process.destroy();
    try {
      process.onExit().get(STOP.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private String lastLogLine() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("redis.log"), StandardCharsets.UTF_8);
      return lines.isEmpty() ? "(its log is empty)" : lines.get(lines.size() - 1);
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static void closeQuietly(Process process) {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // the pipe is gone already
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops redis-server (it writes its files first) and releases the folder. */
  @Override
  public void close() {
    closing = true;
    supervisor.shutdownNow();
    Process current = wrapper;
    if (current != null) {
      closeQuietly(current); // the wrapper ends redis-server, which writes its files and exits
      try {
        CompletableFuture<Process> exit = current.onExit();
        exit.get(STOP.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        ProcessHandle.of(serverPid).ifPresent(ProcessHandle::destroyForcibly);
        current.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      Files.deleteIfExists(dir.resolve("redis-server.pid"));
    } catch (IOException e) {
      LOG.warn("The pid file could not be removed: {}", e.toString());
    }
    lock.close();
  }
}
