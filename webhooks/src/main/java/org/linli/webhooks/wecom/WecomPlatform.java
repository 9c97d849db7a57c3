package org.linli.webhooks.wecom;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.linli.config.Settings;
import org.linli.webhooks.Capability;
import org.linli.webhooks.ChatPlatform;
import org.linli.webhooks.ChatService;
import org.linli.webhooks.MediaFetcher;
import org.linli.webhooks.PlatformContext;
import org.linli.webhooks.callback.CallbackPlatform;

/**
 * WeCom (企业微信) as a platform: {@code GET /webhooks/wecom} (the URL check) and {@code POST
 * /webhooks/wecom} (callbacks, answered with a passive reply where one fits, the rest through the
 * outbox). Buttons become a numbered list, so {@link Capability#BUTTONS} is not claimed.
 */
public final class WecomPlatform extends CallbackPlatform {

  private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(
      Capability.PRIVATE_MESSAGES, Capability.IMAGES, Capability.MENTIONS));

  private final WecomChannel channel;
  private final WecomSender media;

  /** The platform with the given channel and sender. */
  public WecomPlatform(WecomChannel channel, WecomSender sender) {
    super(WecomChannel.PLATFORM, CAPABILITIES, "/webhooks/wecom", channel, sender);
    this.channel = channel;
    this.media = sender;
  }

  /** Images are fetched with {@code media/get} by their {@code MediaId}. */
  @Override
  public MediaFetcher media() {
    return (image, messageId, maxBytes) -> media.media(image.ref(), maxBytes);
  }

  @Override
  public void mount(Router router, Handler<RoutingContext> body, ChatService service) {
    super.mount(router, body, service);
    // The admin console's URL check.
    router.get("/webhooks/wecom").handler(channel::verifyUrl);
  }

  /** Builds WeCom from {@link Settings.Wecom}; always there (closed without its keys). */
  public static final class Provider implements ChatPlatform.Provider {
    @Override
    public Future<Optional<ChatPlatform>> create(PlatformContext context) {
      Settings.Wecom wecom = context.settings().wecom();
      return Future.succeededFuture(Optional.of(new WecomPlatform(new WecomChannel(wecom, context.dedupe()),
          new WecomSender(context.web(), wecom))));
    }
  }
}
