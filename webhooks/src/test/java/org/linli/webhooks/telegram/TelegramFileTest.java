package org.linli.webhooks.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.webhooks.telegram.Fixtures.TOKEN;
import static org.linli.webhooks.telegram.Fixtures.await;
import static org.linli.webhooks.telegram.Fixtures.failure;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.linli.config.Secret;
import org.linli.webhooks.MediaDownload;

/** A resident's photo is downloaded with getFile and the file URL, against a fake Bot API. */
@ExtendWith(VertxExtension.class)
class TelegramFileTest {

  private FakeBotApi telegram;
  private TelegramBotApi api;

  @BeforeEach
  void start_a_fake_telegram(Vertx vertx) {
    telegram = await(FakeBotApi.start(vertx, TOKEN));
    api = new TelegramBotApi(WebClient.create(vertx), telegram.url(), Secret.of(TOKEN));
  }

  @Test
  void a_photo_is_fetched_by_its_file_id_through_getFile_and_the_file_path() {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB, 1, 2, 3};
    telegram.file("AgACAgUAAxkBAAIBX2Z_large", jpeg);

    assertThat(await(api.file("AgACAgUAAxkBAAIBX2Z_large", 1000)).getBytes()).isEqualTo(jpeg);
    assertThat(telegram.calls("getFile").get(0).params().getString("file_id")).isEqualTo("AgACAgUAAxkBAAIBX2Z_large");
  }

  @Test
  void a_file_larger_than_the_limit_is_refused_before_it_is_downloaded() {
    telegram.file("big", new byte[2048]);

    assertThat(failure(api.file("big", 1024))).isInstanceOf(MediaDownload.TooLarge.class);
  }

  @Test
  void an_unknown_file_id_fails_without_naming_the_token() {
    Throwable e = failure(api.file("nope", 1024));

    assertThat(e).isInstanceOf(BotApiError.class);
    assertThat(e.getMessage()).doesNotContain(TOKEN);
  }
}
