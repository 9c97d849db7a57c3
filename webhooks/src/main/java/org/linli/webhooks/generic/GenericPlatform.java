package org.linli.webhooks.generic;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.linli.config.Settings;
import org.linli.webhooks.callback.Callbacks;
import org.linli.webhooks.Capability;
import org.linli.webhooks.ChannelSender;
import org.linli.webhooks.ChatPlatform;
import org.linli.webhooks.ChatService;
import org.linli.webhooks.PlatformContext;

/**
 * The generic channel as a platform: {@code POST /webhooks/generic} answered in the HTTP response,
 * and messages of the service's own posted to the configured outbound address.
 */
public final class GenericPlatform implements ChatPlatform {

  private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(
      Capability.PRIVATE_MESSAGES, Capability.BUTTONS, Capability.IMAGES, Capability.MENTIONS,
      Capability.QUOTED_REPLIES));

  private final GenericChannel channel;
  private final GenericSender sender;

  /** The platform with the given channel and sender. */
  public GenericPlatform(GenericChannel channel, GenericSender sender) {
    this.channel = channel;
    this.sender = sender;
  }

  @Override
  public String name() {
    return GenericChannel.PLATFORM;
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public ChannelSender sender() {
    return sender;
  }

  @Override
  public void mount(Router router, Handler<RoutingContext> body, ChatService service) {
    router.post("/webhooks/generic").handler(body)
        .handler(Callbacks.handler(channel, service, can(Capability.EDITS_MESSAGES)));
  }

  /** Builds the generic platform from {@link Settings.Generic}; always there (closed without a token). */
  public static final class Provider implements ChatPlatform.Provider {
    @Override
    public Future<Optional<ChatPlatform>> create(PlatformContext context) {
      Settings.Generic generic = context.settings().generic();
      return Future.succeededFuture(Optional.of(new GenericPlatform(new GenericChannel(generic.token()),
          new GenericSender(context.web(), generic.outboundUrl(), generic.outboundToken()))));
    }
  }
}
