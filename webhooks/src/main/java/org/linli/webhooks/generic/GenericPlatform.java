package org.linli.webhooks.generic;

import io.vertx.core.Future;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.linli.config.Settings;
import org.linli.webhooks.Capability;
import org.linli.webhooks.ChatPlatform;
import org.linli.webhooks.PlatformContext;
import org.linli.webhooks.callback.CallbackPlatform;

/**
 * The generic channel as a platform: {@code POST /webhooks/generic} answered in the HTTP response,
 * and messages of the service's own posted to the configured outbound address.
 */
public final class GenericPlatform extends CallbackPlatform {

  private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(
      Capability.PRIVATE_MESSAGES, Capability.BUTTONS, Capability.IMAGES, Capability.MENTIONS,
      Capability.QUOTED_REPLIES));

  /** The platform with the given channel and sender. */
  public GenericPlatform(GenericChannel channel, GenericSender sender) {
    super(GenericChannel.PLATFORM, CAPABILITIES, "/webhooks/generic", channel, sender);
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
