package org.linli.bot.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.linli.config.SettingsException;
import org.linli.webhooks.ChatRef;
import org.linli.webhooks.Identity;

class ModeratorsTest {

  @Test
  void a_platform_entry_names_the_user_in_that_chat_of_that_platform_only() {
    Moderators moderators = new Moderators("telegram:g1:u7");

    assertThat(moderators.moderates(new ChatRef("telegram", "g1"), new Identity("telegram", "u7"))).isTrue();
    assertThat(moderators.moderates(new ChatRef("telegram", "g2"), new Identity("telegram", "u7"))).isFalse();
    assertThat(moderators.moderates(new ChatRef("feishu", "g1"), new Identity("feishu", "u7"))).isFalse();
  }

  @Test
  void a_star_chat_covers_every_chat_of_its_platform_and_no_other_platform() {
    Moderators moderators = new Moderators("telegram:*:u9");

    assertThat(moderators.moderates(new ChatRef("telegram", "g1"), new Identity("telegram", "u9"))).isTrue();
    assertThat(moderators.moderates(new ChatRef("telegram", "g5"), new Identity("telegram", "u9"))).isTrue();
    assertThat(moderators.moderates(new ChatRef("dingtalk", "g1"), new Identity("dingtalk", "u9"))).isFalse();
  }

  @Test
  void an_older_chat_and_user_entry_still_names_that_chat() {
    Moderators moderators = new Moderators(" g1:mod , telegram:*:u9");

    assertThat(moderators.moderates(new ChatRef("generic", "g1"), new Identity("generic", "mod"))).isTrue();
    assertThat(moderators.moderates(new ChatRef("generic", "g2"), new Identity("generic", "mod"))).isFalse();
    assertThat(moderators.moderates(new ChatRef("generic", "g1"), new Identity("generic", "other"))).isFalse();
  }

  @Test
  void a_person_of_another_platform_with_the_same_id_never_moderates() {
    Moderators moderators = new Moderators("g1:mod");

    assertThat(moderators.moderates(new ChatRef("telegram", "g1"), new Identity("wecom", "mod"))).isFalse();
  }

  @Test
  void an_older_star_entry_is_refused_because_it_would_cover_every_platform() {
    assertThatThrownBy(() -> new Moderators("g1:mod,*:u9"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("every platform")
        .hasMessageContaining("<platform>:*:u9");
    assertThatThrownBy(() -> new Moderators("*:*:u9")).isInstanceOf(SettingsException.class);
  }

  @Test
  void entries_without_a_colon_and_blanks_are_ignored() {
    Moderators moderators = new Moderators(",nobody, ,telegram:g1:u7");

    assertThat(moderators.moderates(new ChatRef("telegram", "nobody"), new Identity("telegram", "nobody"))).isFalse();
    assertThat(moderators.moderates(new ChatRef("telegram", "g1"), new Identity("telegram", "u7"))).isTrue();
  }
}
