package org.linli.bot.consultation.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ResultChartTest {

  private static final ResultChart CHART = new ResultChart("");
  private static final ResultChart LATIN = new ResultChart(ChartFont.resolve("", List.of()));

  /** The chart of a result, drawn and read back from its PNG. */
  private static BufferedImage drawn(ResultChart chart, PublishedResult result) throws IOException {
    byte[] png = chart.render(result);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  static Set<Integer> colours(BufferedImage image) {
    Set<Integer> out = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        out.add(image.getRGB(x, y));
      }
    }
    return out;
  }

  private static boolean same(BufferedImage a, BufferedImage b) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
      return false;
    }
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<String> options(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add("方案" + i);
    }
    return out;
  }

  private static List<Long> votes(int n) {
    List<Long> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add((long) i);
    }
    return out;
  }

  @Test
  void a_chart_with_chinese_options_is_an_800_px_wide_png_with_bars_and_text() throws IOException {
    BufferedImage image = drawn(CHART, Results.closedSmall("p1", "周六上午活动室是否对外开放？"));

    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isBetween(300, 600);
    // Bars in their colours plus anti-aliased text: far more than a blank or one-colour image.
    assertThat(colours(image)).hasSizeGreaterThan(50).contains(0xFFC0392B, 0xFF2E86C1, 0xFFFFFFFF);
  }

  @Test
  void the_chart_grows_with_the_options_and_with_the_area_bars_of_big_matters() throws IOException {
    int two = drawn(CHART, Results.small("p2", "选哪个", options(2), votes(2), false, false)).getHeight();
    int ten = drawn(CHART, Results.small("p2", "选哪个", options(10), votes(10), false, false)).getHeight();
    int big = drawn(CHART, Results.closedBig("p3")).getHeight();
    int smallOfThree = drawn(CHART, Results.closedSmall("p3", "是否同意使用专项维修资金加装电梯")).getHeight();

    assertThat(ten - two).isEqualTo(8 * 64);
    assertThat(big).isGreaterThan(smallOfThree);
  }

  @Test
  void chinese_labels_are_drawn_as_real_glyphs_not_boxes() throws IOException {
    assumeTrue(CHART.font().chinese(), "no font that shows Chinese is installed");
    var font = CHART.font().font(17, false);
    GlyphVector glyphs = font.createGlyphVector(new FontRenderContext(null, true, true), "同意反对弃权");
    for (int i = 0; i < glyphs.getNumGlyphs(); i++) {
      assertThat(glyphs.getGlyphCode(i)).isNotEqualTo(font.getMissingGlyphCode());
    }

    // Empty boxes look alike for every character: two different labels must draw differently.
    BufferedImage agree = drawn(CHART, Results.small("p4", "议题", List.of("同意", "弃权"), List.of(3L, 1L), false, false));
    BufferedImage against = drawn(CHART, Results.small("p4", "议题", List.of("反对", "弃权"), List.of(3L, 1L), false, false));
    assertThat(same(agree, against)).isFalse();
  }

  @Test
  void without_a_chinese_font_bars_are_numbered_and_no_chinese_is_drawn() throws IOException {
    BufferedImage agree = drawn(LATIN, Results.small("p5", "议题甲", List.of("同意", "弃权"), List.of(3L, 1L), false, false));
    BufferedImage against = drawn(LATIN,
        Results.small("p5", "议题乙", List.of("反对", "弃权"), List.of(3L, 1L), false, false));

    assertThat(agree.getWidth()).isEqualTo(800);
    assertThat(colours(agree)).hasSizeGreaterThan(20);
    // Question and labels are replaced by the poll id and option numbers, so the texts do not matter.
    assertThat(same(agree, against)).isTrue();
  }

  @Test
  void while_a_hidden_poll_is_open_its_chart_gives_nothing_of_the_counts_away() throws IOException {
    BufferedImage one = drawn(CHART, Results.small("p6", "议题", List.of("同意", "反对"), List.of(9L, 1L), true, true));
    BufferedImage other = drawn(CHART, Results.small("p6", "议题", List.of("同意", "反对"), List.of(1L, 9L), true, true));
    BufferedImage shown = drawn(CHART, Results.small("p6", "议题", List.of("同意", "反对"), List.of(9L, 1L), true, false));

    assertThat(same(one, other)).isTrue();
    assertThat(same(one, shown)).isFalse();
  }

  @Test
  void a_long_question_is_wrapped_into_two_lines_and_cut_with_an_ellipsis() {
    assumeTrue(CHART.font().chinese(), "no font that shows Chinese is installed");
    BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    var metrics = scratch.createGraphics().getFontMetrics(CHART.font().font(26, true));

    List<String> lines = ChartText.wrap("关于小区".repeat(40), metrics, 736, 2);

    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).endsWith("…");
    assertThat(lines).allSatisfy(line -> assertThat(metrics.stringWidth(line)).isLessThanOrEqualTo(736));
    assertThat(ChartText.wrap("短问题", metrics, 736, 2)).containsExactly("短问题");
  }

  @Test
  void a_wrapped_title_never_starts_a_line_with_a_comma() {
    assumeTrue(CHART.font().chinese(), "no font that shows Chinese is installed");
    var metrics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
        .getFontMetrics(CHART.font().font(26, true));
    int fits = 1;
    while (metrics.stringWidth("议".repeat(fits + 1)) <= 736) {
      fits++;
    }

    List<String> lines = ChartText.wrap("议".repeat(fits) + "，费用由社区承担", metrics, 736, 2);

    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith("议，费用");
    assertThat(lines.get(0)).hasSize(fits - 1);
  }
}
