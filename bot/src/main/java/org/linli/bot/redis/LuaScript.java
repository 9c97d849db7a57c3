package org.linli.bot.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * A Lua script run by its SHA (EVALSHA), loaded on first use and again if Redis forgot it (after a
 * restart or a SCRIPT FLUSH). Every change that must be atomic is one of these.
 */
public final class LuaScript {

  private final String source;
  private volatile String sha;

  public LuaScript(String source) {
    this.source = source;
  }

  /** Runs the script with the given keys and arguments. */
  public Future<Response> run(RedisAPI redis, List<String> keys, List<String> args) {
    Future<String> loaded = sha != null ? Future.succeededFuture(sha) : load(redis);
    return loaded.compose(s -> redis.evalsha(arguments(s, keys, args)))
        .recover(e -> e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT")
            ? load(redis).compose(s -> redis.evalsha(arguments(s, keys, args)))
            : Future.failedFuture(e));
  }

  private Future<String> load(RedisAPI redis) {
    return redis.script(List.of("LOAD", source)).map(r -> {
      sha = r.toString();
      return sha;
    });
  }

  private static List<String> arguments(String sha, List<String> keys, List<String> args) {
    List<String> all = new ArrayList<>(2 + keys.size() + args.size());
    all.add(sha);
    all.add(String.valueOf(keys.size()));
    all.addAll(keys);
    all.addAll(args);
    return all;
  }
}
