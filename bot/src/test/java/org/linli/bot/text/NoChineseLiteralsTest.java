package org.linli.bot.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chinese texts and vocabularies live in resource files, not in the main code's literals: replies,
 * button labels and page texts in the bundles of this package (and webhooks' edge texts), the
 * knowledge base's rule words under its {@code src/main/resources/linli/}.
 */
class NoChineseLiteralsTest {

  /** The main source roots of every module of the service, relative to the bot module. */
  static final List<Path> MAIN_CODE = List.of(
      Path.of("src/main/java"),
      Path.of("../webhooks/src/main/java"),
      Path.of("../knowledge-base/src/main/java"),
      Path.of("../config/src/main/java"));

  @Test
  void main_code_has_no_literal_with_chinese_characters_or_punctuation() {
    for (Path root : MAIN_CODE) {
      assertThat(root).isDirectory();
      assertThat(ChineseLiterals.under(root))
          .as("literals with CJK text under %s: move them to the bundles or the rule files", root)
          .isEmpty();
    }
  }

  @Test
  void a_string_literal_with_han_characters_is_found_with_its_file_and_line() {
    String source = "class A {\n  String a = \"ok\";\n  String b = \"电梯困人\";\n}\n";

    assertThat(ChineseLiterals.in("A.java", source))
        .extracting(Object::toString)
        .containsExactly("A.java:3: \"电梯困人\"");
  }

  @Test
  void comments_and_javadoc_may_hold_chinese() {
    String source = "/** 居民咨询 \"引号\" */\nclass A {\n  // 注释 \"电梯\"\n  /* 块注释 '字' */\n"
        + "  int a = 1; // 行尾 \"x\"\n"
        + "  String url = \"http://x\"; // 网址\n}\n";

    assertThat(ChineseLiterals.in("A.java", source)).isEmpty();
  }

  @Test
  void text_blocks_char_literals_and_full_width_punctuation_are_found() {
    String source = "class A {\n  String t = \"\"\"\n      line\n      第二行\n      \"\"\";\n  char c = '、';\n"
        + "  String p = \"a：b\";\n  String q = \"\\\"，\\\"\";\n  String ok = \"a:b\";\n}\n";

    assertThat(ChineseLiterals.in("A.java", source))
        .extracting(ChineseLiterals.Hit::line)
        .containsExactly(4, 6, 7, 8);
  }

  @Test
  void unicode_escapes_are_decoded_before_scanning_as_javac_does() {
    String escaped = "class A { String a = \"\\u4e2d\"; }\n";
    String notAnEscape = "class A { String a = \"\\\\u4e2d\"; }\n";

    assertThat(ChineseLiterals.in("A.java", escaped)).hasSize(1);
    assertThat(ChineseLiterals.in("A.java", notAnEscape)).isEmpty();
  }

  @Test
  void a_file_under_the_scanned_root_is_reported_relative_to_it(@TempDir Path dir)
      throws Exception {
    Path pkg = Files.createDirectories(dir.resolve("org/x"));
    Files.writeString(pkg.resolve("Ok.java"), "class Ok { String a = \"fine\"; }\n");
    Files.writeString(pkg.resolve("Bad.java"), "class Bad {\n  // 注释\n  String a = \"不行\";\n}\n");
    Files.writeString(pkg.resolve("notes.txt"), "\"不是代码\"\n");

    List<ChineseLiterals.Hit> hits = ChineseLiterals.under(dir);

    assertThat(hits).extracting(Object::toString).containsExactly("org/x/Bad.java:3: \"不行\"");
  }
}
