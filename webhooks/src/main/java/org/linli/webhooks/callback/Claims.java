package org.linli.webhooks.callback;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.linli.webhooks.Deduplicator;

/**
 * The events a call claimed ({@link Deduplicator#claim}), kept on its routing context: {@link
 * Callbacks} marks them done once the call is answered, or releases them when handling failed.
 */
public final class Claims {

  private static final String KEY = Claims.class.getName();

  private record Claim(Deduplicator dedupe, String key) {
  }

  private Claims() {
  }

  /**
   * Claims {@code key} for this call; true when the call should handle the event, false when it was
   * handled before. While another call handles it, fails with 503, so the platform tries again
   * (should that call fail, the next try is handled; should it succeed, the next is dropped).
   */
  public static Future<Boolean> claim(RoutingContext ctx, Deduplicator dedupe, String key) {
    return dedupe.claim(key).recover(e -> Future.failedFuture(e instanceof Deduplicator.InFlight
        ? new HttpException(503, "This event is being handled; try again shortly")
        : e)).map(claimed -> {
          if (claimed) {
            List<Claim> held = ctx.get(KEY);
            if (held == null) {
              held = new ArrayList<>();
              ctx.put(KEY, held);
            }
            held.add(new Claim(dedupe, key));
          }
          return claimed;
        });
  }

  /** Marks every event this call claimed as handled. */
  static Future<Void> done(RoutingContext ctx) {
    return each(ctx, c -> c.dedupe().done(c.key()));
  }

  /** Gives up every event this call claimed, so the platform's retry is handled. */
  static Future<Void> release(RoutingContext ctx) {
    return each(ctx, c -> c.dedupe().release(c.key()));
  }

  private static Future<Void> each(RoutingContext ctx, Function<Claim, Future<Void>> step) {
    List<Claim> held = ctx.remove(KEY);
    if (held == null || held.isEmpty()) {
      return Future.succeededFuture();
    }
    return Future.all(held.stream().map(step).toList()).mapEmpty();
  }
}
