package org.linli.webhooks.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.config.Settings;
import org.linli.config.SettingsException;
import org.linli.config.SettingsLoader;

/** The {@code wecom} settings as an operator gives them: the documented defaults, then variables. */
class WecomSettingsTest {

  @Test
  void the_contract_variables_set_token_key_and_corp_id_and_the_api_defaults_to_tencent() {
    SettingsLoader loader = new SettingsLoader();
    Settings.Wecom wecom = loader.load(Map.of(
        "LINLI_WECOM_TOKEN", Fixtures.TOKEN,
        "LINLI_WECOM_AES_KEY", Fixtures.AES_KEY,
        "LINLI_WECOM_CORP_ID", Fixtures.CORP_ID,
        "LINLI_WECOM_SECRET", "app-secret",
        "LINLI_WECOM_AGENT_ID", "1000002",
        "LINLI_WECOM_BOT_NAME", "邻里小助手")).wecom();

    assertThat(loader.warnings()).isEmpty();
    assertThat(wecom.token().matches(Fixtures.TOKEN)).isTrue();
    assertThat(wecom.aesKey().reveal()).isEqualTo(Fixtures.AES_KEY);
    assertThat(wecom.corpId()).isEqualTo(Fixtures.CORP_ID);
    assertThat(wecom.secret().reveal()).isEqualTo("app-secret");
    assertThat(wecom.agentId()).isEqualTo("1000002");
    assertThat(wecom.botName()).isEqualTo("邻里小助手");
    assertThat(wecom.apiUrl()).isEqualTo("https://qyapi.weixin.qq.com");
    assertThat(wecom.perChatPerMinute()).isEqualTo(20);
    assertThat(wecom.toString()).doesNotContain(Fixtures.TOKEN, Fixtures.AES_KEY, "app-secret");
  }

  @Test
  void by_default_the_channel_is_closed_and_sends_nothing() {
    Settings.Wecom wecom = new SettingsLoader().load(Map.of()).wecom();

    assertThat(wecom.token().isSet()).isFalse();
    assertThat(wecom.aesKey().isSet()).isFalse();
    assertThat(wecom.corpId()).isEmpty();
    Vertx vertx = Vertx.vertx();
    try {
      assertThat(new WecomSender(WebClient.create(vertx), wecom).configured()).isFalse();
    } finally {
      vertx.close();
    }
  }

  @Test
  void an_aes_key_that_is_not_43_characters_or_a_non_numeric_agent_id_is_refused_at_start() {
    assertThatThrownBy(() -> new SettingsLoader().load(Map.of("LINLI_WECOM_AES_KEY", "too-short")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("wecom.aesKey");
    assertThatThrownBy(() -> new SettingsLoader().load(Map.of("LINLI_WECOM_AGENT_ID", "app")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("wecom.agentId");
    assertThatThrownBy(() -> new SettingsLoader().load(Map.of("LINLI_WECOM_API_URL", "qyapi.weixin.qq.com")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("wecom.apiUrl");
  }
}
