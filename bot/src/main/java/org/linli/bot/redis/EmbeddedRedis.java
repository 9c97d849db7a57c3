package org.linli.bot.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * The Redis a newcomer gets without installing anything: the real redis-server binary shipped in
 * {@code com.github.codemonstur:embedded-redis}, listening on 127.0.0.1 only, with its snapshot and
 * append-only file under {@code <data>/redis}, so a restart loses nothing.
 */
public final class EmbeddedRedis implements AutoCloseable {

  private final RedisServer server;

  private EmbeddedRedis(RedisServer server) {
    this.server = server;
  }

  /** Starts redis-server; {@code port} 0 picks a free one. */
  public static EmbeddedRedis start(Path dataDir, int port) {
    try {
      Path dir = dataDir.resolve("redis");
      Files.createDirectories(dir);
      int chosen = port == 0 ? freePort() : port;
      RedisServer server = RedisServer.newRedisServer()
          .executableProvider(ExecutableProvider.newJarResourceProvider(dir.toFile()))
          .bind("127.0.0.1")
          .port(chosen)
          .setting("dir " + dir)
          .setting("appendonly yes")
          .setting("appendfsync everysec")
          .setting("save 60 1")
          .setting("protected-mode yes")
          .build();
      server.start();
      return new EmbeddedRedis(server);
    } catch (IOException e) {
      throw new UncheckedIOException("The embedded Redis could not start: " + e.getMessage(), e);
    }
  }

  /** The connection string of this server. */
  public String url() {
    return "redis://127.0.0.1:" + server.ports().get(0);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
