package org.linli.webhooks.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.webhooks.Futures.await;
import static org.linli.webhooks.Futures.failure;
import static org.linli.webhooks.wecom.FakeWecomApi.MEDIA_GET;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.webhooks.ChannelSender.SendFailure;
import org.linli.webhooks.Loopback;
import org.linli.webhooks.MediaDownload;
import org.linli.webhooks.SettableClock;

/** A resident's image is fetched with media/get by its MediaId, against a fake WeCom API. */
class WecomMediaTest {

  @RegisterExtension
  final Loopback loopback = new Loopback();
  private final FakeWecomApi api = new FakeWecomApi();
  private final SettableClock clock = new SettableClock(Instant.parse("2025-01-01T00:00:00Z"));

  @BeforeEach
  void start() {
    loopback.start(api::start);
  }

  private WecomSender sender() {
    return new WecomSender(loopback.client(), Fixtures.settings(api.url(), "app-secret", "1000002", 20), clock,
        Duration.ofMillis(1000));
  }

  @Test
  void an_image_is_downloaded_by_its_media_id_with_the_access_token() {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 9, 9};
    api.media("media_id_1", jpeg);

    assertThat(await(sender().media("media_id_1", 1000)).getBytes()).isEqualTo(jpeg);
    assertThat(api.calls(MEDIA_GET).get(0).query()).containsEntry("media_id", "media_id_1")
        .containsEntry("access_token", "TOKEN-1");
  }

  @Test
  void an_unknown_media_id_and_an_image_over_the_limit_fail() {
    api.media("big", new byte[4096]);

    assertThat(failure(sender().media("gone", 1000), Throwable.class)).isInstanceOf(SendFailure.class)
        .hasMessageContaining("40007");
    assertThat(failure(sender().media("big", 1000), Throwable.class)).isInstanceOf(MediaDownload.TooLarge.class);
  }
}
