package org.linli.webhooks.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * WXBizMsgCrypt against Tencent's published sample (Sample.java/.cs/.php of the official SDKs) and
 * against callbacks the official npm SDK {@code @wecom/crypto} encrypted ({@code fixtures.json}).
 */
class WecomCryptoTest {

  private static final WecomCrypto SAMPLE = new WecomCrypto(Fixtures.SAMPLE_TOKEN, Fixtures.SAMPLE_AES_KEY,
      Fixtures.SAMPLE_CORP_ID);
  private static final WecomCrypto OURS = new WecomCrypto(Fixtures.TOKEN, Fixtures.AES_KEY, Fixtures.CORP_ID);

  private static final String SAMPLE_ECHOSTR = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
  static final String SAMPLE_MESSAGE = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3Qcz"
      + "cdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+"
      + "kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGU"
      + "callcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1"
      + "ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
  static final String SAMPLE_PLAINTEXT = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n"
      + "<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n"
      + "<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n"
      + "<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>";

  @Test
  void the_published_url_check_sample_verifies_and_decrypts_to_its_echo_string() {
    assertThat(SAMPLE.verify("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780", SAMPLE_ECHOSTR))
        .isTrue();
    assertThat(SAMPLE.decrypt(SAMPLE_ECHOSTR)).isEqualTo("1616140317555161061");
  }

  @Test
  void the_published_message_sample_verifies_and_decrypts_to_the_published_xml() {
    assertThat(SAMPLE.verify("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149", SAMPLE_MESSAGE))
        .isTrue();
    assertThat(SAMPLE.decrypt(SAMPLE_MESSAGE)).isEqualTo(SAMPLE_PLAINTEXT);
  }

  @Test
  void a_signature_with_one_character_changed_or_over_another_timestamp_is_refused() {
    assertThat(SAMPLE.verify("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd4", "1409659589", "263014780", SAMPLE_ECHOSTR))
        .isFalse();
    assertThat(SAMPLE.verify("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659590", "263014780", SAMPLE_ECHOSTR))
        .isFalse();
    assertThat(SAMPLE.verify(null, "1409659589", "263014780", SAMPLE_ECHOSTR)).isFalse();
  }

  @Test
  void the_official_sdk_fixtures_verify_and_decrypt_to_what_was_encrypted() {
    for (String name : new String[]{"privateText", "groupMention", "groupChatter", "blockAligned", "event"}) {
      JsonObject c = Fixtures.callback(name);
      String ciphertext = Fixtures.ciphertext(c);
      assertThat(OURS.verify(c.getString("msg_signature"), c.getString("timestamp"), c.getString("nonce"), ciphertext))
          .as(name).isTrue();
      assertThat(OURS.decrypt(ciphertext)).as(name).isEqualTo(c.getString("plaintext"));
    }
  }

  @Test
  void java_encrypts_byte_for_byte_as_the_official_sdk_including_a_full_block_of_padding() throws Exception {
    for (String name : new String[]{"privateText", "blockAligned"}) {
      JsonObject c = Fixtures.callback(name);
      byte[] random = MessageDigest.getInstance("MD5").digest(
          (name.equals("privateText") ? "private" : "aligned").getBytes(StandardCharsets.UTF_8));
      assertThat(OURS.encrypt(c.getString("plaintext"), random)).as(name).isEqualTo(Fixtures.ciphertext(c));
    }
    String aligned = Fixtures.callback("blockAligned").getString("plaintext");
    int plain = 20 + aligned.getBytes(StandardCharsets.UTF_8).length + Fixtures.CORP_ID.length();
    assertThat(plain % 32).isZero();
    assertThat(Base64.getDecoder().decode(Fixtures.ciphertext(Fixtures.callback("blockAligned"))))
        .hasSize(plain + 32);
  }

  @Test
  void a_message_encrypted_for_another_corp_is_refused() {
    String ciphertext = Fixtures.ciphertext(Fixtures.callback("otherCorp"));

    assertThatThrownBy(() -> OURS.decrypt(ciphertext))
        .isInstanceOf(WecomCrypto.Refused.class)
        .hasMessageContaining("another receiveid");
  }

  @Test
  void a_ciphertext_under_another_key_or_cut_short_is_refused() {
    assertThatThrownBy(() -> OURS.decrypt(SAMPLE_MESSAGE)).isInstanceOf(WecomCrypto.Refused.class);
    assertThatThrownBy(() -> OURS.decrypt(SAMPLE_ECHOSTR.substring(0, 20))).isInstanceOf(WecomCrypto.Refused.class);
    assertThatThrownBy(() -> OURS.decrypt("not base64!")).isInstanceOf(WecomCrypto.Refused.class);
  }

  @Test
  void what_java_encrypts_decrypts_again_with_fresh_random_bytes_each_time() {
    String message = "<xml><Content><![CDATA[请带身份证原件]]></Content></xml>";

    String first = OURS.encrypt(message);
    String second = OURS.encrypt(message);

    assertThat(first).isNotEqualTo(second);
    assertThat(OURS.decrypt(first)).isEqualTo(message);
    assertThat(OURS.decrypt(second)).isEqualTo(message);
  }
}
