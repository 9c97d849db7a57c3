package org.linli.bot.consultation.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public results page as a browser shows it: the page is served on loopback and
 * {@code scripts/poll-page-screenshot.sh} (the documented check) screenshots it with headless
 * Chromium. Skipped where Debian's chromium is not installed.
 */
class PollPageScreenshotTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir
  Path dir;

  @Test
  void headless_chromium_renders_the_public_results_page_with_its_chart() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install chromium)");
    Path script = script();
    Path png = dir.resolve("poll-p1.png");
    try (PageServer server = new PageServer()) {
      server.results.put("p1", Results.withReceipts(Results.closedSmall("p1", "周六上午社区活动室是否对外开放？"),
          List.of(new PublishedResult.Receipt("K7F3-Q2", "同意"), new PublishedResult.Receipt("M9X1-A4", "不同意"))));

      Process process = new ProcessBuilder("bash", script.toString(), server.url(""), "p1", png.toString())
          .redirectErrorStream(false)
          .start();
      // The server runs on its own event loop, so waiting here blocks nothing it needs.
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the screenshot finishes within two minutes").isTrue();
      String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(stderr).isZero();
      assertThat(stdout).isEqualTo(png.toString());
    }

    assertThat(Files.size(png)).isGreaterThan(5 * 1024);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(image.getHeight()).isEqualTo(1200);
    Set<Integer> colours = ResultChartTest.colours(image);
    // Anti-aliased text in several colours and a chart: a blank or error page has a handful.
    assertThat(colours).hasSizeGreaterThan(200);
    // The chart was fetched and drawn: its first bar is in the proposal's red.
    assertThat(colours).contains(0xFFC0392B);
  }

  /** The script from the repository root, wherever the test runs. */
  private static Path script() throws IOException {
    for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
      Path candidate = at.resolve("scripts/poll-page-screenshot.sh");
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new IOException("scripts/poll-page-screenshot.sh not found above " + Path.of("").toAbsolutePath());
  }
}
