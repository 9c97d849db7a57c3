package org.linli.bot.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import org.linli.webhooks.ChatPlatform;
import org.linli.webhooks.ChatService;

/**
 * The chat platforms' callback routes: each platform mounts its own (its adapter verifies and
 * parses before anything else, the conversation answers, the adapter renders the answer in its
 * platform's form, and what does not go back in the HTTP answer goes through the durable outbox).
 */
public final class PlatformRoutes implements FeatureRoutes {

  private final List<ChatPlatform> platforms;
  private final ChatService service;

  public PlatformRoutes(List<ChatPlatform> platforms, ChatService service) {
    this.platforms = List.copyOf(platforms);
    this.service = service;
  }

  @Override
  public void mount(Router router, Guards guards) {
    mount(router, guards.body(), platforms, service);
  }

  /** Mounts every platform's routes, with the body limit of {@code body}. */
  public static void mount(Router router, BodyHandler body, List<ChatPlatform> platforms, ChatService service) {
    platforms.forEach(platform -> platform.mount(router, body, service));
  }
}
