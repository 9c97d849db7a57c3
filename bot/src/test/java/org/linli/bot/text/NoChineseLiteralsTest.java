package org.linli.bot.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every reply, button label and page text lives in the bundles of this package: main code of the
 * modules below holds no Chinese literal. Knowledge-base is not listed yet: its intent patterns and
 * lexicon are rule data that move to its own resources separately; add its root here then.
 */
class NoChineseLiteralsTest {

  /** Main source roots that must hold no Chinese literal, relative to the bot module. */
  static final List<Path> CHECKED = List.of(Path.of("src/main/java"), Path.of("../webhooks/src/main/java"));

  @Test
  void main_code_of_bot_and_webhooks_holds_no_chinese_literal() {
    List<ChineseLiterals.Found> found = ChineseLiterals.under(CHECKED);

    assertThat(found).as("Chinese literals outside the bundles (move them to messages or words properties)")
        .isEmpty();
  }

  @Test
  void the_scanner_finds_strings_text_blocks_and_characters_but_not_comments() {
    String source = """
        class A {
          // 注释里的中文不算
          /* 也不算 "引号里" */
          String a = "ok \\" 还在字符串里";
          String b = \"""
              文本块
              \""";
          char c = '０';
          String d = "plain";
          String e = "全角，";
        }
        """;

    List<ChineseLiterals.Found> found = ChineseLiterals.in(Path.of("A.java"), source);

    assertThat(found).extracting(ChineseLiterals.Found::line).containsExactly(4, 5, 8, 10);
    assertThat(found.get(0).literal()).isEqualTo("\"ok \\\" 还在字符串里\"");
  }
}
