package org.linli.bot;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.linli.webhooks.hub.FakeHub;
import org.linli.webhooks.hub.SpecSignature;

/**
 * The peers of a help-line test, fresh for each test: a fake hub and a fake chat app on loopback,
 * and the settings that point a service at them ({@link #hubEnv()}, to which a test adds its own).
 */
abstract class WithHubAndChatApp {

  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final String HUB_TOKEN = "hub-token";

  FakeHub hub;
  FakeChatApp app;

  @BeforeEach
  void start_the_hub_and_the_chat_app() {
    hub = FakeHub.standalone();
    app = new FakeChatApp();
  }

  @AfterEach
  void stop_the_hub_and_the_chat_app() {
    RunningService.await(hub.close());
    app.close();
  }

  /** The hub (its URL, secret and token) and the chat app as the service's settings; outbox polled every 50 ms. */
  Map<String, String> hubEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("LINLI_HUB_URL", hub.url());
    env.put("LINLI_HUB_SECRET", SECRET);
    env.put("LINLI_HUB_TOKEN", HUB_TOKEN);
    env.put("LINLI_GENERIC_OUTBOUND_URL", app.url());
    env.put("LINLI_OUTBOX_POLL_MILLIS", "50");
    return env;
  }

  /** {@link #hubEnv()}, with quick retries (0, 1, 1 s) and {@code mod} moderating chat g1. */
  Map<String, String> helplineEnv() {
    Map<String, String> env = hubEnv();
    env.put("LINLI_OUTBOX_RETRY_SECONDS", "0,1,1");
    env.put("LINLI_CONSULTATION_MODERATORS", "g1:mod");
    return env;
  }

  /** What the service answers the hub's callback {@code event}, signed with {@link #SECRET} as message {@code id}. */
  static HttpResponse<Buffer> hubCallback(RunningService service, String id, JsonObject event) {
    byte[] body = event.encode().getBytes(StandardCharsets.UTF_8);
    String timestamp = String.valueOf(Instant.now().getEpochSecond());
    return RunningService.await(service.client.post("/webhooks/hub")
        .putHeader("Content-Type", "application/json")
        .putHeader("webhook-id", id)
        .putHeader("webhook-timestamp", timestamp)
        .putHeader("webhook-signature", SpecSignature.of(SECRET, id, timestamp, body))
        .sendBuffer(Buffer.buffer(body)));
  }
}
