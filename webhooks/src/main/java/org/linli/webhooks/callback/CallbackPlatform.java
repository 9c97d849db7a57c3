package org.linli.webhooks.callback;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Set;
import org.linli.webhooks.Capability;
import org.linli.webhooks.ChannelSender;
import org.linli.webhooks.ChatPlatform;
import org.linli.webhooks.ChatService;

/**
 * A platform that the bot hears through one callback route ({@code POST path}, run through {@link
 * Callbacks}) and answers through one sender: what most platforms are. A platform with more routes
 * overrides {@link #mount} and calls it first.
 */
public abstract class CallbackPlatform implements ChatPlatform {

  private final String name;
  private final Set<Capability> capabilities;
  private final String path;
  private final CallbackChannel channel;
  private final ChannelSender sender;

  /**
   * @param name the platform name of its events and messages
   * @param capabilities what it can do
   * @param path its callback route
   * @param channel verifies and reads its calls, and answers them
   * @param sender sends the outbox's messages to it
   */
  protected CallbackPlatform(String name, Set<Capability> capabilities, String path, CallbackChannel channel,
      ChannelSender sender) {
    this.name = name;
    this.capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
    this.path = path;
    this.channel = channel;
    this.sender = sender;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public final ChannelSender sender() {
    return sender;
  }

  @Override
  public void mount(Router router, Handler<RoutingContext> body, ChatService service) {
    router.post(path).handler(body).handler(Callbacks.handler(channel, service, can(Capability.EDITS_MESSAGES)));
  }
}
