package org.linli.bot.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bot knows platforms only through {@code ChatPlatform} and its capabilities: no line of its
 * main code (code, comments or strings) names one of the built-in platforms, so adding or removing
 * a platform never touches the bot.
 */
class NoPlatformNamesTest {

  private static final Pattern PLATFORM = Pattern.compile("(?i)telegram|wecom|dingtalk|feishu|lark");

  @Test
  void no_line_of_the_bot_s_main_code_names_a_platform() throws IOException {
    List<String> naming;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      naming = files.filter(p -> p.toString().endsWith(".java")).flatMap(NoPlatformNamesTest::linesNaming).toList();
    }
    assertThat(naming).isEmpty();
  }

  private static Stream<String> linesNaming(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return IntStream.range(0, lines.size())
          .filter(i -> PLATFORM.matcher(lines.get(i)).find())
          .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
