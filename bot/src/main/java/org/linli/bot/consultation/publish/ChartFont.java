package org.linli.bot.consultation.publish;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.linli.bot.text.Words;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The font chart labels are drawn in, chosen so Chinese never comes out as empty boxes: the font
 * file from the settings if it shows Chinese, else the first installed family that does (well-known
 * CJK sans families first), else a Latin font — and then {@link #chinese()} is false and the chart
 * writes option numbers instead of Chinese labels.
 */
public final class ChartFont {

  /** Characters a font must show to be used for Chinese labels. */
  public static final String PROBE = Words.CHART_FONT_PROBE.text();

  private static final Logger LOG = LoggerFactory.getLogger(ChartFont.class);

  /** Tried before the rest, in this order: clear sans faces that ship on common systems. */
  private static final List<String> PREFERRED = List.of(
      "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
      "Droid Sans Fallback", "PingFang SC", "Microsoft YaHei", "SimHei");

  /** Java's logical fonts: composites that say they show everything, whatever is installed. */
  private static final Set<String> LOGICAL = Set.of("Dialog", "DialogInput", "Monospaced", "Serif", "SansSerif");

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private final Font base;
  private final boolean chinese;
  private final String source;

  private ChartFont(Font base, boolean chinese, String source) {
    this.base = base;
    this.chinese = chinese;
    this.source = source;
  }

  /**
   * Resolves the font: {@code configuredPath} (blank for none), then the installed families.
   * Blocking (reads font files, enumerates fonts: a few hundred ms the first time).
   */
  public static ChartFont resolve(String configuredPath) {
    String[] installed = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT);
    return resolve(configuredPath, Arrays.asList(installed));
  }

  /** Resolves against the given family names instead of the installed ones. */
  static ChartFont resolve(String configuredPath, List<String> families) {
    ChartFont chosen = fromFile(configuredPath);
    if (chosen == null) {
      chosen = fromFamilies(families);
    }
    if (chosen == null) {
      LOG.warn("No installed font shows Chinese: result charts label bars by option number. Install a CJK font"
          + " (Debian: fonts-wqy-microhei or fonts-noto-cjk) or set LINLI_CONSULTATION_CHART_FONT.");
      chosen = new ChartFont(new Font(Font.SANS_SERIF, Font.PLAIN, 1), false, "Latin fallback");
    } else {
      LOG.info("Result charts use the font {}", chosen.source);
    }
    return chosen;
  }

  private static ChartFont fromFile(String path) {
    if (path == null || path.isBlank()) {
      return null;
    }
    try {
      Font font = Font.createFont(Font.TRUETYPE_FONT, new File(path.strip()));
      if (font.canDisplayUpTo(PROBE) != -1) {
        LOG.warn("The chart font {} does not show Chinese; looking for an installed one", path);
        return null;
      }
      return new ChartFont(font, true, font.getFontName(Locale.ROOT) + " from " + path);
    } catch (Exception e) {
      LOG.warn("The chart font {} cannot be read ({}); looking for an installed one", path, e.toString());
      return null;
    }
  }

  private static ChartFont fromFamilies(List<String> families) {
    List<String> order = new ArrayList<>();
    PREFERRED.stream().filter(families::contains).forEach(order::add);
    families.stream().filter(f -> !order.contains(f)).forEach(order::add);
    for (String family : order) {
      if (LOGICAL.contains(family)) {
        continue;
      }
      Font font = new Font(family, Font.PLAIN, 1);
      // An unknown family silently becomes Dialog, which claims to show everything.
      if (family.equals(font.getFamily(Locale.ROOT)) && font.canDisplayUpTo(PROBE) == -1) {
        return new ChartFont(font, true, family + " (installed)");
      }
    }
    return null;
  }

  /** True when the font shows Chinese; false for the Latin fallback. */
  public boolean chinese() {
    return chinese;
  }

  /** Where the font came from, for logs and tests. */
  public String source() {
    return source;
  }

  /** The font at a size in pixels, bold or plain. */
  public Font font(float size, boolean bold) {
    return base.deriveFont(bold ? Font.BOLD : Font.PLAIN, size);
  }

  /** The text without the characters this font cannot show (an emoji in a question, say). */
  public String displayable(String text) {
    if (base.canDisplayUpTo(text) == -1) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    text.codePoints().filter(base::canDisplay).forEach(out::appendCodePoint);
    return out.toString().strip();
  }

  @Override
  public String toString() {
    return "ChartFont[" + source + "]";
  }
}
