package org.linli.bot.consultation.publish;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.linli.bot.text.Text;

/**
 * The result chart: a PNG, 800 px wide, one horizontal bar per option with its label, votes and
 * share (and for big matters a second, lighter bar with the floor area), the question as title and
 * the participation and outcome beneath it. While a hidden poll is open it shows participation
 * only. Without a font that shows Chinese, bars are labelled by option number and the texts are
 * in plain Latin, so nothing is drawn as empty boxes.
 *
 * <p>Rendering is blocking CPU work (a few ms): call {@link #render(PublishedResult)} on a worker
 * thread, or {@link #render(WorkerExecutor, PublishedResult)} from the event loop.
 */
public final class ResultChart {

  static final int WIDTH = 800;
  private static final int PAD = 32;
  private static final int CONTENT = WIDTH - 2 * PAD;
  private static final int TITLE = 26;
  private static final int TITLE_LINE = 36;
  private static final int SUB_LINE = 26;
  private static final int ROW = 64;
  private static final int BIG_ROW = 94;
  private static final int HIDDEN_BLOCK = 120;
  private static final int FOOTER = 44;

  private static final Color INK = new Color(0x22, 0x22, 0x22);
  private static final Color GREY = new Color(0x66, 0x66, 0x66);
  private static final Color TRACK = new Color(0xEE, 0xEE, 0xEE);
  private static final Color PASSED = new Color(0x1E, 0x84, 0x49);
  private static final Color FAILED = new Color(0xC0, 0x39, 0x2B);
  private static final Color[] BARS = {
      new Color(0xC0, 0x39, 0x2B), new Color(0x2E, 0x86, 0xC1), new Color(0x7F, 0x8C, 0x8D),
      new Color(0x27, 0xAE, 0x60), new Color(0x8E, 0x44, 0xAD), new Color(0xD6, 0x89, 0x10)};

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private final String fontPath;
  private volatile ChartFont font;

  /** A chart whose font is resolved from {@code fontPath} (blank: installed fonts) on first use. */
  public ResultChart(String fontPath) {
    this.fontPath = fontPath == null ? "" : fontPath;
  }

  /** A chart with an already resolved font. */
  public ResultChart(ChartFont font) {
    this.fontPath = "";
    this.font = font;
  }

  /** The font in use, resolved on first call (blocking). */
  public ChartFont font() {
    ChartFont f = font;
    if (f == null) {
      synchronized (this) {
        if (font == null) {
          font = ChartFont.resolve(fontPath);
        }
        f = font;
      }
    }
    return f;
  }

  /** Renders on the given workers, off the event loop. */
  public Future<byte[]> render(WorkerExecutor workers, PublishedResult result) {
    return workers.executeBlocking(() -> render(result), false);
  }

  /** Renders the chart as PNG bytes. Blocking. */
  public byte[] render(PublishedResult result) {
    return png(draw(result));
  }

  /** Draws the chart. */
  BufferedImage draw(PublishedResult r) {
    ChartFont f = font();
    boolean zh = f.chinese();
    Graphics2D scratch = graphics(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
    List<String> title = zh
        ? ChartText.wrap(f.displayable(r.question().replaceAll("\\s+", " ")),
            scratch.getFontMetrics(f.font(TITLE, true)), CONTENT, 2)
        : List.of("Poll " + r.pollId());
    List<String> sub = subtitle(r, zh);
    scratch.dispose();

    boolean decided = r.outcome() != null;
    int body = r.showsTally() ? r.options().size() * (r.hasAreas() ? BIG_ROW : ROW) : HIDDEN_BLOCK;
    int height = PAD + title.size() * TITLE_LINE + 8 + sub.size() * SUB_LINE + (decided ? 34 : 0) + 18 + body + FOOTER;

    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = graphics(image);
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, height);
      int y = PAD;
      g.setFont(f.font(TITLE, true));
      g.setColor(INK);
      for (String line : title) {
        g.drawString(line, PAD, y + TITLE);
        y += TITLE_LINE;
      }
      y += 8;
      g.setFont(f.font(16, false));
      g.setColor(GREY);
      for (String line : sub) {
        g.drawString(ChartText.ellipsize(f.displayable(line), g.getFontMetrics(), CONTENT), PAD, y + 18);
        y += SUB_LINE;
      }
      if (decided) {
        g.setFont(f.font(19, true));
        g.setColor(r.outcome().passed() ? PASSED : FAILED);
        String verdict = zh
            ? Text.CHART_OUTCOME.of(f.displayable(r.verdict()))
            : "Outcome: " + (r.outcome().passed() ? "passed" : r.decision().tie() ? "tie" : "not passed");
        g.drawString(ChartText.ellipsize(verdict, g.getFontMetrics(), CONTENT), PAD, y + 24);
        y += 34;
      }
      y += 18;
      if (r.showsTally()) {
        for (int n = 1; n <= r.options().size(); n++) {
          y = option(g, f, r, n, y);
        }
      } else {
        y = participationOnly(g, f, r, y);
      }
      g.setFont(f.font(13, false));
      g.setColor(GREY);
      g.drawString(ChartText.ellipsize(footer(r, zh), g.getFontMetrics(), CONTENT), PAD, y + 22);
    } finally {
      g.dispose();
    }
    return image;
  }

  private static int option(Graphics2D g, ChartFont f, PublishedResult r, int n, int y) {
    boolean zh = f.chinese();
    String value = r.votes().get(n - 1) + (zh ? " " + Figures.unit(r) : "") + " · " + Figures.percent(r.share(n));
    g.setFont(f.font(17, true));
    FontMetrics bold = g.getFontMetrics();
    int valueWidth = bold.stringWidth(value);
    g.setColor(INK);
    g.drawString(value, PAD + CONTENT - valueWidth, y + 20);
    g.setFont(f.font(17, false));
    String label = zh ? n + ". " + f.displayable(r.options().get(n - 1).replaceAll("\\s+", " ")) : String.valueOf(n);
    g.drawString(ChartText.ellipsize(label, g.getFontMetrics(), CONTENT - valueWidth - 20), PAD, y + 20);

    Color colour = BARS[(n - 1) % BARS.length];
    bar(g, y + 28, 22, r.share(n), colour);
    if (!r.hasAreas()) {
      return y + ROW;
    }
    bar(g, y + 54, 12, r.areaShare(n), new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 110));
    g.setFont(f.font(14, false));
    g.setColor(GREY);
    String area = Figures.area(r.areasHundredths().get(n - 1));
    g.drawString(f.displayable((zh ? Text.CHART_AREA.of(area) : "area " + area + " m2") + " · "
        + Figures.percent(r.areaShare(n))), PAD, y + 84);
    return y + BIG_ROW;
  }

  private static int participationOnly(Graphics2D g, ChartFont f, PublishedResult r, int y) {
    boolean zh = f.chinese();
    g.setFont(f.font(22, true));
    g.setColor(INK);
    g.drawString(zh ? Text.CHART_HIDDEN.of() : "Results after close", PAD, y + 30);
    g.setFont(f.font(17, false));
    String who = Figures.voters(r);
    String joined = zh ? Text.CHART_JOINED.of(r.ballots(), who) : r.ballots() + " ballots";
    if (r.eligible() > 0) {
      double share = Math.min(1, (double) r.ballots() / r.eligible());
      joined += zh
          ? Text.CHART_ELIGIBLE.of(r.eligible(), who, Figures.percent(share))
          : " of " + r.eligible() + " (" + Figures.percent(share) + ")";
      bar(g, y + 82, 22, share, BARS[1]);
    }
    g.drawString(joined, PAD, y + 66);
    return y + HIDDEN_BLOCK;
  }

  private static void bar(Graphics2D g, int top, int height, double share, Color colour) {
    g.setColor(TRACK);
    g.fillRoundRect(PAD, top, CONTENT, height, 6, 6);
    int width = (int) Math.round(Math.max(0, Math.min(1, share)) * CONTENT);
    if (width > 0) {
      g.setColor(colour);
      g.fillRoundRect(PAD, top, Math.max(width, 4), height, 6, 6);
    }
  }

  private static List<String> subtitle(PublishedResult r, boolean zh) {
    List<String> lines = new ArrayList<>();
    String status = r.open() ? (zh ? Text.CHART_OPEN.of() : "open") : (zh ? Text.CHART_CLOSED.of() : "closed");
    lines.add(zh
        ? Text.CHART_SUBTITLE.of(r.pollId(), status, r.ruleTitle())
        : "Results · " + status);
    String who = Figures.voters(r);
    String joined = zh ? Text.CHART_BALLOTS.of(r.ballots(), who) : r.ballots() + " ballots";
    if (r.eligible() > 0) {
      String share = Figures.percent((double) r.ballots() / r.eligible());
      joined += zh
          ? Text.CHART_ELIGIBLE.of(r.eligible(), who, share)
          : " of " + r.eligible() + " eligible (" + share + ")";
    }
    if (r.showsTally()) {
      lines.add(joined); // otherwise the participation block says it
    }
    if (r.big() && r.eligibleAreaHundredths() > 0) {
      String part = Figures.area(r.participatingAreaHundredths());
      String all = Figures.area(r.eligibleAreaHundredths());
      String share = Figures.percent((double) r.participatingAreaHundredths() / r.eligibleAreaHundredths());
      lines.add(zh
          ? Text.CHART_PARTICIPATING_AREA.of(part, all, share)
          : "area " + part + " m2 of " + all + " m2 (" + share + ")");
    }
    return lines;
  }

  private static String footer(PublishedResult r, boolean zh) {
    if (!zh) {
      return "Share = ballots for the option / all ballots. No personal data.";
    }
    if (!r.showsTally()) {
      return Text.CHART_NO_PERSONAL_DATA.of();
    }
    String basis = r.ranked()
        ? Text.CHART_SHARE_FIRST_PREFERENCES.of()
        : r.big()
            ? Text.CHART_SHARE_HOUSEHOLDS.of() + (r.hasAreas() ? Text.CHART_SHARE_AREA.of() : "")
            : Text.CHART_SHARE_PEOPLE.of();
    String multi = r.multi() > 1 && !r.ranked() ? Text.CHART_MULTI.of() : "";
    return basis + multi + " · " + Text.CHART_NO_PERSONAL_DATA.of();
  }

  private static Graphics2D graphics(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    return g;
  }

  private static byte[] png(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
    // An in-memory stream: ImageIO's default would spill to a temporary file.
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(image);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
