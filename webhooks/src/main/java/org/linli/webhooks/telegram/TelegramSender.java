package org.linli.webhooks.telegram;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.multipart.MultipartForm;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.linli.webhooks.ChannelSender;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.ChatPacer;
import org.linli.webhooks.EdgeText;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speaks for the bot on Telegram through the Bot API: {@code sendMessage} with an inline keyboard,
 * {@code sendPhoto} (the PNG uploaded, or its address), {@code answerCallbackQuery} and {@code
 * editMessageText}.
 *
 * <p>Two ways in. {@link #reply} answers an update at once: replies meant for the person alone go
 * to their private chat, and when Telegram refuses that (they never started the bot) a button
 * press gets the text as an alert only they see, a typed message a neutral hint in the group; each
 * send waits its turn under the chat's pace (up to a minute). {@link #send} delivers a message from
 * the outbox: when the chat is at its pace it fails at once as temporary, with the seconds until a
 * slot frees as retry delay; Telegram's 429 ({@code retry_after}), 5xx and timeouts are temporary,
 * other refusals permanent.
 */
public final class TelegramSender implements ChannelSender {

  /** Said in the group, replying to the resident's message, when a private reply cannot reach them. */
  static final String START_ME_FIRST = EdgeText.TELEGRAM_START_ME_FIRST.text();

  private static final Logger LOG = LoggerFactory.getLogger(TelegramSender.class);
  private static final long MAX_REPLY_WAIT_MILLIS = 60_000;

  private final Vertx vertx;
  private final TelegramBotApi api;
  private final ChatPacer pacer;

  /** A sender that keeps Telegram's published pace. */
  public TelegramSender(Vertx vertx, TelegramBotApi api) {
    this(vertx, api, publishedPace());
  }

  /** Telegram's published limits: a group 20 a minute (a burst of 3), a private chat 1 a second, 30 a second in all. */
  static ChatPacer publishedPace() {
    return new ChatPacer(new ChatPacer.Rate(3, 20, TimeUnit.MINUTES), new ChatPacer.Rate(1, 1, TimeUnit.SECONDS),
        new ChatPacer.Rate(30, 30, TimeUnit.SECONDS), System::nanoTime);
  }

  TelegramSender(Vertx vertx, TelegramBotApi api, ChatPacer pacer) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.api = Objects.requireNonNull(api, "api");
    this.pacer = Objects.requireNonNull(pacer, "pacer");
  }

  @Override
  public String platform() {
    return TelegramChannel.PLATFORM;
  }

  @Override
  public boolean configured() {
    return api.configured();
  }

  /**
   * Delivers a message from the outbox to its chat (a private {@link Outgoing} names the person's
   * chat; one naming a group goes to the group, which is the only chat it names).
   */
  @Override
  public Future<Void> send(Outgoing message) {
    return post(message).mapEmpty();
  }

  /** As {@link #send}, succeeding with the Telegram id of the last message sent (to edit it later). */
  public Future<String> post(Outgoing message) {
    if (!configured()) {
      return Future.failedFuture(new SendFailure("telegram.token is not set", false));
    }
    ChatEvent.Chat chat = message.chat();
    ChatPacer.Slot slot = pacer.take(chat.id(), chat.type() == ChatEvent.ChatType.GROUP, 0);
    if (!slot.granted()) {
      return Future.failedFuture(new SendFailure("the chat is at Telegram's sending pace", false,
          Math.max(1, (slot.waitMillis() + 999) / 1000)));
    }
    return deliver(chat, message.reply(), message.replyTo(), true)
        .recover(e -> Future.failedFuture(e instanceof BotApiError b
            ? b.toSendFailure()
            : e instanceof SendFailure ? e : new SendFailure(String.valueOf(e.getMessage()), false)));
  }

  /**
   * True when {@code reply} to {@code incoming} can wait in the durable outbox: it goes to the chat
   * the update came from. A reply that edits the pressed message (a live tally, stale a moment
   * later) or that goes privately to someone who wrote in a group (it falls back to a note shown to
   * the presser alone) is sent at once by {@link #reply}.
   */
  static boolean durable(Incoming incoming, Reply reply) {
    boolean group = incoming.event().chat().type() == ChatEvent.ChatType.GROUP;
    return !reply.replacesPressed() && !(reply.privately() && group);
  }

  /** {@code reply} to {@code incoming} as a message for the outbox, quoting the resident's message in a group. */
  static Outgoing outgoing(Incoming incoming, Reply reply) {
    ChatEvent event = incoming.event();
    boolean group = event.chat().type() == ChatEvent.ChatType.GROUP;
    String replyTo = group && !incoming.isCallback() && event.messageId() != null ? event.messageId() : "";
    return new Outgoing(TelegramChannel.PLATFORM, event.chat(), reply, replyTo);
  }

  /**
   * Answers one update with the bot's replies, in order, then answers the button press (always,
   * even without replies, so the button stops spinning). Fails with the first failure once every
   * reply was tried.
   */
  public Future<Void> reply(Incoming incoming, List<Reply> replies) {
    Notice notice = new Notice();
    Throwable[] first = new Throwable[1];
    Future<Void> chain = Future.succeededFuture();
    for (Reply reply : replies) {
      chain = chain.compose(v -> replyOne(incoming, reply, notice).recover(e -> {
        LOG.warn("Telegram: a reply could not be sent: {}", e.getMessage());
        first[0] = first[0] == null ? e : first[0];
        return Future.succeededFuture();
      }));
    }
    if (incoming.isCallback()) {
      chain = chain
          .compose(v -> answerCallbackQuery(incoming.callbackQueryId(), notice.text, notice.alert).recover(e -> {
            LOG.warn("Telegram: a button press could not be answered: {}", e.getMessage());
            return Future.succeededFuture();
          }));
    }
    return chain.compose(v -> first[0] == null ? Future.succeededFuture() : Future.failedFuture(first[0]));
  }

  /**
   * Ends a button press's spinner, with {@code text} (cut to 200 characters; blank: none) shown
   * to the presser alone, as an alert to dismiss when {@code alert}.
   */
  public Future<Void> answerCallbackQuery(String callbackQueryId, String text, boolean alert) {
    JsonObject params = new JsonObject().put("callback_query_id", callbackQueryId);
    if (text != null && !text.isBlank()) {
      params.put("text", MessageParts.shorten(text.strip(), MessageParts.MAX_NOTICE)).put("show_alert", alert);
    }
    return api.call("answerCallbackQuery", params).mapEmpty();
  }

  /**
   * Replaces the text and buttons of a message the bot sent (a poll showing live tallies). An
   * unchanged text counts as done; other refusals fail as {@link SendFailure}.
   */
  public Future<Void> editMessageText(String chatId, String messageId, Reply reply) {
    return api.call("editMessageText", MessageParts.edit(chatId, messageId, reply))
        .<Void>mapEmpty()
        .recover(e -> {
          if (e instanceof BotApiError b && b.description().contains("message is not modified")) {
            return Future.succeededFuture();
          }
          return Future.failedFuture(e instanceof BotApiError b ? b.toSendFailure() : e);
        });
  }

  private Future<Void> replyOne(Incoming incoming, Reply reply, Notice notice) {
    ChatEvent event = incoming.event();
    if (reply.replacesPressed()) {
      // The poll the button was on, shown again with its live tally.
      return incoming.isCallback() && event.messageId() != null && !event.messageId().isEmpty()
          ? editMessageText(event.chat().id(), event.messageId(), reply)
          : Future.succeededFuture();
    }
    boolean group = event.chat().type() == ChatEvent.ChatType.GROUP;
    if (!(reply.privately() && group)) {
      String replyTo = group && !incoming.isCallback() ? event.messageId() : "";
      return deliver(event.chat(), reply, replyTo, false).mapEmpty();
    }
    ChatEvent.Chat own = new ChatEvent.Chat(event.from().id(), ChatEvent.ChatType.PRIVATE);
    return deliver(own, reply, "", false)
        .<Void>map(id -> {
          notice.offer(reply.text(), false);
          return null;
        })
        .recover(e -> {
          if (!(e instanceof BotApiError b && b.unreachable())) {
            return Future.failedFuture(e);
          }
          if (incoming.isCallback()) {
            notice.offer(reply.text(), true);
            return Future.succeededFuture();
          }
          return deliver(event.chat(), Reply.text(START_ME_FIRST), event.messageId(), false).mapEmpty();
        });
  }

  /** Sends every part of {@code reply}, each in its pacing slot; succeeds with the last message id. */
  private Future<String> deliver(ChatEvent.Chat chat, Reply reply, String replyTo, boolean firstSlotTaken) {
    List<MessageParts.Part> parts = MessageParts.of(chat.id(), reply, replyTo);
    Future<String> chain = Future.succeededFuture("");
    for (int i = 0; i < parts.size(); i++) {
      MessageParts.Part part = parts.get(i);
      boolean slotTaken = i == 0 && firstSlotTaken;
      chain = chain.compose(previous -> paced(chat, slotTaken).compose(v -> call(part)));
    }
    return chain;
  }

  private Future<Void> paced(ChatEvent.Chat chat, boolean slotTaken) {
    if (slotTaken) {
      return Future.succeededFuture();
    }
    ChatPacer.Slot slot = pacer.take(chat.id(), chat.type() == ChatEvent.ChatType.GROUP, MAX_REPLY_WAIT_MILLIS);
    if (!slot.granted()) {
      return Future
          .failedFuture(new SendFailure("the chat is over Telegram's sending pace for more than a minute", false,
              (slot.waitMillis() + 999) / 1000));
    }
    return slot.waitMillis() == 0 ? Future.succeededFuture() : vertx.timer(slot.waitMillis()).mapEmpty();
  }

  private Future<String> call(MessageParts.Part part) {
    Future<JsonObject> answer;
    if (part.png() == null) {
      answer = api.call(part.method(), part.params());
    } else {
      MultipartForm form = MultipartForm.create();
      part.params().forEach(p -> form.attribute(p.getKey(),
          p.getValue() instanceof JsonObject || p.getValue() instanceof JsonArray
              ? p.getValue().toString()
              : String.valueOf(p.getValue())));
      form.binaryFileUpload("photo", "chart.png", Buffer.buffer(part.png()), "image/png");
      answer = api.upload(part.method(), form);
    }
    return answer.map(body -> body.getValue("result") instanceof JsonObject m && m.getValue("message_id") != null
        ? String.valueOf(m.getValue("message_id"))
        : "");
  }

  /** What a button press is answered with: the first private reply's text, as an alert if it could not go privately. */
  private static final class Notice {
    private String text = "";
    private boolean alert;

    void offer(String candidate, boolean asAlert) {
      if (text.isEmpty() || (asAlert && !alert)) {
        text = candidate;
        alert = asAlert;
      }
    }
  }
}
