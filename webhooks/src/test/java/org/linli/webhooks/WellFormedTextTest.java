package org.linli.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WellFormedTextTest {

  @Test
  void a_lone_surrogate_becomes_a_replacement_character_and_a_whole_emoji_stays() {
    assertThat(WellFormedText.of("\ud83d居住证\ude00👍🏻")).isEqualTo("\uFFFD居住证\uFFFD👍🏻");
    assertThat(WellFormedText.of("居住证")).isSameAs(WellFormedText.of("居住证"));
  }

  @Test
  void an_emoji_outside_the_basic_plane_counts_as_one_character() {
    assertThat(WellFormedText.length("😂")).isEqualTo(1);
    assertThat(WellFormedText.length("问👍🏻")).isEqualTo(3);
    assertThat(WellFormedText.length("😂".repeat(4000))).isEqualTo(4000);
  }

  @Test
  void a_text_is_shortened_between_characters_never_inside_an_emoji() {
    assertThat(WellFormedText.first("居住证😂😂", 4)).isEqualTo("居住证😂");
    assertThat(WellFormedText.first("😂😂😂", 2)).isEqualTo("😂😂");
    assertThat(WellFormedText.first("居住证", 10)).isEqualTo("居住证");
    String cut = WellFormedText.first("问".repeat(119) + "😂😂", 120);
    assertThat(cut).endsWith("问😂").hasSize(121);
  }
}
