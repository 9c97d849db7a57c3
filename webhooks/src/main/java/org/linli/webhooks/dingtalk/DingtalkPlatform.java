package org.linli.webhooks.dingtalk;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linli.config.Settings;
import org.linli.webhooks.callback.Callbacks;
import org.linli.webhooks.Capability;
import org.linli.webhooks.ChannelSender;
import org.linli.webhooks.ChatPlatform;
import org.linli.webhooks.ChatService;
import org.linli.webhooks.PlatformContext;
import org.linli.webhooks.SharedValues;

/**
 * DingTalk's enterprise-internal robot as a platform: {@code POST /webhooks/dingtalk}, the first
 * reply in the HTTP answer, the rest through the outbox and the conversation's session webhook.
 * The robot cannot start a private conversation, so {@link Capability#PRIVATE_MESSAGES} is not
 * claimed.
 */
public final class DingtalkPlatform implements ChatPlatform {

  private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(
      Capability.BUTTONS, Capability.IMAGES, Capability.MENTIONS));

  /** Where session webhooks are kept among the shared values (the hash tag keeps them on one slot). */
  static final String SESSIONS = "dingtalk:{sessions}:";

  private final DingtalkChannel channel;
  private final DingtalkSender sender;

  /** The platform with the given channel and sender. */
  public DingtalkPlatform(DingtalkChannel channel, DingtalkSender sender) {
    this.channel = channel;
    this.sender = sender;
  }

  @Override
  public String name() {
    return DingtalkChannel.PLATFORM;
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
    router.post("/webhooks/dingtalk").handler(body)
        .handler(Callbacks.handler(channel, service, can(Capability.EDITS_MESSAGES)));
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

  /** Builds DingTalk from {@link Settings.Dingtalk}; always there (closed without the app secret). */
  public static final class Provider implements ChatPlatform.Provider {
    @Override
    public Future<Optional<ChatPlatform>> create(PlatformContext context) {
      Settings.Dingtalk dingtalk = context.settings().dingtalk();
      SessionWebhooks hooks = new SessionWebhooks(context.shared() == null ? null : sessions(context.shared()));
      DingtalkSender sender = new DingtalkSender(context.web(), hooks, dingtalk.appSecret());
      return Future.succeededFuture(Optional.of(new DingtalkPlatform(
          new DingtalkChannel(dingtalk.appSecret(), context.dedupe(), hooks, sender, Clock.systemUTC()), sender)));
    }
  }
}
