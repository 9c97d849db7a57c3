package org.linli.bot;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.redis.client.RedisAPI;
import java.time.Clock;
import java.util.List;
import org.linli.bot.http.PlatformRoutes;
import org.linli.bot.redis.Leadership;
import org.linli.config.Settings;
import org.linli.webhooks.ChannelSender;
import org.linli.webhooks.Deduplicator;
import org.linli.webhooks.dingtalk.DingtalkChannel;
import org.linli.webhooks.dingtalk.DingtalkSender;
import org.linli.webhooks.dingtalk.SessionWebhooks;
import org.linli.webhooks.feishu.FeishuChannel;
import org.linli.webhooks.feishu.FeishuSender;
import org.linli.webhooks.telegram.BotIdentity;
import org.linli.webhooks.telegram.TelegramBotApi;
import org.linli.webhooks.telegram.TelegramChannel;
import org.linli.webhooks.telegram.TelegramPoller;
import org.linli.webhooks.telegram.TelegramSender;
import org.linli.webhooks.wecom.WecomChannel;
import org.linli.webhooks.wecom.WecomSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat platforms' adapters built from the settings: one sender per platform for the outbox,
 * the inbound channels for the routes, and — in Telegram's polling mode — the poller, run by one
 * instance at a time.
 */
final class Platforms {

  private static final Logger LOG = LoggerFactory.getLogger(Platforms.class);

  private final Vertx vertx;
  private final Settings settings;
  private final Deduplicator dedupe;
  private final TelegramBotApi telegramApi;
  private final TelegramSender telegram;
  private final WecomSender wecom;
  private final SessionWebhooks dingtalkHooks;
  private final DingtalkSender dingtalk;
  private final FeishuSender feishu;
  private BotIdentity bot;

  Platforms(Vertx vertx, WebClient web, Settings settings, Deduplicator dedupe, SessionWebhooks.Shared sessions) {
    this.vertx = vertx;
    this.dingtalkHooks = new SessionWebhooks(sessions);
    this.settings = settings;
    this.dedupe = dedupe;
    Settings.Telegram t = settings.telegram();
    telegramApi = new TelegramBotApi(web, t.apiUrl(), t.token());
    telegram = new TelegramSender(vertx, telegramApi);
    wecom = new WecomSender(web, settings.wecom());
    dingtalk = new DingtalkSender(web, dingtalkHooks, settings.dingtalk().appSecret());
    feishu = new FeishuSender(web, settings.feishu().apiUrl(), settings.feishu().appId(), settings.feishu().appSecret());
  }

  /** Every platform's sender, and the generic one. */
  List<ChannelSender> senders(ChannelSender generic) {
    return List.of(generic, telegram, wecom, dingtalk, feishu);
  }

  /** The inbound channels, once the Telegram bot knows who it is (getMe when no username is set). */
  Future<PlatformRoutes.Channels> channels() {
    Settings.Telegram t = settings.telegram();
    Future<BotIdentity> identity = telegramApi.configured()
        ? BotIdentity.resolve(telegramApi, t.botUsername()).recover(e -> {
          LOG.warn("Telegram: getMe failed ({}); mentions are recognised once LINLI_TELEGRAM_BOT_USERNAME is set",
              e.getMessage());
          return Future.succeededFuture(new BotIdentity(telegramApi.botId(), t.botUsername()));
        })
        : Future.succeededFuture(new BotIdentity("", t.botUsername()));
    return identity.map(b -> {
      bot = b;
      return new PlatformRoutes.Channels(
          new TelegramChannel(t.secret(), b, dedupe, telegram),
          new WecomChannel(settings.wecom(), dedupe),
          new DingtalkChannel(settings.dingtalk().appSecret(), dedupe, dingtalkHooks, dingtalk, Clock.systemUTC()),
          new FeishuChannel(settings.feishu().encryptKey(), settings.feishu().verificationToken(), dedupe, feishu,
              Clock.systemUTC()));
    });
  }

  /** In polling mode with a token, the poller under a Redis lease (one instance polls); else null. */
  Leadership polling(RedisAPI redis, Conversation conversation) {
    if (!"polling".equals(settings.telegram().mode()) || !telegramApi.configured()) {
      return null;
    }
    TelegramPoller poller = new TelegramPoller(vertx, telegramApi, bot, dedupe, telegram, conversation::handle);
    return new Leadership(redis, "telegram:{poller}", poller::start, poller::stop);
  }
}
