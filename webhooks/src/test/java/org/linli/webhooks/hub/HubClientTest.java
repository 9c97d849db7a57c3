package org.linli.webhooks.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.webhooks.Futures.await;
import static org.linli.webhooks.Futures.failure;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.config.Secret;
import org.linli.webhooks.ChannelSender.SendFailure;
import org.linli.webhooks.Eventually;
import org.linli.webhooks.Loopback;
import org.linli.webhooks.hub.FakeHub.Answer;

/** The hub client's pool and gate against a fake hub on loopback that accepts and never answers. */
class HubClientTest {

  private static final byte[] EVENT = "{\"type\":\"ticket.created\"}".getBytes(StandardCharsets.UTF_8);

  @RegisterExtension
  final Loopback loopback = new Loopback();

  @Test
  void a_delivery_beyond_the_connections_fails_at_once_as_busy_without_reaching_the_hub() {
    FakeHub hub = loopback.start(new FakeHub()::start);
    hub.answer(Answer.of(0));
    HubClient client = HubClient.create(loopback.vertx(), 2, Duration.ofSeconds(1));
    HubSender sender = new HubSender(client, hub.url(), new StandardWebhooks(Secret.of(StandardWebhooks.newSecret())),
        Clock.systemUTC(), Duration.ofSeconds(3));
    try {
      Future<Void> first = sender.send("msg_a", EVENT);
      Future<Void> second = sender.send("msg_b", EVENT);
      Future<Void> third = sender.send("msg_c", EVENT);

      assertThat(client.inFlight()).isEqualTo(2);
      assertThat(failure(third, HubBusy.class).getMessage()).contains("not sent", "msg_c");
      Eventually.first(hub::received, r -> r.webhookId().equals("msg_b"), Duration.ofSeconds(5),
          Duration.ofMillis(20), () -> "the second delivery did not reach the hub");
      assertThat(failure(first, SendFailure.class).permanent()).isFalse();
      assertThat(failure(second, SendFailure.class).permanent()).isFalse();
      assertThat(hub.received()).extracting(FakeHub.Received::webhookId).containsExactlyInAnyOrder("msg_a", "msg_b");
      assertThat(client.inFlight()).isZero();

      hub.answer(Answer.of(204));
      await(sender.send("msg_c", EVENT));
      assertThat(hub.received()).extracting(FakeHub.Received::webhookId).contains("msg_c");
    } finally {
      client.close();
    }
  }
}
