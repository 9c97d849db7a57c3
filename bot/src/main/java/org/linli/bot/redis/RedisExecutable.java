package org.linli.bot.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.embedded.core.ExecutableProvider;

/**
 * The redis-server binary the embedded Redis runs: the system's own when a maintained package
 * installed one of a supported line (Redis 7 or later, e.g. Debian's {@code redis-server}), else
 * the Redis 6.2 binary shipped inside {@code com.github.codemonstur:embedded-redis}, so a machine
 * with only Java still starts. A data folder written by 6.2 opens in 7 (Redis converts its
 * append-only file); the other way round it does not, so a machine keeps the line it started on.
 *
 * @param path the binary
 * @param version its version, e.g. {@code 7.0.15}
 */
public record RedisExecutable(Path path, String version) {

  private static final List<Path> SYSTEM = List.of(Path.of("/usr/bin/redis-server"),
      Path.of("/usr/local/bin/redis-server"));
  private static final Pattern VERSION = Pattern.compile("v=(\\d+)\\.(\\d+)\\.(\\d+)");
  private static final int SUPPORTED_MAJOR = 7;

  /** The system's supported redis-server if there is one, else the shipped one unpacked into {@code dir}. */
  public static RedisExecutable choose(Path dir) {
    for (Path candidate : SYSTEM) {
      Optional<String> version = Files.isExecutable(candidate) ? versionOf(candidate) : Optional.empty();
      if (version.isPresent() && Integer.parseInt(version.get().split("\\.")[0]) >= SUPPORTED_MAJOR) {
        return new RedisExecutable(candidate, version.get());
      }
    }
    try {
      Path shipped = ExecutableProvider.newJarResourceProvider(dir.toFile()).get().toPath();
      return new RedisExecutable(shipped, versionOf(shipped).orElse("6.2"));
    } catch (IOException e) {
      throw new UncheckedIOException("The shipped redis-server could not be unpacked: " + e.getMessage(), e);
    }
  }

  /** What {@code binary --version} says, e.g. {@code 7.0.15}; empty when it does not run. */
  static Optional<String> versionOf(Path binary) {
    try {
      Process p = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      Matcher m = VERSION.matcher(out);
      return m.find() ? Optional.of(m.group(1) + "." + m.group(2) + "." + m.group(3)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
