package org.linli.webhooks.dingtalk;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.linli.config.Settings;
import org.linli.webhooks.Capability;
import org.linli.webhooks.ChannelSender;
import org.linli.webhooks.ChatPlatform;
import org.linli.webhooks.ChatService;
import org.linli.webhooks.MediaFetcher;
import org.linli.webhooks.PlatformContext;
import org.linli.webhooks.SharedValues;
import org.linli.webhooks.callback.Callbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DingTalk's enterprise-internal robot as a platform: {@code POST /webhooks/dingtalk}, the first
 * reply in the HTTP answer, the rest through the outbox and the conversation's session webhook.
 * The robot cannot start a private conversation, so {@link Capability#PRIVATE_MESSAGES} is not
 * claimed.
 *
 * <p>With {@linkplain Settings.Dingtalk#cardsOn() cards on}, replies with buttons to groups go as
 * interactive cards, whose presses DingTalk posts to {@code POST /webhooks/dingtalk/cards}; the
 * callback's answer updates the pressed card, so the platform then claims {@link
 * Capability#EDITS_MESSAGES} (a poll shows its live tally on its card). The robot's own route never
 * edits: it answers with new messages. With cards off, the card route refuses every call (401).
 */
public final class DingtalkPlatform implements ChatPlatform {

  private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(
      Capability.BUTTONS, Capability.IMAGES, Capability.MENTIONS));
  private static final Set<Capability> WITH_CARDS = Set.copyOf(EnumSet.of(
      Capability.BUTTONS, Capability.IMAGES, Capability.MENTIONS, Capability.EDITS_MESSAGES));

  /** The route DingTalk posts card presses to. */
  public static final String CARDS_ROUTE = "/webhooks/dingtalk/cards";

  private static final Logger LOG = LoggerFactory.getLogger(DingtalkPlatform.class);

  /** Where session webhooks are kept among the shared values (the hash tag keeps them on one slot). */
  static final String SESSIONS = "dingtalk:{sessions}:";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final DingtalkChannel channel;
  private final DingtalkSender sender;
  private final Optional<DingtalkCardCallback> cards;
  private MediaFetcher files = MediaFetcher.none();

  /** Pictures are fetched by their {@code downloadCode} (needs {@code dingtalk.appKey}). */
  @Override
  public MediaFetcher media() {
    return files;
  }

  /** The platform with the given channel and sender, without cards. */
  public DingtalkPlatform(DingtalkChannel channel, DingtalkSender sender) {
    this(channel, sender, Optional.empty());
  }

  /** The platform with the given channel and sender, taking card presses with {@code cards} when given. */
  public DingtalkPlatform(DingtalkChannel channel, DingtalkSender sender, Optional<DingtalkCardCallback> cards) {
    this.channel = channel;
    this.sender = sender;
    this.cards = Objects.requireNonNull(cards, "cards");
  }

  @Override
  public String name() {
    return DingtalkChannel.PLATFORM;
  }

  @Override
  public Set<Capability> capabilities() {
    return cards.isPresent() ? WITH_CARDS : CAPABILITIES;
  }

  @Override
  public ChannelSender sender() {
    return sender;
  }

  @Override
  public void mount(Router router, Handler<RoutingContext> body, ChatService service) {
    router.post("/webhooks/dingtalk").handler(body).handler(Callbacks.handler(channel, service, false));
    if (cards.isPresent()) {
      router.post(CARDS_ROUTE).handler(body).handler(Callbacks.handler(cards.get(), service, true));
    } else {
      router.post(CARDS_ROUTE).handler(ctx -> ctx.fail(new HttpException(401, "DingTalk cards are off: set "
          + "dingtalk.appKey, dingtalk.appSecret, dingtalk.cardTemplateId and dingtalk.cardCallbackSecret")));
    }
  }

  /** Session webhooks kept among {@code shared} values as {@code "<expiresAtMillis> <url>"}. */
  static SessionWebhooks.Shared sessions(SharedValues shared) {
    return new SessionWebhooks.Shared() {
      @Override
      public Future<Void> put(String conversationId, String url, long expiresAtMillis) {
        return shared.put(SESSIONS + conversationId, expiresAtMillis + " " + url, expiresAtMillis);
      }

      @Override
      public Future<Map.Entry<String, Long>> get(String conversationId) {
        return shared.get(SESSIONS + conversationId).map(value -> {
          String[] parts = value == null ? new String[0] : value.split(" ", 2);
          return parts.length == 2 ? Map.entry(parts[1], Long.parseLong(parts[0])) : null;
        });
      }
    };
  }

  /**
   * Builds DingTalk from {@link Settings.Dingtalk}; always there (closed without the app secret).
   * With cards on, the card callback URL is registered with DingTalk before the platform is
   * ready; a failed registration is logged and the service starts anyway (the office may have
   * registered it, and cards still go out).
   */
  public static final class Provider implements ChatPlatform.Provider {
    @Override
    public Future<Optional<ChatPlatform>> create(PlatformContext context) {
      Settings.Dingtalk dingtalk = context.settings().dingtalk();
      SessionWebhooks hooks = new SessionWebhooks(context.shared() == null ? null : sessions(context.shared()));
      Optional<DingtalkCardSender> cardSender = dingtalk.cardsOn()
          ? Optional.of(new DingtalkCardSender(context.web(), dingtalk.apiUrl(), dingtalk.appKey(),
              dingtalk.appSecret(), dingtalk.cardTemplateId(), dingtalk.cardCallbackRouteKey(),
              dingtalk.cardCallbackSecret(), Clock.systemUTC(), TIMEOUT))
          : Optional.empty();
      DingtalkSender sender = new DingtalkSender(
          context.web(), hooks, dingtalk.appSecret(), Clock.systemUTC(), TIMEOUT, cardSender);
      Optional<DingtalkCardCallback> callback = cardSender.map(
          c -> new DingtalkCardCallback(dingtalk.cardCallbackSecret(), Clock.systemUTC()));
      DingtalkChannel channel = new DingtalkChannel(dingtalk.appSecret(), context.dedupe(), hooks, sender,
          Clock.systemUTC());
      DingtalkPlatform platform = new DingtalkPlatform(channel, sender, callback);
      if (!dingtalk.appKey().isBlank() && dingtalk.appSecret().isSet()) {
        DingtalkFiles files = new DingtalkFiles(context.web(), dingtalk.apiUrl(), dingtalk.appKey(),
            dingtalk.appSecret(), Clock.systemUTC(), TIMEOUT);
        platform.files = (image, messageId, maxBytes) -> files.download(image.ref(), maxBytes);
      }
      Future<Void> registered = cardSender
          .map(c -> register(c, callbackUrl(dingtalk, context.settings().http().publicUrl()), dingtalk))
          .orElse(Future.succeededFuture());
      return registered.map(v -> Optional.<ChatPlatform>of(platform));
    }

    /** The public URL of the card route: the setting, else the service's public URL + the route, else blank. */
    static String callbackUrl(Settings.Dingtalk dingtalk, String publicUrl) {
      if (!dingtalk.cardCallbackUrl().isEmpty()) {
        return dingtalk.cardCallbackUrl();
      }
      return publicUrl.isEmpty() ? "" : publicUrl + CARDS_ROUTE;
    }

    private static Future<Void> register(DingtalkCardSender cards, String url, Settings.Dingtalk dingtalk) {
      if (url.isEmpty()) {
        LOG.warn("DingTalk cards: no dingtalk.cardCallbackUrl nor http.publicUrl, so the card callback is not "
            + "registered; presses reach Linli only if it was registered by hand under route key {}",
            dingtalk.cardCallbackRouteKey());
        return Future.succeededFuture();
      }
      return cards.registerCallback(url, dingtalk.cardCallbackRouteKey(), dingtalk.cardCallbackSecret())
          .onSuccess(v -> LOG.info("DingTalk cards: callback {} registered under route key {}", url,
              dingtalk.cardCallbackRouteKey()))
          .recover(e -> {
            LOG.warn("DingTalk cards: could not register callback {} under route key {}: {}; starting anyway",
                url, dingtalk.cardCallbackRouteKey(), e.getMessage());
            return Future.succeededFuture();
          });
    }
  }
}
