package org.linli.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A guide's Markdown as the public page shows it: CommonMark with tables and links, nothing raw. */
class GuideMarkdownTest {

  @Test
  void a_table_becomes_a_table_with_its_header_and_rows() {
    String html = GuidePage.markdown("| 材料 | 份数 |\n| --- | --- |\n| 身份证 | 1 |\n| 照片 | 2 |\n");

    assertThat(html).contains("<table class=\"guide\">", "<th>材料</th>", "<th>份数</th>", "<td>身份证</td>",
        "<td>2</td>").doesNotContain("| ---");
  }

  @Test
  void a_link_and_a_bare_address_become_links() {
    String html = GuidePage.markdown(
        "在[一网通办](https://zwdt.sh.gov.cn/)预约，或看 https://example.org/kb 。");

    assertThat(html).contains("<a rel=\"nofollow noopener\" href=\"https://zwdt.sh.gov.cn/\">一网通办</a>",
        "<a rel=\"nofollow noopener\" href=\"https://example.org/kb\">https://example.org/kb</a>");
  }

  @Test
  void a_nested_list_keeps_its_levels() {
    String html = GuidePage.markdown("1. 准备材料：\n   - 身份证\n   - 照片\n2. 到窗口提交\n");

    assertThat(html.replace("\n", "")).contains("<ol><li>准备材料：<ul><li>身份证</li><li>照片</li></ul></li>"
        + "<li>到窗口提交</li></ol>");
  }

  @Test
  void raw_html_in_a_guide_is_shown_as_text_and_script_links_are_dropped() {
    String html = GuidePage.markdown("<script>alert('x')</script>\n\n提示 <b onclick=\"x()\">加粗</b> "
        + "[点我](javascript:alert(1)) **真加粗**");

    assertThat(html).doesNotContain("<script", "<b ", "javascript:")
        .contains("&lt;script&gt;alert('x')&lt;/script&gt;", "&lt;b onclick=&quot;x()&quot;&gt;",
            "<a rel=\"nofollow noopener\" href=\"\">点我</a>", "<strong>真加粗</strong>");
  }

  @Test
  void lines_of_a_paragraph_keep_their_breaks() {
    assertThat(GuidePage.markdown("工作日 9:00—17:00\n周六上午 9:00—12:00")).isEqualTo(
        "<p>工作日 9:00—17:00<br>\n周六上午 9:00—12:00</p>\n");
  }
}
