package org.linli.bot.console;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log: every change made through the console or the REST API, who made it, when and on
 * what, newest first. A Redis stream capped at about {@value #KEEP} entries.
 *
 * <pre>{@code
 * audit.record(session.account().name(), "account.create", "zhang")
 * }</pre>
 */
public final class Audit {

  static final int KEEP = 10_000;

  private final RedisAPI redis;
  private final Clock clock;

  Audit(RedisAPI redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  /** Writes one entry: {@code actor} did {@code action} on {@code target} now. */
  public Future<Void> record(String actor, String action, String target) {
    return redis.xadd(List.of(ConsoleKeys.AUDIT, "MAXLEN", "~", String.valueOf(KEEP), "*",
        "at", String.valueOf(clock.millis()), "actor", actor, "action", action, "target", target == null ? "" : target))
        .mapEmpty();
  }

  /** The latest {@code limit} entries, newest first. */
  public Future<List<AuditEntry>> recent(int limit) {
    return redis.xrevrange(List.of(ConsoleKeys.AUDIT, "+", "-", "COUNT", String.valueOf(limit))).map(entries -> {
      List<AuditEntry> all = new ArrayList<>();
      for (Response entry : entries) {
        Response fields = entry.get(1);
        String at = null;
        String actor = "";
        String action = "";
        String target = "";
        for (int i = 0; i + 1 < fields.size(); i += 2) {
          String value = fields.get(i + 1).toString();
          switch (fields.get(i).toString()) {
            case "at" -> at = value;
            case "actor" -> actor = value;
            case "action" -> action = value;
            case "target" -> target = value;
            default -> {
            }
          }
        }
        all.add(new AuditEntry(Instant.ofEpochMilli(at == null ? 0 : Long.parseLong(at)), actor, action, target));
      }
      return all;
    });
  }
}
