package org.linli.bot.redis;

import java.nio.file.Path;

/**
 * A service stand-in in a JVM of its own for {@link EmbeddedRedisTest}: starts the embedded Redis on
 * the folder given, prints the redis-server's pid, and waits to be killed.
 */
public final class EmbeddedRedisChild {

  private EmbeddedRedisChild() {
  }

  /** {@code args[0]} is the data folder. */
  public static void main(String[] args) throws InterruptedException {
    EmbeddedRedis redis = EmbeddedRedis.start(Path.of(args[0]), 0);
    System.out.println("pid " + redis.pid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
