package org.linli.webhooks.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.webhooks.Futures.await;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.handler.HttpException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.config.Secret;
import org.linli.webhooks.ChannelRoutes;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.ChatService;
import org.linli.webhooks.Loopback;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;
import org.linli.webhooks.SettableClock;
import org.linli.webhooks.callback.Callbacks;

/**
 * A vote card in a DingTalk group, end to end on loopback: Linli sends it through a fake OpenAPI
 * that checks the documented createAndDeliver schema; the fake then presses a button as a member
 * would, posting the documented {@code actionCallback} signed by the documented rule to Linli's
 * card callback route; the route hands the press to a stand-in bot ({@link #replies}) and answers
 * DingTalk with the card update. Tampered, unsigned and stale callbacks are refused.
 */
class DingtalkCardCallbackTest {

  private static final String GROUP = "cidGroupA1b2C3+/xyz==";
  private static final String ROUTE_KEY = "linli-cards";
  private static final String API_SECRET = "card-callback-secret-for-tests";
  private static final String VOTER = "0457425834107293";
  private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");

  @RegisterExtension
  final Loopback loopback = new Loopback();
  private final SettableClock clock = new SettableClock(NOW);
  private FakeDingtalkOpenApi dingtalk;
  private DingtalkCardSender sender;
  private final List<ChatEvent> received = new CopyOnWriteArrayList<>();
  private final Map<String, Outgoing> posted = new ConcurrentHashMap<>();
  private volatile List<Reply> replies = List.of();

  @BeforeEach
  void start_dingtalk_and_linli() {
    dingtalk = loopback.start(new FakeDingtalkOpenApi()::start);
    DingtalkCardCallback callback = new DingtalkCardCallback(Secret.of(API_SECRET), clock);
    Router router = ChannelRoutes.router(loopback.vertx());
    ChatService bot = new ChatService(event -> {
      received.add(event);
      return Future.succeededFuture(replies);
    }, (id, message) -> {
      posted.put(id, message);
      return Future.succeededFuture(true);
    });
    router.post("/webhooks/dingtalk/cards").handler(Callbacks.handler(callback, bot, true));
    router.post("/closed").handler(Callbacks.handler(new DingtalkCardCallback(Secret.none(), clock), bot, true));
    int port = ChannelRoutes.listen(loopback.vertx(), router, DingtalkCardCallbackTest::failure);
    sender = new DingtalkCardSender(loopback.client(), dingtalk.url(), FakeDingtalkOpenApi.APP_KEY,
        Secret.of(FakeDingtalkOpenApi.APP_SECRET), "tpl-linli-buttons.schema", ROUTE_KEY, Secret.of(API_SECRET),
        clock, Duration.ofSeconds(2));
    await(sender.registerCallback("http://127.0.0.1:" + port + "/webhooks/dingtalk/cards", ROUTE_KEY,
        Secret.of(API_SECRET)));
  }

  private static void failure(RoutingContext rc) {
    int status = rc.failure() instanceof HttpException e ? e.getStatusCode() : 500;
    rc.response().setStatusCode(status)
        .end(new JsonObject().put("error", String.valueOf(rc.failure().getMessage())).encode());
  }

  private String sendPoll() {
    Reply poll = new Reply("投票：活动室开放到几点？\n请选择",
        List.of(new Reply.Button("到18点", "vote:p1:1"), new Reply.Button("到21点", "vote:p1:2")), false);
    await(
        sender.send("outbox-17", new Outgoing("dingtalk", new ChatEvent.Chat(GROUP, ChatEvent.ChatType.GROUP), poll)));
    return DingtalkCardSender.outTrackId("outbox-17");
  }

  @Test
  void a_group_vote_press_reaches_the_bot_and_is_confirmed_to_the_voter_alone() {
    String card = sendPoll();
    replies = List.of(
        Reply.privateText("你投了：到21点。"),
        Reply.replacingPressed("投票：活动室开放到几点？\n到18点 0票 · 到21点 1票",
            List.of(new Reply.Button("到18点", "vote:p1:1"), new Reply.Button("到21点", "vote:p1:2"))));

    HttpResponse<Buffer> answer = await(dingtalk.press(card, 1, VOTER, NOW.toEpochMilli()));

    assertThat(received).singleElement().satisfies(event -> {
      assertThat(event.platform()).isEqualTo("dingtalk");
      assertThat(event.chat()).isEqualTo(new ChatEvent.Chat(GROUP, ChatEvent.ChatType.GROUP));
      assertThat(event.from().id()).isEqualTo(VOTER);
      assertThat(event.callback()).isEqualTo("vote:p1:2");
      assertThat(event.isCallback()).isTrue();
      assertThat(event.text()).isEmpty();
    });
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonObject update = answer.bodyAsJsonObject();
    assertThat(update.getJsonObject("cardUpdateOptions"))
        .isEqualTo(new JsonObject().put("updateCardDataByKey", true).put("updatePrivateDataByKey", true));
    assertThat(update.getJsonObject("userPrivateData").getJsonObject("cardParamMap").getString("note"))
        .isEqualTo("你投了：到21点。");
    JsonObject tally = update.getJsonObject("cardData").getJsonObject("cardParamMap");
    assertThat(tally.getString("markdown")).isEqualTo("投票：活动室开放到几点？  \n到18点 0票 · 到21点 1票");
    assertThat(tally.stream()).allSatisfy(e -> assertThat(e.getValue()).isInstanceOf(String.class));
    assertThat(posted).isEmpty();
  }

  @Test
  void the_tally_keeps_working_buttons_so_a_second_member_can_vote_on_the_updated_card() {
    String card = sendPoll();
    replies = List.of(Reply.replacingPressed("投票：活动室开放到几点？\n到18点 1票",
        List.of(new Reply.Button("到18点", "vote:p1:1"), new Reply.Button("到21点", "vote:p1:2"))));
    JsonObject tally = await(dingtalk.press(card, 0, VOTER, NOW.toEpochMilli()))
        .bodyAsJsonObject().getJsonObject("cardData").getJsonObject("cardParamMap");
    String payload = new JsonArray(tally.getString("buttons")).getJsonObject(1).getString("payload");

    HttpResponse<Buffer> second = await(dingtalk.post(dingtalk.routeOf(card),
        FakeDingtalkOpenApi.callbackBody(card, "manager4455", payload), NOW.toEpochMilli()));

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(received).extracting(ChatEvent::callback).containsExactly("vote:p1:1", "vote:p1:2");
    assertThat(received).extracting(e -> e.from().id()).containsExactly(VOTER, "manager4455");
  }

  @Test
  void a_reply_for_the_whole_group_goes_to_the_group_through_the_outbox_once_per_callback() {
    String card = sendPoll();
    Reply guide = Reply.text("办理居住证需要身份证和租房合同。");
    replies = List.of(guide);

    HttpResponse<Buffer> answer = await(dingtalk.press(card, 0, VOTER, NOW.toEpochMilli()));
    HttpResponse<Buffer> retried = await(dingtalk.press(card, 0, VOTER, NOW.toEpochMilli()));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(answer.bodyAsJsonObject().containsKey("userPrivateData")).isFalse();
    assertThat(answer.bodyAsJsonObject().containsKey("cardData")).isFalse();
    assertThat(posted).hasSize(1);
    assertThat(posted.values()).containsExactly(
        new Outgoing("dingtalk", new ChatEvent.Chat(GROUP, ChatEvent.ChatType.GROUP), guide));
  }

  @Test
  void a_press_whose_button_data_was_tampered_with_is_refused_before_the_bot_sees_it() {
    String card = sendPoll();
    JsonArray buttons = new JsonArray(
        dingtalk.card(card).getJsonObject("cardData").getJsonObject("cardParamMap").getString("buttons"));
    String[] parts = buttons.getJsonObject(0).getString("payload").split("\\.");
    String otherOption = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("vote:p1:2".getBytes(StandardCharsets.UTF_8));
    String otherGroup = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("cidOtherGroup==".getBytes(StandardCharsets.UTF_8));

    HttpResponse<Buffer> data = await(dingtalk.post(dingtalk.routeOf(card),
        FakeDingtalkOpenApi.callbackBody(card, VOTER, parts[0] + "." + otherOption + "." + parts[2]),
        NOW.toEpochMilli()));
    HttpResponse<Buffer> group = await(dingtalk.post(dingtalk.routeOf(card),
        FakeDingtalkOpenApi.callbackBody(card, VOTER, otherGroup + "." + parts[1] + "." + parts[2]),
        NOW.toEpochMilli()));
    HttpResponse<Buffer> garbage = await(dingtalk.post(dingtalk.routeOf(card),
        FakeDingtalkOpenApi.callbackBody(card, VOTER, "vote:p1:2"), NOW.toEpochMilli()));

    assertThat(List.of(data.statusCode(), group.statusCode(), garbage.statusCode())).containsOnly(401);
    assertThat(received).isEmpty();
  }

  @Test
  void a_wrong_signature_a_missing_one_and_a_stale_one_are_refused() {
    String card = sendPoll();
    FakeDingtalkOpenApi.Route route = dingtalk.routeOf(card);
    FakeDingtalkOpenApi.Route impostor = new FakeDingtalkOpenApi.Route(route.url(), "not-the-secret");
    JsonArray buttons = new JsonArray(
        dingtalk.card(card).getJsonObject("cardData").getJsonObject("cardParamMap").getString("buttons"));
    String body = FakeDingtalkOpenApi.callbackBody(card, VOTER, buttons.getJsonObject(0).getString("payload"));

    int wrong = await(dingtalk.post(impostor, body, NOW.toEpochMilli())).statusCode();
    int unsigned = await(loopback.client().postAbs(route.url()).sendBuffer(Buffer.buffer(body))).statusCode();
    int stale = await(dingtalk.post(route, body,
        NOW.minus(DingtalkCardCallback.TOLERANCE).minusSeconds(1).toEpochMilli())).statusCode();
    int fresh = await(dingtalk.post(route, body, NOW.minusSeconds(30).toEpochMilli())).statusCode();

    assertThat(List.of(wrong, unsigned, stale)).containsOnly(401);
    assertThat(fresh).isEqualTo(200);
    assertThat(received).hasSize(1);
  }

  @Test
  void a_timestamp_in_seconds_is_read_as_seconds() {
    Secret secret = Secret.of(API_SECRET);
    long seconds = NOW.getEpochSecond();
    String signature = FakeDingtalkOpenApi.documentedSignature(API_SECRET, seconds);

    assertThat(DingtalkCardCallback.refusal(secret, Long.toString(seconds), signature, NOW.toEpochMilli())).isNull();
    assertThat(DingtalkCardCallback.refusal(secret, Long.toString(seconds), signature,
        NOW.plus(Duration.ofHours(1)).toEpochMilli())).contains("minutes from our clock");
  }

  @Test
  void a_callback_that_is_not_a_button_press_gives_no_event_and_an_empty_answer() {
    String card = sendPoll();
    String other = new JsonObject().put("type", "dynamicDataSource").put("outTrackId", card).put("userId", VOTER)
        .encode();

    HttpResponse<Buffer> answer = await(dingtalk.post(dingtalk.routeOf(card), other, NOW.toEpochMilli()));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.bodyAsJsonObject()).isEqualTo(new JsonObject());
    assertThat(received).isEmpty();
  }

  @Test
  void a_malformed_body_is_a_400_and_without_an_api_secret_the_route_is_closed() {
    String card = sendPoll();

    int malformed = await(dingtalk.post(dingtalk.routeOf(card), "{not json", NOW.toEpochMilli())).statusCode();
    int noUser = await(dingtalk.post(dingtalk.routeOf(card),
        new JsonObject().put("type", "actionCallback").put("outTrackId", card).encode(), NOW.toEpochMilli()))
        .statusCode();

    FakeDingtalkOpenApi.Route route = dingtalk.routeOf(card);
    JsonArray buttons = new JsonArray(
        dingtalk.card(card).getJsonObject("cardData").getJsonObject("cardParamMap").getString("buttons"));
    String press = FakeDingtalkOpenApi.callbackBody(card, VOTER, buttons.getJsonObject(0).getString("payload"));
    FakeDingtalkOpenApi.Route toClosed = new FakeDingtalkOpenApi.Route(
        route.url().replace("/webhooks/dingtalk/cards", "/closed"), API_SECRET);
    int closed = await(dingtalk.post(toClosed, press, NOW.toEpochMilli())).statusCode();

    assertThat(malformed).isEqualTo(400);
    assertThat(noUser).isEqualTo(400);
    assertThat(closed).isEqualTo(401);
    assertThat(received).isEmpty();
  }
}
