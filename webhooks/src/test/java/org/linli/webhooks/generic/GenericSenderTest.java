package org.linli.webhooks.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.webhooks.Futures.await;
import static org.linli.webhooks.Futures.failure;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.config.Secret;
import org.linli.webhooks.ChannelSender.SendFailure;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;

/**
 * The generic sender against a fake community app: a Vert.x server on loopback that records every
 * request and answers with the status the test scripts (no answer at all for status 0).
 */
@ExtendWith(VertxExtension.class)
class GenericSenderTest {

  private static final String TOKEN = "app-inbox-token";

  private Vertx vertx;
  private WebClient client;
  private HttpServer receiver;
  private final List<Recorded> received = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile String retryAfter;

  record Recorded(String method, String path, Map<String, String> headers, JsonObject body) {
  }

  @BeforeEach
  void start_the_fake_app(Vertx vertx) {
    this.vertx = vertx;
    client = WebClient.create(vertx);
    receiver = await(vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> {
          Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
          request.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
          received.add(new Recorded(request.method().name(), request.path(), headers, body.toJsonObject()));
          if (status == 0) {
            return;
          }
          if (retryAfter != null) {
            request.response().putHeader("Retry-After", retryAfter);
          }
          request.response().setStatusCode(status).end("{\"echo\": \"never logged\"}");
        }))
        .listen(0, "127.0.0.1"));
  }

  private String url() {
    return "http://127.0.0.1:" + receiver.actualPort() + "/linli/messages";
  }

  private GenericSender sender() {
    return new GenericSender(client, url(), Secret.of(TOKEN), Duration.ofMillis(500));
  }

  private static Outgoing message(Reply reply) {
    return new Outgoing("generic", new ChatEvent.Chat("g-7", ChatEvent.ChatType.GROUP), reply);
  }

  private static final Outgoing POLL = message(new Reply("投票：周六活动室开放到几点？",
      List.of(new Reply.Button("1 到18点", "vote:p1:1"), new Reply.Button("2 到21点", "vote:p1:2")), false));

  @Test
  void a_message_is_posted_as_json_with_the_bearer_token_and_the_outbox_id_as_idempotency_key() {
    await(sender().send("poll:p1", POLL));

    assertThat(received).hasSize(1);
    Recorded r = received.get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/linli/messages");
    assertThat(r.headers()).containsEntry("Authorization", "Bearer " + TOKEN)
        .containsEntry("Idempotency-Key", "poll:p1")
        .containsEntry("Content-Type", "application/json; charset=utf-8");
    assertThat(r.body()).isEqualTo(new JsonObject("""
        {"id": "poll:p1", "chat": {"id": "g-7", "type": "group"}, "text": "投票：周六活动室开放到几点？",
         "buttons": [{"label": "1 到18点", "data": "vote:p1:1"}, {"label": "2 到21点", "data": "vote:p1:2"}],
         "private": false, "forward": false}
        """));
  }

  @Test
  void an_image_goes_by_its_address_when_it_has_one_and_as_base64_otherwise() {
    byte[] png = "not really a png".getBytes(StandardCharsets.UTF_8);
    Reply chart = Reply.text("结果").withImage(new Reply.Image(png, "https://linli.example/charts/p1.png"));
    Reply inline = Reply.privateText("结果").withImage(new Reply.Image(png, ""));

    await(sender().send("result:p1", message(chart)));
    await(sender().send("result:p2", message(inline)));

    assertThat(received.get(0).body().getJsonObject("image"))
        .isEqualTo(new JsonObject().put("url", "https://linli.example/charts/p1.png"));
    assertThat(received.get(1).body().getJsonObject("image"))
        .isEqualTo(new JsonObject().put("base64", Base64.getEncoder().encodeToString(png)));
    assertThat(received.get(1).body().getBoolean("private")).isTrue();
  }

  @Test
  void without_a_token_no_authorization_header_is_sent() {
    await(new GenericSender(client, url(), Secret.none()).send("n1", POLL));

    assertThat(received.get(0).headers()).doesNotContainKey("Authorization");
  }

  @Test
  void a_refusal_with_a_client_error_is_permanent_and_names_the_status() {
    status = 400;
    SendFailure failure = failure(sender().send("n1", POLL));

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.getMessage()).contains("400").doesNotContain("never logged");
  }

  @Test
  void server_errors_timeouts_and_throttling_are_temporary() {
    for (int s : new int[]{408, 500, 503}) {
      status = s;
      assertThat(failure(sender().send("n1", POLL)).permanent()).as("status %d", s).isFalse();
    }
    status = 429;
    retryAfter = "120";
    SendFailure throttled = failure(sender().send("n1", POLL));
    assertThat(throttled.permanent()).isFalse();
    assertThat(throttled.retryAfterSeconds()).isEqualTo(120);

    status = 0;
    assertThat(failure(sender().send("n1", POLL)).permanent()).isFalse();
  }

  @Test
  void an_unreachable_receiver_is_a_temporary_failure() {
    await(receiver.close());

    SendFailure failure = failure(sender().send("n1", POLL));

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.getMessage()).startsWith("generic receiver unreachable");
  }

  @Test
  void without_an_outbound_address_the_channel_is_not_configured_and_sends_nothing() {
    GenericSender unset = new GenericSender(client, "", Secret.of(TOKEN));

    assertThat(unset.configured()).isFalse();
    assertThat(failure(unset.send("n1", POLL)).permanent()).isFalse();
    assertThat(received).isEmpty();
    assertThat(sender().configured()).isTrue();
  }

}
