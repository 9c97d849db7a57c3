package org.linli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The S3-compatible photo store's settings: off by default, complete when on, the secret key kept secret. */
class AttachmentStoreSettingsTest {

  private static final Map<String, String> S3 = Map.of(
      "LINLI_ATTACHMENTS_S3_ENDPOINT", "http://127.0.0.1:9000",
      "LINLI_ATTACHMENTS_S3_BUCKET", "linli",
      "LINLI_ATTACHMENTS_S3_ACCESS_KEY", "linli-photos",
      "LINLI_ATTACHMENTS_S3_SECRET_KEY", "s3-secret-of-the-photo-store");

  @Test
  void with_no_endpoint_photos_stay_in_the_data_directory() {
    Settings.Attachments attachments = new SettingsLoader().load(Map.of()).attachments();

    assertThat(attachments.s3()).isFalse();
    assertThat(attachments.s3Region()).isEqualTo("us-east-1");
    assertThat(attachments.s3SecretKey().isSet()).isFalse();
  }

  @Test
  void an_endpoint_with_its_bucket_and_key_pair_chooses_the_object_store_in_the_default_region() {
    Settings.Attachments attachments = new SettingsLoader().load(S3).attachments();

    assertThat(attachments.s3()).isTrue();
    assertThat(attachments.s3Endpoint()).isEqualTo("http://127.0.0.1:9000");
    assertThat(attachments.s3Bucket()).isEqualTo("linli");
    assertThat(attachments.s3Region()).isEqualTo("us-east-1");
    assertThat(attachments.s3AccessKey()).isEqualTo("linli-photos");
    assertThat(attachments.s3SecretKey().reveal()).isEqualTo("s3-secret-of-the-photo-store");
    assertThat(attachments.toString()).doesNotContain("s3-secret-of-the-photo-store");
  }

  @Test
  void a_trailing_slash_on_the_endpoint_is_dropped() {
    Map<String, String> env = new java.util.HashMap<>(S3);
    env.put("LINLI_ATTACHMENTS_S3_ENDPOINT", "https://s3.example.com/");

    assertThat(new SettingsLoader().load(env).attachments().s3Endpoint()).isEqualTo("https://s3.example.com");
  }

  @Test
  void an_endpoint_without_a_bucket_or_a_secret_key_is_refused_naming_the_setting() {
    Map<String, String> noBucket = new java.util.HashMap<>(S3);
    noBucket.remove("LINLI_ATTACHMENTS_S3_BUCKET");
    Map<String, String> noSecret = new java.util.HashMap<>(S3);
    noSecret.remove("LINLI_ATTACHMENTS_S3_SECRET_KEY");
    Map<String, String> notHttp = new java.util.HashMap<>(S3);
    notHttp.put("LINLI_ATTACHMENTS_S3_ENDPOINT", "s3.example.com");

    assertThatThrownBy(() -> new SettingsLoader().load(noBucket)).isInstanceOf(SettingsException.class)
        .hasMessageContaining("attachments.s3Bucket");
    assertThatThrownBy(() -> new SettingsLoader().load(noSecret)).isInstanceOf(SettingsException.class)
        .hasMessageContaining("attachments.s3SecretKey");
    assertThatThrownBy(() -> new SettingsLoader().load(notHttp)).isInstanceOf(SettingsException.class)
        .hasMessageContaining("attachments.s3Endpoint");
  }
}
