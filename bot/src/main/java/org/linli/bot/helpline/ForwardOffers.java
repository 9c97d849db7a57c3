package org.linli.bot.helpline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import org.linli.bot.redis.ButtonTokens;

/**
 * The questions behind "转给求助热线" buttons. A button carries at most 64 bytes — too few for a
 * Chinese question — so the question is kept in Redis for a day under a short random token, and the
 * button carries {@code forward:<token>}. Taking an offer removes it, so a button opens one ticket.
 */
public final class ForwardOffers {

  /** Button data prefix of a forward offer. */
  public static final String PREFIX = "forward:";

  private static final String KEY = "helpline:{offers}:";
  private static final long TTL_SECONDS = 86_400;

  private final RedisAPI redis;

  public ForwardOffers(RedisAPI redis) {
    this.redis = redis;
  }

  /** A question the resident may forward, and what the bot made of it. */
  public record Offer(String text, boolean urgent, String rule) {
  }

  /** Keeps the question; returns the button data that forwards it. */
  public Future<String> remember(Offer offer) {
    String id = ButtonTokens.next();
    JsonObject json = new JsonObject().put("text", offer.text()).put("urgent", offer.urgent()).put("rule",
        offer.rule());
    return redis.set(List.of(KEY + id, json.encode(), "EX", String.valueOf(TTL_SECONDS))).map(r -> PREFIX + id);
  }

  /** The offer behind button data {@code forward:<token>}, removed as it is taken; null when gone. */
  public Future<Offer> take(String data) {
    String id = data.startsWith(PREFIX) ? data.substring(PREFIX.length()) : "";
    if (!ButtonTokens.valid(id)) {
      return Future.succeededFuture(null);
    }
    return redis.getdel(KEY + id).map(r -> {
      if (r == null) {
        return null;
      }
      JsonObject json = new JsonObject(r.toString());
      return new Offer(json.getString("text"), json.getBoolean("urgent", false), json.getString("rule", ""));
    });
  }
}
