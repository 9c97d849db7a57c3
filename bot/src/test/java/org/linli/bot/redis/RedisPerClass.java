package org.linli.bot.redis;

import io.vertx.redis.client.RedisAPI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link RealRedis} for {@code @RegisterExtension}: started (data in a fresh temporary folder)
 * before the first test of the class and its {@code @BeforeAll} methods, closed and its folder
 * deleted after the last.
 *
 * <pre>{@code @RegisterExtension static final RedisPerClass redis = new RedisPerClass();}</pre>
 */
public final class RedisPerClass implements BeforeAllCallback, AfterAllCallback {

  private Path data;
  private RealRedis redis;

  /** The running server, its Vert.x instance and client. */
  public RealRedis get() {
    return redis;
  }

  /** The client API of the running server. */
  public RedisAPI api() {
    return redis.api;
  }

  /** Empties the database (between tests that share the server). */
  public void flush() {
    redis.flush();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    data = Files.createTempDirectory("linli-redis-test-");
    redis = RealRedis.start(data);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    redis.close();
    deleteTree(data);
  }

  /** Deletes a folder and everything in it. */
  public static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
