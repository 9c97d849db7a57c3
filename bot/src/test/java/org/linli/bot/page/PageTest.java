package org.linli.bot.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The frame every public page shares: one stylesheet from the classpath, the title escaped. */
class PageTest {

  @Test
  void a_page_inlines_the_house_stylesheet_once_and_escapes_its_title() {
    String page = Page.document("<议题> & \"投票\"", "<p>正文</p>");

    assertThat(Page.STYLE).contains("body{", "table.guide td", ".verdict{");
    assertThat(page).startsWith("<!doctype html><html lang=\"zh-CN\">")
        .contains("<title>&lt;议题&gt; &amp; &quot;投票&quot; · 邻里</title>", "<body><p>正文</p></body>")
        .containsOnlyOnce("<style>" + Page.STYLE + "</style>");
  }

  @Test
  void every_character_that_could_open_markup_or_end_an_attribute_is_escaped() {
    assertThat(Html.escape("<a href='x' title=\"y\">&amp;</a>"))
        .isEqualTo("&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;amp;&lt;/a&gt;");
  }
}
