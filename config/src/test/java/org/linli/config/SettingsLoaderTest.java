package org.linli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsLoaderTest {

  @TempDir
  Path dir;

  @Test
  void with_no_file_and_no_variables_the_documented_defaults_apply() {
    SettingsLoader loader = new SettingsLoader();

    Settings settings = loader.load(Map.of());

    assertThat(settings.http().port()).isEqualTo(8080);
    assertThat(settings.http().bodyLimitBytes()).isEqualTo(65536);
    assertThat(settings.data().dir()).isEqualTo("./data");
    assertThat(settings.data().path().isAbsolute()).isTrue();
    assertThat(settings.data().path().getFileName()).hasToString("data");
    assertThat(settings.redis().url()).isBlank();
    assertThat(settings.redis().embedded()).isTrue();
    assertThat(settings.kb().shipped()).isTrue();
    assertThat(settings.kb().workerThreads()).isEqualTo(8);
    assertThat(settings.kb().modelThreads()).isEqualTo(2);
    assertThat(settings.kb().maxAlternatives()).isEqualTo(3);
    assertThat(settings.admin().token().isSet()).isFalse();
    assertThat(settings.generic().token().isSet()).isFalse();
    assertThat(loader.warnings()).isEmpty();
  }

  @Test
  void environment_variables_override_the_defaults() {
    Settings settings = new SettingsLoader()
        .load(
            Map.of(
                "LINLI_HTTP_PORT", "9090",
                "LINLI_KB_WORKER_THREADS", "4",
                "LINLI_REDIS_URL", "redis://127.0.0.1:6380/0",
                "LINLI_GENERIC_TOKEN", "app-token"));

    assertThat(settings.http().port()).isEqualTo(9090);
    assertThat(settings.kb().workerThreads()).isEqualTo(4);
    assertThat(settings.redis().embedded()).isFalse();
    assertThat(settings.generic().token().matches("app-token")).isTrue();
  }

  @Test
  void the_hotline_and_the_emergency_numbers_default_to_the_mainlands_and_can_be_set() {
    Settings.Phones defaults = new SettingsLoader().load(Map.of()).phones();
    Settings.Phones set = new SettingsLoader().load(Map.of(
        "LINLI_PHONES_HOTLINE", " 0571-12345 ", "LINLI_PHONES_AMBULANCE", "999")).phones();

    assertThat(defaults).isEqualTo(new Settings.Phones("12345", "110", "119", "120"));
    assertThat(set.hotline()).isEqualTo("0571-12345");
    assertThat(set.ambulance()).isEqualTo("999");
    assertThat(set.police()).isEqualTo("110");
    assertThatThrownBy(() -> new SettingsLoader().load(Map.of("LINLI_PHONES_FIRE", "call us")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("phones.fire");
  }

  @Test
  void logs_are_text_unless_json_is_asked_for_and_any_other_layout_stops_the_start() {
    assertThat(new SettingsLoader().load(Map.of()).log().format()).isEqualTo("text");
    assertThat(new SettingsLoader().load(Map.of("LINLI_LOG_FORMAT", "JSON")).log().format()).isEqualTo("json");
    assertThatThrownBy(() -> new SettingsLoader().load(Map.of("LINLI_LOG_FORMAT", "xml")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("log.format must be text or json");
  }

  @Test
  void the_metrics_token_is_a_secret_unset_by_default() {
    assertThat(new SettingsLoader().load(Map.of()).metrics().token().isSet()).isFalse();
    Settings.Metrics set = new SettingsLoader().load(Map.of("LINLI_METRICS_TOKEN", "scrape-me")).metrics();
    assertThat(set.token().isSet()).isTrue();
    assertThat(set.toString()).doesNotContain("scrape-me");
  }

  @Test
  void a_refused_value_is_named_without_printing_the_secrets_beside_it() {
    assertThatThrownBy(() -> new SettingsLoader().load(Map.of(
        "LINLI_WECOM_SECRET", "very-secret-value", "LINLI_WECOM_AGENT_ID", "abc")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("wecom.agentId")
        .hasMessageNotContaining("very-secret-value");
  }

  @Test
  void the_ballot_sealing_key_is_a_secret_from_its_variable_and_a_short_one_is_refused_without_printing_it() {
    Settings settings = new SettingsLoader().load(
        Map.of("LINLI_CONSULTATION_BALLOT_SEAL_KEY", "0123456789abcdef0123456789abcdef"));

    assertThat(settings.consultation().ballotSealKey().reveal()).isEqualTo("0123456789abcdef0123456789abcdef");
    assertThat(settings.consultation().ballotSealKey()).hasToString("********");
    assertThat(new SettingsLoader().load(Map.of()).consultation().ballotSealKey().isSet()).isFalse();
    assertThatThrownBy(() -> new SettingsLoader().load(Map.of("LINLI_CONSULTATION_BALLOT_SEAL_KEY", "too-short-seal")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("consultation.ballotSealKey")
        .hasMessageNotContaining("too-short-seal");
  }

  @Test
  void a_list_setting_is_written_comma_separated_in_its_variable() {
    Settings settings = new SettingsLoader().load(Map.of("LINLI_OUTBOX_RETRY_SECONDS", "1, 2,5"));

    assertThat(settings.outbox().retrySeconds()).containsExactly(1, 2, 5);
    assertThat(new SettingsLoader().load(Map.of()).outbox().retrySeconds())
        .containsExactly(5, 300, 1800, 7200, 18000, 36000, 36000);
  }

  @Test
  void an_outbound_url_that_is_not_http_is_refused_naming_the_setting() {
    assertThatThrownBy(() -> new SettingsLoader().load(Map.of("LINLI_GENERIC_OUTBOUND_URL", "ftp://x")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("generic.outboundUrl");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      telegram.apiUrl      | LINLI_TELEGRAM_API_URL
      http.port            | LINLI_HTTP_PORT
      kb.workerThreads     | LINLI_KB_WORKER_THREADS
      http.bodyLimitBytes  | LINLI_HTTP_BODY_LIMIT_BYTES
      """)
  void the_variable_name_is_the_path_in_upper_snake_case_with_camel_case_split(String path, String variable) {
    assertThat(SettingsLoader.variableFor(path)).isEqualTo(variable);
  }

  @Test
  void an_unknown_linli_variable_yields_a_warning_naming_it() {
    SettingsLoader loader = new SettingsLoader();

    Settings settings = loader.load(Map.of("LINLI_HTTP_PROT", "9090", "PATH", "/usr/bin"));

    assertThat(settings.http().port()).isEqualTo(8080);
    assertThat(loader.warnings()).singleElement().asString().contains("LINLI_HTTP_PROT");
  }

  @Test
  void the_config_file_variable_itself_is_not_reported_as_unknown() throws IOException {
    Path file = Files.writeString(dir.resolve("linli.yaml"), "http:\n  port: 7000\n");
    SettingsLoader loader = new SettingsLoader();

    loader.load(Map.of("LINLI_CONFIG", file.toString()));

    assertThat(loader.warnings()).isEmpty();
  }

  @Test
  void a_config_file_overrides_the_defaults_and_the_environment_overrides_the_file() throws IOException {
    Path file = Files.writeString(dir.resolve("linli.yaml"),
        "http:\n  port: 7000\n  host: 127.0.0.1\nkb:\n  semantic: false\n");

    Settings settings = new SettingsLoader().load(Map.of("LINLI_CONFIG", file.toString(), "LINLI_HTTP_PORT", "7001"));

    assertThat(settings.http().port()).isEqualTo(7001);
    assertThat(settings.http().host()).isEqualTo("127.0.0.1");
    assertThat(settings.kb().semantic()).isFalse();
    assertThat(settings.kb().workerThreads()).isEqualTo(8);
  }

  @Test
  void an_unknown_key_in_the_config_file_fails_naming_the_key() throws IOException {
    Path file = Files.writeString(dir.resolve("linli.yaml"), "http:\n  prot: 7000\n");

    assertThatThrownBy(() -> new SettingsLoader().load(Map.of("LINLI_CONFIG", file.toString())))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("http.prot");
  }

  @Test
  void a_config_file_that_does_not_exist_fails_naming_the_file() {
    Path missing = dir.resolve("nowhere.yaml");

    assertThatThrownBy(() -> new SettingsLoader().load(Map.of("LINLI_CONFIG", missing.toString())))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("nowhere.yaml");
  }

  @Test
  void a_non_numeric_port_fails_with_a_settings_exception_quoting_the_value() {
    assertThatThrownBy(() -> new SettingsLoader().load(Map.of("LINLI_HTTP_PORT", "eighty")))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("Settings are not valid")
        .hasMessageContaining("\"eighty\"");
  }

  @Test
  void a_non_numeric_port_fails_with_a_message_naming_the_setting() {
    assertThatThrownBy(() -> new SettingsLoader().load(Map.of("LINLI_HTTP_PORT", "eighty")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("http.port");
  }

  @Test
  void a_port_out_of_range_fails_naming_the_setting() {
    assertThatThrownBy(() -> new SettingsLoader().load(Map.of("LINLI_HTTP_PORT", "99999")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("http.port must be 0-65535");
  }

  @Test
  void no_worker_thread_at_all_is_refused() {
    assertThatThrownBy(() -> new SettingsLoader().load(Map.of("LINLI_KB_WORKER_THREADS", "0")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("kb.workerThreads");
  }

  @Test
  void printing_the_settings_does_not_reveal_a_token() {
    Settings settings = new SettingsLoader().load(Map.of("LINLI_ADMIN_TOKEN", "hunter2-admin"));

    assertThat(settings.toString()).doesNotContain("hunter2-admin").contains("********");
    assertThat(settings.admin().token().matches("hunter2-admin")).isTrue();
  }

  @Test
  void dingtalk_cards_are_on_only_with_app_key_app_secret_template_and_callback_secret() {
    Map<String, String> all = Map.of("LINLI_DINGTALK_APP_SECRET", "s1", "LINLI_DINGTALK_APP_KEY", "dingkey",
        "LINLI_DINGTALK_CARD_TEMPLATE_ID", "tpl.schema", "LINLI_DINGTALK_CARD_CALLBACK_SECRET", "cb-secret");
    Settings.Dingtalk on = new SettingsLoader().load(all).dingtalk();
    assertThat(on.cardsOn()).isTrue();
    assertThat(on.cardCallbackRouteKey()).isEqualTo("linli-cards");
    assertThat(on.apiUrl()).isEqualTo("https://api.dingtalk.com");
    assertThat(on.cardCallbackUrl()).isEmpty();
    for (String missing : all.keySet()) {
      Map<String, String> less = new HashMap<>(all);
      less.remove(missing);
      assertThat(new SettingsLoader().load(less).dingtalk().cardsOn()).as("without " + missing).isFalse();
    }
    assertThat(new SettingsLoader().load(Map.of()).dingtalk().cardsOn()).isFalse();
    Map<String, String> notUrl = Map.of("LINLI_DINGTALK_CARD_CALLBACK_URL", "linli.example/cards");
    assertThatThrownBy(() -> new SettingsLoader().load(notUrl))
        .hasMessageContaining("dingtalk.cardCallbackUrl");
  }
}
