package org.linli.webhooks.telegram;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * Who the bot is on Telegram: its numeric user id (to recognise replies to its own messages) and
 * its username without the {@code @} (to recognise mentions and {@code /command@username}).
 */
public record BotIdentity(String id, String username) {

  public BotIdentity {
    id = id == null ? "" : id.strip();
    username = username == null ? "" : username.strip().replaceFirst("^@", "");
  }

  /**
   * The configured username with the id taken from the token, or, when no username is configured,
   * both as {@code getMe} reports them.
   */
  public static Future<BotIdentity> resolve(TelegramBotApi api, String configuredUsername) {
    if (configuredUsername != null && !configuredUsername.isBlank()) {
      return Future.succeededFuture(new BotIdentity(api.botId(), configuredUsername));
    }
    return api.call("getMe", new JsonObject()).map(answer -> {
      JsonObject me = answer.getValue("result") instanceof JsonObject o ? o : new JsonObject();
      Object id = me.getValue("id");
      Object username = me.getValue("username");
      return new BotIdentity(id == null ? api.botId() : String.valueOf(id), username instanceof String u ? u : "");
    });
  }

  /** True when {@code name} (with or without {@code @}) is this bot's username, in any case. */
  boolean isNamed(String name) {
    String bare = name.startsWith("@") ? name.substring(1) : name;
    return !username.isEmpty() && bare.toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT));
  }
}
