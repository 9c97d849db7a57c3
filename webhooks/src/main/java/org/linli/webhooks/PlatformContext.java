package org.linli.webhooks;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.linli.config.Settings;

/**
 * What a {@link ChatPlatform.Provider} builds its platform from.
 *
 * @param vertx the service's Vert.x
 * @param web the client every outbound call goes through
 * @param settings the service's settings (the built-in platforms read their own record)
 * @param dedupe drops events delivered twice, shared by every instance
 * @param shared values shared between instances (DingTalk's session webhooks)
 * @param setting any other setting by its dotted path ({@code echo.token}), or null: how a platform
 *     without a record in {@link Settings} reads its own settings record
 */
public record PlatformContext(
    Vertx vertx, WebClient web, Settings settings, Deduplicator dedupe, SharedValues shared,
    UnaryOperator<String> setting) {

  public PlatformContext {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(web, "web");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(dedupe, "dedupe");
    Objects.requireNonNull(setting, "setting");
  }
}
