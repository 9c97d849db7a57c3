package org.linli.webhooks.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.webhooks.Futures.await;
import static org.linli.webhooks.Futures.failure;
import static org.linli.webhooks.dingtalk.FakeDingtalkOpenApi.CREATE;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.config.Secret;
import org.linli.webhooks.ChannelSender.SendFailure;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Loopback;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;
import org.linli.webhooks.SettableClock;

/**
 * The card sender against a fake DingTalk OpenAPI on loopback that checks each createAndDeliver
 * request against the documented schema: what DingTalk receives for a reply with buttons, how the
 * access token is kept, and which failures the outbox may retry.
 */
class DingtalkCardSenderTest {

  private static final String GROUP = "cidGroupA1b2C3+/xyz==";
  private static final String TEMPLATE = "tpl-linli-buttons.schema";
  private static final String ROUTE_KEY = "linli-cards";
  private static final Secret CALLBACK_SECRET = Secret.of("card-callback-secret-for-tests");
  private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

  @RegisterExtension
  final Loopback loopback = new Loopback();
  private final SettableClock clock = new SettableClock(NOW);
  private FakeDingtalkOpenApi dingtalk;
  private DingtalkCardSender sender;

  @BeforeEach
  void start_a_fake_open_api() {
    dingtalk = loopback.start(new FakeDingtalkOpenApi()::start);
    dingtalk.route(ROUTE_KEY, "https://linli.example/webhooks/dingtalk/cards", CALLBACK_SECRET.reveal());
    sender = sender(Secret.of(FakeDingtalkOpenApi.APP_SECRET), TEMPLATE);
  }

  private DingtalkCardSender sender(Secret appSecret, String template) {
    return new DingtalkCardSender(loopback.client(), dingtalk.url(), FakeDingtalkOpenApi.APP_KEY, appSecret,
        template, ROUTE_KEY, CALLBACK_SECRET, clock, Duration.ofSeconds(2));
  }

  private static Outgoing toGroup(Reply reply) {
    return new Outgoing("dingtalk", new ChatEvent.Chat(GROUP, ChatEvent.ChatType.GROUP), reply);
  }

  private static Reply poll() {
    return new Reply("投票：活动室开放到几点？\n请选择",
        List.of(new Reply.Button("到18点", "vote:p1:1"), new Reply.Button("到21点", "vote:p1:2")), false);
  }

  @Test
  void a_poll_becomes_a_group_card_on_the_template_whose_buttons_carry_sealed_linli_data() {
    await(sender.send("outbox-1", toGroup(poll())));

    FakeDingtalkOpenApi.Call call = dingtalk.calls(CREATE).get(0);
    JsonObject body = call.json();
    assertThat(call.token()).isEqualTo("at-1");
    assertThat(body.getString("cardTemplateId")).isEqualTo(TEMPLATE);
    assertThat(body.getString("outTrackId")).isEqualTo(DingtalkCardSender.outTrackId("outbox-1"))
        .matches("[0-9a-f]{64}");
    assertThat(body.getString("callbackType")).isEqualTo("HTTP");
    assertThat(body.getString("callbackRouteKey")).isEqualTo(ROUTE_KEY);
    assertThat(body.getString("openSpaceId")).isEqualTo("dtv1.card//IM_GROUP." + GROUP);
    assertThat(body.getJsonObject("imGroupOpenDeliverModel").getString("robotCode"))
        .isEqualTo(FakeDingtalkOpenApi.APP_KEY);
    assertThat(body.getJsonObject("imGroupOpenSpaceModel").getBoolean("supportForward")).isFalse();
    JsonObject params = body.getJsonObject("cardData").getJsonObject("cardParamMap");
    assertThat(params.getString("title")).isEqualTo("投票：活动室开放到几点？");
    assertThat(params.getString("markdown")).isEqualTo("投票：活动室开放到几点？  \n请选择");
    JsonArray buttons = new JsonArray(params.getString("buttons"));
    assertThat(buttons).hasSize(2);
    assertThat(buttons.getJsonObject(1).getString("text")).isEqualTo("到21点");
    CardPayloads payloads = new CardPayloads(CALLBACK_SECRET);
    assertThat(payloads.open(buttons.getJsonObject(1).getString("payload")))
        .contains(new CardPayloads.Press(GROUP, "vote:p1:2"));
    assertThat(new CardPayloads(Secret.of("another-secret")).open(buttons.getJsonObject(1).getString("payload")))
        .isEmpty();
  }

  @Test
  void a_retried_delivery_names_the_same_card_and_a_new_message_a_new_one() {
    await(sender.send("outbox-1", toGroup(poll())));
    await(sender.send("outbox-1", toGroup(poll())));
    await(sender.send("outbox-2", toGroup(poll())));

    assertThat(dingtalk.calls(CREATE)).extracting(c -> c.json().getString("outTrackId")).containsExactly(
        DingtalkCardSender.outTrackId("outbox-1"), DingtalkCardSender.outTrackId("outbox-1"),
        DingtalkCardSender.outTrackId("outbox-2"));
  }

  @Test
  void one_access_token_serves_many_cards_and_a_revoked_one_is_replaced_after_a_temporary_failure() {
    await(sender.send("a", toGroup(poll())));
    await(sender.send("b", toGroup(poll())));
    dingtalk.revokeTokens();

    SendFailure refused = failure(sender.send("c", toGroup(poll())));
    await(sender.send("c", toGroup(poll())));

    assertThat(dingtalk.calls("/v1.0/oauth2/accessToken")).hasSize(2);
    assertThat(refused.permanent()).isFalse();
    assertThat(dingtalk.calls(CREATE)).extracting(FakeDingtalkOpenApi.Call::token).containsExactly("at-1", "at-1",
        "at-1", "at-2");
  }

  @Test
  void wrong_app_credentials_are_a_temporary_failure_and_no_card_is_sent() {
    SendFailure failure = failure(sender(Secret.of("wrong"), TEMPLATE).send("a", toGroup(poll())));

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.getMessage()).contains("invalidClientIdOrSecret");
    assertThat(dingtalk.calls(CREATE)).isEmpty();
  }

  @Test
  void a_429_is_temporary_with_its_retry_after_and_server_errors_are_temporary() {
    dingtalk.answerCards(
        new FakeDingtalkOpenApi.Answer(429, Map.of("Retry-After", "7"), new JsonObject().put("code", "Throttling")),
        FakeDingtalkOpenApi.Answer.code(503, "system.busy"));

    SendFailure throttled = failure(sender.send("a", toGroup(poll())));
    SendFailure busy = failure(sender.send("a", toGroup(poll())));
    await(sender.send("a", toGroup(poll())));

    assertThat(throttled.permanent()).isFalse();
    assertThat(throttled.retryAfterSeconds()).isEqualTo(7);
    assertThat(busy.permanent()).isFalse();
    assertThat(dingtalk.card(DingtalkCardSender.outTrackId("a"))).isNotNull();
  }

  @Test
  void a_card_dingtalk_refuses_fails_for_good() {
    SendFailure noTemplate = failure(sender(Secret.of(FakeDingtalkOpenApi.APP_SECRET), " ").send("a", toGroup(poll())));
    dingtalk.answerCards(new FakeDingtalkOpenApi.Answer(200, Map.of(),
        new JsonObject().put("success", true).put("result",
            new JsonObject().put("deliverResults", new JsonArray().add(new JsonObject()
                .put("spaceType", "IM_GROUP").put("success", false).put("errorMsg", "robot not in group"))))));
    SendFailure notDelivered = failure(sender.send("b", toGroup(poll())));

    assertThat(noTemplate.permanent()).isTrue();
    assertThat(noTemplate.getMessage()).contains("param.invalid");
    assertThat(notDelivered.permanent()).isTrue();
    assertThat(notDelivered.getMessage()).contains("robot not in group");
  }

  @Test
  void only_a_group_reply_with_buttons_goes_as_a_card() {
    Outgoing text = toGroup(Reply.text("周六上午9点活动室开放。"));
    Outgoing privately = new Outgoing("dingtalk", new ChatEvent.Chat("cidPrivate==", ChatEvent.ChatType.PRIVATE),
        poll());

    assertThat(DingtalkCardSender.handles(toGroup(poll()))).isTrue();
    assertThat(DingtalkCardSender.handles(text)).isFalse();
    assertThat(DingtalkCardSender.handles(privately)).isFalse();
    assertThat(failure(sender.send("a", privately)).permanent()).isTrue();
    assertThat(dingtalk.calls(CREATE)).isEmpty();
  }

  @Test
  void the_sender_is_configured_only_with_every_card_setting() {
    assertThat(sender.configured()).isTrue();
    assertThat(sender(Secret.none(), TEMPLATE).configured()).isFalse();
    assertThat(sender(Secret.of(FakeDingtalkOpenApi.APP_SECRET), "").configured()).isFalse();
  }

  @Test
  void a_long_title_is_cut_between_code_points_never_inside_an_emoji() {
    String text = "🏠".repeat(29) + "👍👍 后面还有";

    String title = DingtalkCards.title(text);

    assertThat(title).isEqualTo("🏠".repeat(29) + "👍…");
    assertThat(title.codePoints().noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE))
        .isTrue();
    assertThat(DingtalkCards.title("短标题\n第二行")).isEqualTo("短标题");
  }

}
