package org.linli.webhooks.telegram;

import io.vertx.core.Future;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.linli.config.Settings;
import org.linli.webhooks.Capability;
import org.linli.webhooks.ChatPlatform;
import org.linli.webhooks.ChatService;
import org.linli.webhooks.Deduplicator;
import org.linli.webhooks.MediaFetcher;
import org.linli.webhooks.PlatformContext;
import org.linli.webhooks.callback.CallbackPlatform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telegram as a platform: {@code POST /webhooks/telegram}, or — in polling mode with a token — a
 * {@code getUpdates} poller run by one instance at a time. Replies go through the Bot API; a poll
 * message is edited in place to show its live tally.
 */
public final class TelegramPlatform extends CallbackPlatform {

  private static final Logger LOG = LoggerFactory.getLogger(TelegramPlatform.class);
  private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(
      Capability.EDITS_MESSAGES, Capability.PRIVATE_MESSAGES, Capability.BUTTONS, Capability.IMAGES,
      Capability.MENTIONS, Capability.QUOTED_REPLIES));

  private final PlatformContext context;
  private final TelegramBotApi api;
  private final TelegramSender sender;
  private final BotIdentity bot;

  private TelegramPlatform(PlatformContext context, TelegramBotApi api, TelegramSender sender, BotIdentity bot) {
    super(TelegramChannel.PLATFORM, CAPABILITIES, TelegramChannel.PATH,
        new TelegramChannel(context.settings().telegram().secret(), bot, context.dedupe(), sender), sender);
    this.context = context;
    this.api = api;
    this.sender = sender;
    this.bot = bot;
  }

  /** In polling mode with a token, the poller under the lease {@code telegram:{poller}}. */
  /** Photos are fetched with {@code getFile} by their {@code file_id}. */
  @Override
  public MediaFetcher media() {
    return (image, messageId, maxBytes) -> api.file(image.ref(), maxBytes);
  }

  @Override
  public Optional<Background> background(ChatService service) {
    if (!"polling".equals(context.settings().telegram().mode()) || !api.configured()) {
      return Optional.empty();
    }
    Deduplicator dedupe = context.dedupe();
    TelegramPoller poller = new TelegramPoller(context.vertx(), api, bot, dedupe, sender, service.handler()::handle);
    return Optional.of(new Background("telegram:{poller}", poller::start, poller::stop));
  }

  /**
   * Builds Telegram from {@link Settings.Telegram} once the bot knows who it is ({@code getMe} when
   * no username is set); always there (the webhook is closed without a secret).
   */
  public static final class Provider implements ChatPlatform.Provider {
    @Override
    public Future<Optional<ChatPlatform>> create(PlatformContext context) {
      Settings.Telegram t = context.settings().telegram();
      TelegramBotApi api = new TelegramBotApi(context.web(), t.apiUrl(), t.token());
      TelegramSender sender = new TelegramSender(context.vertx(), api);
      Future<BotIdentity> identity = api.configured()
          ? BotIdentity.resolve(api, t.botUsername()).recover(e -> {
            LOG.warn("Telegram: getMe failed ({}); mentions are recognised once LINLI_TELEGRAM_BOT_USERNAME is set",
                e.getMessage());
            return Future.succeededFuture(new BotIdentity(api.botId(), t.botUsername()));
          })
          : Future.succeededFuture(new BotIdentity("", t.botUsername()));
      return identity.map(bot -> Optional.of(new TelegramPlatform(context, api, sender, bot)));
    }
  }
}
