package org.linli.webhooks.telegram;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.linli.config.Secret;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Deduplicator;
import org.linli.webhooks.Outbound;
import org.linli.webhooks.Reply;
import org.linli.webhooks.callback.CallbackChannel;
import org.linli.webhooks.callback.Claims;
import org.linli.webhooks.callback.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telegram webhook, {@code POST /webhooks/telegram}: Telegram posts one {@code Update} per
 * call with the {@code secret_token} given to {@code setWebhook} in {@code
 * X-Telegram-Bot-Api-Secret-Token}.
 *
 * <p>In: the header is compared in constant time ({@link Secret#matches}) before the body is read (401 otherwise); an
 * update already seen ({@code update_id}) or of no interest yields no event. Out: {@link #respond}
 * answers 200 with an empty body at once and sends the replies through the Bot API with {@link
 * TelegramSender#reply} (not as the webhook response's method call: Telegram would not say whether
 * that failed, and it cannot upload a picture, pace a busy group or fall back when a private reply
 * cannot be delivered).
 */
public final class TelegramChannel implements CallbackChannel {

  /** The platform name carried by events from this channel. */
  public static final String PLATFORM = "telegram";

  /** Where Telegram posts updates. */
  public static final String PATH = "/webhooks/telegram";

  /** The header carrying the webhook's secret token. */
  public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

  private static final Logger LOG = LoggerFactory.getLogger(TelegramChannel.class);
  private static final String EDGE = "Telegram webhook";
  private static final String RECEIVED = TelegramChannel.class.getName() + ".received";

  private final Secret secret;
  private final Deduplicator dedupe;
  private final UpdateReader reader;
  private final TelegramSender sender;

  public TelegramChannel(Secret secret, BotIdentity bot, Deduplicator dedupe, TelegramSender sender) {
    this.secret = secret == null ? Secret.none() : secret;
    this.dedupe = Objects.requireNonNull(dedupe, "dedupe");
    this.reader = new UpdateReader(Objects.requireNonNull(bot, "bot"), dedupe);
    this.sender = Objects.requireNonNull(sender, "sender");
  }

  /**
   * Verifies the secret token, then reads the update: its event, or none when the update was seen
   * before or is not for the bot. Fails with an {@link HttpException} (401, 400) otherwise.
   */
  @Override
  public Future<List<ChatEvent>> receive(RoutingContext ctx) {
    if (!secret.isSet()) {
      return Future.failedFuture(Refusal.closed(LOG, EDGE, ctx, "The Telegram webhook", "LINLI_TELEGRAM_SECRET"));
    }
    if (!secret.matches(ctx.request().getHeader(SECRET_HEADER))) {
      return Refusal.refuse(LOG, EDGE, ctx, "a missing or wrong secret token", "Missing or wrong " + SECRET_HEADER);
    }
    JsonObject update;
    try {
      update = update(ctx.body().buffer());
    } catch (HttpException e) {
      return Future.failedFuture(e);
    }
    return reader.intake(update, key -> Claims.claim(ctx, dedupe, key)).map(read -> {
      List<Incoming> received = read.stream().toList();
      ctx.put(RECEIVED, received);
      if (read.isEmpty()) {
        LOG.debug("Telegram update {} ignored (seen before or not for the bot)",
            UpdateReader.updateId(update).orElse(-1L));
      }
      return received.stream().map(Incoming::event).toList();
    });
  }

  /**
   * Stores the replies that go to the update's chat in the durable outbox (so a refused send is
   * tried again), then answers Telegram with 200, then sends the rest at once — an edit of the
   * pressed message, a private reply to someone who wrote in a group — and answers the button press.
   */
  @Override
  public Future<Void> respond(RoutingContext ctx, List<Reply> replies, Outbound outbox) {
    List<Incoming> received = ctx.get(RECEIVED);
    if (received == null || received.isEmpty()) {
      respond(ctx, replies);
      return Future.succeededFuture();
    }
    Incoming incoming = received.get(0);
    String call = incoming.isCallback() ? incoming.callbackQueryId() : String.valueOf(incoming.event().messageId());
    List<Reply> now = new ArrayList<>();
    List<Future<Boolean>> queued = new ArrayList<>();
    for (int i = 0; i < replies.size(); i++) {
      Reply reply = replies.get(i);
      if (TelegramSender.durable(incoming, reply)) {
        String id = PLATFORM + "-" + incoming.event().chat().id() + "-" + call + "-" + i;
        queued.add(outbox.post(id, TelegramSender.outgoing(incoming, reply)));
      } else {
        now.add(reply);
      }
    }
    return Future.all(queued).map(v -> {
      ctx.response().setStatusCode(200).end();
      sender.reply(incoming, now)
          .onFailure(e -> LOG.warn("Telegram webhook: replies not all delivered: {}", e.getMessage()));
      return null;
    });
  }

  /**
   * Answers Telegram with 200 at once, then sends {@code replies} to the update {@link #receive}
   * read from this call (and answers its button press); delivery failures are logged.
   */
  public void respond(RoutingContext ctx, List<Reply> replies) {
    ctx.response().setStatusCode(200).end();
    List<Incoming> received = ctx.get(RECEIVED);
    if (received == null || received.isEmpty()) {
      if (!replies.isEmpty()) {
        LOG.warn("Telegram webhook: {} replies to a call without an event; nothing sent", replies.size());
      }
      return;
    }
    sender.reply(received.get(0), replies)
        .onFailure(e -> LOG.warn("Telegram webhook: replies not all delivered: {}", e.getMessage()));
  }

  private static JsonObject update(Buffer body) {
    if (body == null || body.length() == 0) {
      throw new HttpException(400, "The body is empty; expected a Telegram Update");
    }
    try {
      return new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      throw new HttpException(400, "The body is not a JSON object; expected a Telegram Update");
    }
  }
}
