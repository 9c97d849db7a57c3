package org.linli.webhooks.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.config.Settings;
import org.linli.config.SettingsException;
import org.linli.config.SettingsLoader;

/** The Telegram settings under the variable names the issue fixes. */
class TelegramSettingsTest {

  @Test
  void by_default_the_channel_waits_for_webhooks_from_the_public_bot_api_with_nothing_set() {
    Settings.Telegram telegram = new SettingsLoader().load(Map.of()).telegram();

    assertThat(telegram.token().isSet()).isFalse();
    assertThat(telegram.secret().isSet()).isFalse();
    assertThat(telegram.apiUrl()).isEqualTo("https://api.telegram.org");
    assertThat(telegram.mode()).isEqualTo("webhook");
    assertThat(telegram.polling()).isFalse();
    assertThat(telegram.botUsername()).isEmpty();
  }

  @Test
  void the_linli_telegram_variables_set_token_api_url_mode_secret_and_username() {
    SettingsLoader loader = new SettingsLoader();
    Settings.Telegram telegram = loader.load(Map.of(
        "LINLI_TELEGRAM_TOKEN", "7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
        "LINLI_TELEGRAM_API_URL", "http://127.0.0.1:8081/",
        "LINLI_TELEGRAM_MODE", "polling",
        "LINLI_TELEGRAM_SECRET", "s3cr3t_Token-for-linli",
        "LINLI_TELEGRAM_BOT_USERNAME", "@linli_bot")).telegram();

    assertThat(telegram.token().reveal()).isEqualTo("7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
    assertThat(telegram.token().toString()).isEqualTo("********");
    assertThat(telegram.apiUrl()).isEqualTo("http://127.0.0.1:8081");
    assertThat(telegram.polling()).isTrue();
    assertThat(telegram.secret().matches("s3cr3t_Token-for-linli")).isTrue();
    assertThat(telegram.botUsername()).isEqualTo("linli_bot");
    assertThat(loader.warnings()).isEmpty();
  }

  @Test
  void an_unknown_mode_and_a_secret_telegram_would_refuse_stop_the_start() {
    assertThatThrownBy(() -> new SettingsLoader().load(Map.of("LINLI_TELEGRAM_MODE", "push")))
        .isInstanceOf(SettingsException.class).hasMessageContaining("telegram.mode must be webhook or polling");
    assertThatThrownBy(() -> new SettingsLoader().load(Map.of("LINLI_TELEGRAM_SECRET", "has spaces and ünïcode")))
        .isInstanceOf(SettingsException.class).hasMessageContaining("telegram.secret may hold only");
  }
}
