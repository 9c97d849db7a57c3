package org.linli.webhooks;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One chat platform, as the service sees it: its name, what it can do, its callback routes and its
 * sender. Each platform package has one; {@link ChatPlatforms} builds them from the settings, and
 * the service mounts them in a loop and asks their {@link #capabilities} instead of naming them.
 */
public interface ChatPlatform {

  /** The platform name, as in {@link ChatEvent#platform()} and {@link Outgoing#platform()}. */
  String name();

  /** What the platform can do. */
  Set<Capability> capabilities();

  /** Sends the outbox's messages for this platform. */
  ChannelSender sender();

  /** Downloads the images residents send on this platform (by media reference). */
  default MediaFetcher media() {
    return MediaFetcher.none();
  }

  /**
   * Mounts the platform's callback route(s) on {@code router}, reading bodies with {@code body}
   * (which carries the body limit) and answering through {@code service}.
   */
  void mount(Router router, Handler<RoutingContext> body, ChatService service);

  /**
   * Work the platform runs on one instance at a time rather than behind a route (Telegram's
   * polling mode), or empty.
   */
  default Optional<Background> background(ChatService service) {
    return Optional.empty();
  }

  /** True when the platform has {@code capability}. */
  default boolean can(Capability capability) {
    return capabilities().contains(capability);
  }

  /**
   * A task the service runs under a lease named {@code lease}, so that one instance runs it.
   *
   * @param lease the lease's Redis key (give it a hash tag)
   * @param start starts the task
   * @param stop stops it
   */
  record Background(String lease, Supplier<Future<Void>> start, Supplier<Future<Void>> stop) {
  }

  /**
   * Builds one platform. Providers are found with {@link java.util.ServiceLoader}: a platform
   * package lists its provider in {@code META-INF/services/org.linli.webhooks.ChatPlatform$Provider}.
   */
  interface Provider {

    /** The platform built from {@code context}, or empty when its settings leave it out. */
    Future<Optional<ChatPlatform>> create(PlatformContext context);
  }
}
