package org.linli.bot.consultation.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartFontTest {

  private static final Path WQY = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
  private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

  @Test
  void a_configured_font_file_that_shows_chinese_is_used() {
    assumeTrue(Files.exists(WQY), "fonts-wqy-microhei is not installed");

    ChartFont font = ChartFont.resolve(WQY.toString(), List.of());

    assertThat(font.chinese()).isTrue();
    assertThat(font.source()).contains(WQY.toString());
    assertThat(font.font(16, false).canDisplayUpTo(ChartFont.PROBE)).isEqualTo(-1);
  }

  @Test
  void a_bogus_font_path_falls_back_to_an_installed_family_that_shows_chinese() {
    assumeTrue(Files.exists(WQY), "fonts-wqy-microhei is not installed");

    ChartFont font = ChartFont.resolve("/no/such/font.ttf", List.of("DejaVu Sans", "WenQuanYi Micro Hei"));

    assertThat(font.chinese()).isTrue();
    assertThat(font.source()).isEqualTo("WenQuanYi Micro Hei (installed)");
  }

  @Test
  void a_font_file_that_cannot_show_chinese_is_not_chosen() {
    assumeTrue(Files.exists(DEJAVU), "fonts-dejavu-core is not installed");

    ChartFont font = ChartFont.resolve(DEJAVU.toString(), List.of("DejaVu Sans"));

    assertThat(font.chinese()).isFalse();
    assertThat(font.source()).isEqualTo("Latin fallback");
  }

  @Test
  void java_logical_fonts_and_unknown_families_are_not_taken_for_chinese_fonts() {
    // Both would claim to show Chinese: logical fonts are composites, unknown names become Dialog.
    ChartFont font = ChartFont.resolve("", List.of("SansSerif", "Dialog", "No Such Family"));

    assertThat(font.chinese()).isFalse();
  }

  @Test
  void with_no_font_that_shows_chinese_the_fallback_still_draws_latin() {
    ChartFont font = ChartFont.resolve("", List.of());

    assertThat(font.chinese()).isFalse();
    assertThat(font.font(16, true).canDisplayUpTo("Poll p1 1 2 3 66.7%")).isEqualTo(-1);
  }

  @Test
  void well_known_chinese_sans_families_are_preferred_over_the_alphabetical_first() {
    assumeTrue(Files.exists(WQY), "fonts-wqy-microhei is not installed");

    ChartFont font = ChartFont.resolve("", List.of("WenQuanYi Micro Hei Mono", "WenQuanYi Micro Hei"));

    assertThat(font.source()).isEqualTo("WenQuanYi Micro Hei (installed)");
  }

  @Test
  void characters_the_font_cannot_show_are_left_out_of_labels() {
    assumeTrue(Files.exists(WQY), "fonts-wqy-microhei is not installed");
    ChartFont font = ChartFont.resolve(WQY.toString(), List.of());

    assertThat(font.displayable("加装电梯\uD83D\uDED7吗")).isEqualTo("加装电梯吗");
  }
}
