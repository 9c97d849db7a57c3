package org.linli.bot;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import org.linli.bot.redis.Leadership;
import org.linli.bot.redis.RedisDeduplicator;
import org.linli.bot.redis.RedisSharedValues;
import org.linli.config.Settings;
import org.linli.webhooks.ChatPlatforms;
import org.linli.webhooks.ChatService;
import org.linli.webhooks.PlatformContext;

/**
 * The chat platforms, built by their providers from the settings with what the service shares
 * with them (the Redis deduplicator and shared values), and their background work — each task
 * under a Redis lease, so one instance runs it. No platform is named here.
 */
final class Platforms {

  private Platforms() {
  }

  /** Every platform on the class path, built from {@code settings}. */
  static Future<ChatPlatforms> build(Vertx vertx, WebClient web, Settings settings, RedisAPI redis) {
    return ChatPlatforms.fromSettings(new PlatformContext(vertx, web, settings, new RedisDeduplicator(redis),
        new RedisSharedValues(redis), ChatPlatforms::fromEnvironment));
  }

  /** The platforms' background tasks, each under its lease (not started). */
  static List<Leadership> background(ChatPlatforms platforms, RedisAPI redis, ChatService service) {
    return platforms.all().stream()
        .flatMap(p -> p.background(service).stream())
        .map(task -> new Leadership(redis, task.lease(), task.start(), task.stop()))
        .toList();
  }
}
