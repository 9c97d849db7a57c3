package org.linli.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntryParserTest {

  private final EntryParser parser = new EntryParser();

  @Test
  void a_valid_entry_keeps_its_fields_and_unknown_front_matter_in_extra() throws EntryFormatException {
    String text = """
        ---
        id: community-garden
        title: 认领社区菜园地块
        questions: [社区菜园怎么认领, 小区里能种菜吗]
        tags: [菜园, 认领]
        office: 社区居委会
        source: 本社区菜园管理办法
        updated: 2025-04-01
        contact_room: 201室
        seasons: [春, 秋]
        ---
        一句话摘要：居民可向居委会申请认领一块菜地。

        ## 办理步骤
        1. 到居委会登记；
        2. 抽签分地。
        """;

    Entry entry = parser.parse(text, "garden.md");

    assertThat(entry.id()).isEqualTo("community-garden");
    assertThat(entry.title()).isEqualTo("认领社区菜园地块");
    assertThat(entry.questions()).containsExactly("社区菜园怎么认领", "小区里能种菜吗");
    assertThat(entry.tags()).containsExactly("菜园", "认领");
    assertThat(entry.office()).isEqualTo("社区居委会");
    assertThat(entry.source()).isEqualTo("本社区菜园管理办法");
    assertThat(entry.updated()).isEqualTo("2025-04-01");
    assertThat(entry.extra())
        .containsExactlyInAnyOrderEntriesOf(
            Map.<String, Object>of("contact_room", "201室", "seasons", List.of("春", "秋")));
    assertThat(entry.origin()).isEqualTo("garden.md");
    assertThat(entry.body()).startsWith("一句话摘要：").endsWith("2. 抽签分地。");
    assertThat(entry.guide().summary()).isEqualTo("居民可向居委会申请认领一块菜地。");
    assertThat(entry.guide().section("步骤").orElseThrow().items()).containsExactly("到居委会登记；", "抽签分地。");
  }

  @Test
  void a_single_question_written_as_text_becomes_a_list_of_one() throws EntryFormatException {
    Entry entry = parser.parse("---\nid: a\ntitle: 标题\nquestions: 只有一个问题\n---\n正文\n", "a.md");

    assertThat(entry.questions()).containsExactly("只有一个问题");
  }

  @Test
  void windows_line_endings_and_a_byte_order_mark_are_accepted() throws EntryFormatException {
    Entry entry = parser.parse("\uFEFF---\r\nid: a\r\ntitle: 标题\r\n---\r\n正文\r\n", "a.md");

    assertThat(entry.id()).isEqualTo("a");
    assertThat(entry.body()).isEqualTo("正文");
  }

  static Stream<Arguments> entriesRefusedWithTheirReason() {
    return Stream.of(
        arguments("an entry without an id", "---\ntitle: 标题\n---\n正文\n", "front matter has no 'id'"),
        arguments("an entry without a title", "---\nid: a\n---\n正文\n", "front matter has no 'title'"),
        arguments("an entry without a body", "---\nid: a\ntitle: 标题\n---\n\n  \n",
            "has no body after the front matter"),
        arguments("front matter that is never closed", "---\nid: a\ntitle: 标题\n正文\n",
            "front matter is not closed by a '---' line"),
        arguments("a title given as a list", "---\nid: a\ntitle: [一, 二]\n---\n正文\n", "'title' must be a single value"),
        arguments("empty front matter, as having no id", "---\n---\n正文\n", "front matter has no 'id'"));
  }

  @ParameterizedTest(name = "{0} is refused")
  @MethodSource("entriesRefusedWithTheirReason")
  void an_entry_that_breaks_a_rule_of_the_format_is_refused_with_its_reason(String what, String text, String reason) {
    refused(text).hasMessage(reason);
  }

  @Test
  void an_id_that_is_not_lower_case_letters_digits_and_dashes_is_refused() {
    refused("---\nid: Community Garden\ntitle: 标题\n---\n正文\n")
        .hasMessageContaining("'Community Garden'")
        .hasMessageContaining("lower-case");
  }

  @Test
  void a_file_without_front_matter_is_refused() {
    refused("# 标题\n正文\n").hasMessageContaining("does not start with a '---' front matter line");
  }

  @Test
  void invalid_yaml_is_refused_with_the_line_it_is_on() {
    refused("---\nid: a\ntitle: 标题\ntags: [菜园, 认领\n---\n正文\n")
        .hasMessageStartingWith("front matter is not valid YAML (line ");
  }

  @Test
  void aliases_are_a_list_of_texts_and_empty_when_absent() throws EntryFormatException {
    String listed = "---\nid: juzhu\ntitle: 居住证\naliases: [暂住证, ' 居住证件 ', '']\n---\n正文\n";
    String single = "---\nid: juzhu\ntitle: 居住证\naliases: 暂住证\n---\n正文\n";
    String none = "---\nid: juzhu\ntitle: 居住证\n---\n正文\n";

    assertThat(parser.parse(listed, "a.md").aliases()).containsExactly("暂住证", "居住证件");
    assertThat(parser.parse(single, "b.md").aliases()).containsExactly("暂住证");
    assertThat(parser.parse(none, "c.md").aliases()).isEmpty();
    assertThat(parser.parse(none, "c.md").extra()).doesNotContainKey("aliases");
  }

  @Test
  void aliases_that_are_not_texts_are_refused() {
    String nested = "---\nid: juzhu\ntitle: 居住证\naliases: [{name: 暂住证}]\n---\n正文\n";

    refused(nested).hasMessageContaining("aliases");
  }

  @Test
  void the_category_is_read_from_the_front_matter_and_must_be_one_name() throws EntryFormatException {
    Entry entry = parser.parse("---\nid: a\ntitle: 甲\ncategory: 社区生活\n---\n正文。", "a.md");
    Entry none = parser.parse("---\nid: b\ntitle: 乙\n---\n正文。", "b.md");

    assertThat(entry.category()).isEqualTo("社区生活");
    assertThat(none.category()).isEmpty();
    assertThatThrownBy(() -> parser.parse("---\nid: c\ntitle: 丙\ncategory: [甲, 乙]\n---\n正文。", "c.md"))
        .isInstanceOf(EntryFormatException.class).hasMessageContaining("category");
  }

  private AbstractThrowableAssert<?, ? extends Throwable> refused(String text) {
    return assertThatThrownBy(() -> parser.parse(text, "a.md")).isInstanceOf(EntryFormatException.class);
  }
}
