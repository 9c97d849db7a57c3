package org.linli.bot.http;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import org.linli.bot.Conversation;
import org.linli.bot.outbox.Poster;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Reply;
import org.linli.webhooks.dingtalk.DingtalkChannel;
import org.linli.webhooks.feishu.FeishuChannel;
import org.linli.webhooks.telegram.TelegramChannel;
import org.linli.webhooks.wecom.WecomChannel;

/**
 * The chat platforms' callback routes: each adapter verifies and parses (before anything else),
 * the conversation answers, and the adapter renders the answer in its platform's form — in the
 * HTTP response where the platform takes it there, otherwise through the platform's API (WeCom's
 * replies that do not fit a passive reply go through the durable outbox).
 */
public final class PlatformRoutes {

  /** The adapters of the platforms. */
  public record Channels(TelegramChannel telegram, WecomChannel wecom, DingtalkChannel dingtalk, FeishuChannel feishu) {}

  private PlatformRoutes() {}

  /** Mounts {@code /webhooks/telegram}, {@code /webhooks/wecom} (GET and POST), {@code /webhooks/dingtalk}, {@code /webhooks/feishu}. */
  public static void mount(Router router, BodyHandler body, Channels channels, Conversation conversation, Poster outbox) {
    router.post("/webhooks/telegram").handler(body).handler(ctx -> channels.telegram().receive(ctx)
        .compose(events -> answer(conversation, events, true))
        .onSuccess(replies -> channels.telegram().respond(ctx, replies))
        .onFailure(ctx::fail));

    router.get("/webhooks/wecom").handler(channels.wecom()::verifyUrl);
    router.post("/webhooks/wecom").handler(body).handler(ctx -> channels.wecom().receive(ctx)
        .compose(events -> answer(conversation, events, false).compose(replies -> {
          // What does not fit the passive reply goes out through the outbox, durably.
          List<Future<Boolean>> queued = new ArrayList<>();
          var later = channels.wecom().toSend(ctx, replies);
          for (int i = 0; i < later.size(); i++) {
            String id = "wecom-" + (events.isEmpty() ? "none" : events.get(0).messageId()) + "-" + i;
            queued.add(outbox.post(id, later.get(i)));
          }
          return Future.all(queued).map(v -> replies);
        }))
        .onSuccess(replies -> channels.wecom().respond(ctx, replies))
        .onFailure(ctx::fail));

    router.post("/webhooks/dingtalk").handler(body).handler(ctx -> channels.dingtalk().receive(ctx)
        .compose(events -> answer(conversation, events, false))
        .onSuccess(replies -> channels.dingtalk().respond(ctx, replies))
        .onFailure(ctx::fail));

    router.post("/webhooks/feishu").handler(body).handler(ctx -> channels.feishu().receive(ctx)
        .compose(events -> answer(conversation, events, false))
        .onSuccess(replies -> channels.feishu().respond(ctx, replies))
        .onFailure(ctx::fail));
  }

  /**
   * The replies to every event, in order; without the "replace the pressed message" ones where the
   * platform cannot edit a sent message ({@code edits} false).
   */
  static Future<List<Reply>> answer(Conversation conversation, List<ChatEvent> events, boolean edits) {
    Future<List<Reply>> all = Future.succeededFuture(new ArrayList<>());
    for (ChatEvent event : events) {
      all = all.compose(list -> conversation.handle(event).map(replies -> {
        replies.stream().filter(r -> edits || !r.replacesPressed()).forEach(list::add);
        return list;
      }));
    }
    return all;
  }
}
