package org.linli.webhooks.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.webhooks.telegram.Fixtures.BOT;
import static org.linli.webhooks.telegram.Fixtures.TOKEN;
import static org.linli.webhooks.telegram.Fixtures.await;
import static org.linli.webhooks.telegram.Fixtures.eventually;
import static org.linli.webhooks.telegram.Fixtures.update;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.config.Secret;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Reply;
import org.linli.webhooks.SeenKeys;

/**
 * The poller against a {@link FakeBotApi} whose getUpdates queue the test fills; the bot is a
 * function that records each event and answers with one line.
 */
class TelegramPollerTest {

  private Vertx vertx;
  private FakeBotApi telegram;
  private TelegramPoller poller;
  private final List<ChatEvent> handled = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start_a_fake_telegram() {
    vertx = Vertx.vertx();
    telegram = await(FakeBotApi.start(vertx, TOKEN));
  }

  @AfterEach
  void stop() {
    if (poller != null) {
      await(poller.stop());
    }
    await(vertx.close());
  }

  private TelegramPoller poller(Function<ChatEvent, Future<List<Reply>>> bot) {
    TelegramBotApi api = new TelegramBotApi(WebClient.create(vertx), telegram.url(), Secret.of(TOKEN),
        Duration.ofSeconds(2));
    poller = new TelegramPoller(vertx, api, BOT, new SeenKeys(), new TelegramSender(vertx, api), bot,
        Duration.ofSeconds(1), Duration.ofMillis(50));
    return poller;
  }

  /** A fixture under the next update_id of the fake, as Telegram numbers updates in order of arrival. */
  private static JsonObject fresh(String fixture) {
    JsonObject update = update(fixture);
    update.remove("update_id");
    return update;
  }

  private Future<List<Reply>> answer(ChatEvent event) {
    handled.add(event);
    return Future.succeededFuture(event.isCallback() ? List.of() : List.of(Reply.text("收到")));
  }

  @Test
  void each_round_asks_after_the_last_update_and_every_update_reaches_the_bot_once() {
    telegram.push(fresh("group_mention"));
    telegram.push(fresh("private_message"));
    await(poller(this::answer).start());

    eventually(() -> handled.size() == 2);
    telegram.push(fresh("callback_query"));
    eventually(() -> handled.size() == 3);
    eventually(() -> telegram.calls("answerCallbackQuery").size() == 1);
    // the round after the callback asks from the offset past it
    eventually(() -> telegram.calls("getUpdates").stream()
        .anyMatch(c -> Integer.valueOf(100_003).equals(c.params().getValue("offset"))));

    assertThat(telegram.calls("deleteWebhook")).hasSize(1);
    assertThat(handled).extracting(ChatEvent::messageId).containsExactly("1365", "88", "1360");
    assertThat(telegram.calls("sendMessage")).hasSize(2);
    List<Object> offsets = telegram.calls("getUpdates").stream().map(c -> c.params().getValue("offset")).toList();
    assertThat(offsets.get(0)).isNull();
    assertThat(offsets).contains(100_002, 100_003);
    assertThat(poller.offset()).isEqualTo(100_003L);
    assertThat(telegram.calls("getUpdates").get(0).params().getJsonArray("allowed_updates"))
        .isEqualTo(new JsonArray().add("message").add("callback_query"));
    assertThat(telegram.calls("getUpdates").get(0).params().getInteger("timeout")).isEqualTo(1);
  }

  @Test
  void polling_survives_a_502_garbage_and_a_conflict_and_goes_on() {
    telegram.script("getUpdates", 502, "<html><body>502 Bad Gateway</body></html>")
        .script("getUpdates", 200, "{\"ok\": true, \"result\": [")
        .script("getUpdates", 409,
            "{\"ok\": false, \"error_code\": 409, \"description\": \"Conflict: can't use getUpdates method while webhook is active\"}");
    await(poller(this::answer).start());

    telegram.push(fresh("group_mention"));

    eventually(() -> handled.size() == 1);
    assertThat(telegram.calls("getUpdates").size()).isGreaterThanOrEqualTo(4);
    eventually(() -> telegram.calls("sendMessage").size() == 1);
  }

  @Test
  void updates_the_bot_ignores_and_a_bot_that_fails_still_move_the_offset_on() {
    telegram.push(fresh("group_chatter"));
    telegram.push(fresh("group_mention"));
    telegram.push(fresh("private_message"));
    await(poller(event -> {
      handled.add(event);
      return event.chat().type() == ChatEvent.ChatType.GROUP
          ? Future.failedFuture(new IllegalStateException("the store is down"))
          : Future.succeededFuture(List.of(Reply.text("收到")));
    }).start());

    eventually(() -> handled.size() == 2);
    eventually(() -> poller.offset() == 100_003L);
    eventually(() -> telegram.calls("sendMessage").size() == 1);
    assertThat(handled).extracting(ChatEvent::messageId).containsExactly("1365", "88");
  }

  @Test
  void after_stop_no_update_reaches_the_bot() throws InterruptedException {
    await(poller(this::answer).start());
    eventually(() -> telegram.calls("getUpdates").size() == 1);

    await(poller.stop());
    telegram.push(fresh("private_message"));
    Thread.sleep(300);

    assertThat(handled).isEmpty();
    assertThat(telegram.calls("getUpdates")).hasSize(1);
  }
}
