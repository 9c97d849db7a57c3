package org.linli.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentityTest {

  @Test
  void an_identity_key_is_platform_colon_user_as_the_stores_keep_it() {
    assertThat(new Identity("telegram", "2222").key()).isEqualTo("telegram:2222");
    assertThat(new Identity("telegram", "2222")).hasToString("telegram:2222");
    assertThat(new ChatRef("wecom", "wrkSFfCgAAxx").key()).isEqualTo("wecom:wrkSFfCgAAxx");
  }

  @Test
  void a_key_parses_back_to_its_identity_even_when_the_user_id_holds_a_colon() {
    assertThat(Identity.parse("generic:u:7")).contains(new Identity("generic", "u:7"));
    assertThat(Identity.parse(new Identity("dingtalk", "manager4561").key())).contains(new Identity("dingtalk",
        "manager4561"));
  }

  @Test
  void a_text_that_is_no_key_parses_to_nothing() {
    assertThat(Identity.parse("u7")).isEmpty();
    assertThat(Identity.parse(":u7")).isEmpty();
    assertThat(Identity.parse(null)).isEmpty();
    assertThat(ChatRef.parse(" ")).isEmpty();
  }

  @Test
  void a_chat_setting_entry_parses_with_spaces_around_its_parts() {
    assertThat(ChatRef.parse(" telegram : -1001234567890 ")).contains(new ChatRef("telegram", "-1001234567890"));
  }

  @Test
  void an_event_names_its_sender_and_chat_on_its_platform() {
    ChatEvent event = new ChatEvent("feishu", new ChatEvent.Chat("oc_1", ChatEvent.ChatType.GROUP),
        new ChatEvent.Sender("ou_9", "王阿姨"), "你好", true, null, null);

    assertThat(event.identity()).isEqualTo(new Identity("feishu", "ou_9"));
    assertThat(event.chatRef()).isEqualTo(new ChatRef("feishu", "oc_1"));
  }

  @Test
  void a_platform_name_with_a_colon_is_refused() {
    assertThatThrownBy(() -> new Identity("a:b", "u")).isInstanceOf(IllegalArgumentException.class);
  }
}
