package org.linli.bot.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linli.config.SettingsException;
import org.linli.webhooks.ChatRef;
import org.linli.webhooks.Identity;

class ModeratorsTest {

  /**
   * Whether the setting {@code entries} makes {@code user} a moderator of {@code chat}, both of
   * {@code platform}: a platform entry names that chat of that platform only, a star chat covers
   * every chat of its platform and no other, an older chat and user entry still names that chat, and
   * entries without a colon and blanks are ignored.
   */
  @ParameterizedTest(name = "[{0}] {1}:{2}:{3} moderates: {4}")
  @CsvSource({
      "telegram:g1:u7, telegram, g1, u7, true",
      "telegram:g1:u7, telegram, g2, u7, false",
      "telegram:g1:u7, feishu, g1, u7, false",
      "telegram:*:u9, telegram, g1, u9, true",
      "telegram:*:u9, telegram, g5, u9, true",
      "telegram:*:u9, dingtalk, g1, u9, false",
      "' g1:mod , telegram:*:u9', generic, g1, mod, true",
      "' g1:mod , telegram:*:u9', generic, g2, mod, false",
      "' g1:mod , telegram:*:u9', generic, g1, other, false",
      "',nobody, ,telegram:g1:u7', telegram, nobody, nobody, false",
      "',nobody, ,telegram:g1:u7', telegram, g1, u7, true"})
  void an_entry_names_the_users_of_the_chats_and_platform_it_says(String entries, String platform, String chat,
      String user, boolean moderates) {
    Moderators moderators = new Moderators(entries);

    assertThat(moderators.moderates(new ChatRef(platform, chat), new Identity(platform, user))).isEqualTo(moderates);
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
}
