package org.linli.bot.redis;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the embedded Redis forget its history on disk: the append-only file is rewritten from what
 * the database holds now ({@code BGREWRITEAOF}) and a fresh snapshot replaces the last one ({@code
 * BGSAVE}). Both completes only once Redis reports them done, so that a value deleted before the
 * call (the sealed key of a closed secret ballot, a delivered message) is in no file afterwards.
 *
 * <p>For a Redis of the operator's own, with its own persistence, replicas and backups, this
 * service cannot promise that: {@link #none()} does nothing, and docs/consultations.md says what
 * the operator must do.
 */
public interface PersistenceRewrite {

  /** Rewrites the files; completes when no file holds what was deleted before the call. */
  Future<Void> rewrite();

  /** Nothing to rewrite (a Redis the operator runs). */
  static PersistenceRewrite none() {
    return () -> Future.succeededFuture();
  }

  /** The rewrite of a Redis whose files this service owns (the embedded one). */
  static PersistenceRewrite of(Vertx vertx, RedisAPI redis) {
    return new Rewrite(vertx, redis);
  }

  /** BGREWRITEAOF, then BGSAVE, each retried while another rewrite or save is under way. */
  final class Rewrite implements PersistenceRewrite {

    private static final Logger LOG = LoggerFactory.getLogger(PersistenceRewrite.class);
    private static final long POLL_MILLIS = 20;
    private static final int MAX_POLLS = 30_000;

    private final Vertx vertx;
    private final RedisAPI redis;
    // One rewrite at a time from this instance; a close during one waits for the next.
    private Future<Void> last = Future.succeededFuture();

    private Rewrite(Vertx vertx, RedisAPI redis) {
      this.vertx = vertx;
      this.redis = redis;
    }

    @Override
    public synchronized Future<Void> rewrite() {
      Future<Void> next = last.transform(ignored -> run());
      last = next;
      return next;
    }

    private Future<Void> run() {
      return start(() -> redis.bgrewriteaof().mapEmpty(), "aof_rewrite")
          .compose(v -> start(() -> redis.bgsave(List.of()).mapEmpty(), "rdb_bgsave"))
          .onSuccess(v -> LOG.info("Redis files rewritten: append-only file and snapshot hold only the present data"))
          .onFailure(e -> LOG.error("Redis files could not be rewritten: {}", e.getMessage()));
    }

    /**
     * Waits until no rewrite or save of that kind is under way, starts one, and waits until it is
     * done; an "already in progress" answer (a save of Redis's own) waits and starts again.
     */
    private Future<Void> start(Supplier<Future<Void>> command, String kind) {
      return waitUntil(idle(kind), 0, false)
          .compose(v -> command.get().transform(ar -> {
            if (ar.failed()) {
              String message = String.valueOf(ar.cause().getMessage());
              return message.contains("in progress") ? start(command, kind) : Future.failedFuture(ar.cause());
            }
            return waitUntil(idle(kind), 0, true);
          }));
    }

    private static Predicate<String> idle(String kind) {
      return info -> {
        if (kind.equals("aof_rewrite")) {
          return info.contains("aof_rewrite_in_progress:0") && info.contains("aof_rewrite_scheduled:0")
              && !info.contains("rdb_bgsave_in_progress:1");
        }
        return info.contains("rdb_bgsave_in_progress:0") && info.contains("aof_rewrite_in_progress:0");
      };
    }

    private Future<Void> waitUntil(Predicate<String> done, int polls, boolean ours) {
      return redis.info(List.of("persistence")).compose(r -> {
        String info = r.toString();
        boolean failed = info.contains("aof_last_bgrewrite_status:err") || info.contains("rdb_last_bgsave_status:err");
        if (ours && failed && done.test(info)) {
          return Future.failedFuture(new IllegalStateException("Redis reports a failed background write"));
        }
        if (done.test(info)) {
          return Future.succeededFuture();
        }
        if (polls >= MAX_POLLS) {
          return Future.failedFuture(new IllegalStateException("Redis did not finish rewriting its files"));
        }
        Promise<Void> later = Promise.promise();
        vertx.setTimer(POLL_MILLIS, id -> later.complete());
        return later.future().compose(v -> waitUntil(done, polls + 1, ours));
      });
    }
  }
}
