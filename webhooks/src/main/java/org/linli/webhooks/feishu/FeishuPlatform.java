package org.linli.webhooks.feishu;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.linli.config.Settings;
import org.linli.webhooks.Capability;
import org.linli.webhooks.ChatPlatform;
import org.linli.webhooks.MediaFetcher;
import org.linli.webhooks.PlatformContext;
import org.linli.webhooks.callback.CallbackPlatform;

/**
 * Feishu as a platform: {@code POST /webhooks/feishu} (event subscription v2.0), answered at once;
 * every reply goes out through the outbox and the open API.
 */
public final class FeishuPlatform extends CallbackPlatform {

  private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(
      Capability.PRIVATE_MESSAGES, Capability.BUTTONS, Capability.IMAGES, Capability.MENTIONS));

  private final FeishuSender media;

  /** The platform with the given channel and sender. */
  public FeishuPlatform(FeishuChannel channel, FeishuSender sender) {
    super(FeishuChannel.PLATFORM, CAPABILITIES, "/webhooks/feishu", channel, sender);
    this.media = sender;
  }

  /** Images are fetched as message resources by their message id and {@code image_key}. */
  @Override
  public MediaFetcher media() {
    return (image, messageId, maxBytes) -> media.resource(messageId, image.ref(), maxBytes);
  }

  /** Builds Feishu from {@link Settings.Feishu}; always there (closed without a verification token). */
  public static final class Provider implements ChatPlatform.Provider {
    @Override
    public Future<Optional<ChatPlatform>> create(PlatformContext context) {
      Settings.Feishu feishu = context.settings().feishu();
      FeishuSender sender = new FeishuSender(context.web(), feishu.apiUrl(), feishu.appId(), feishu.appSecret());
      return Future.succeededFuture(Optional.of(new FeishuPlatform(new FeishuChannel(feishu.encryptKey(),
          feishu.verificationToken(), context.dedupe(), sender, Clock.systemUTC()), sender)));
    }
  }
}
