package org.linli.bot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.kb.Entry;
import org.linli.kb.EntryParser;

class GuideDirectoryTest {

  @Test
  void guides_are_grouped_in_the_standard_order_with_their_own_categories_next_and_the_uncategorised_last()
      throws Exception {
    List<Entry> entries = List.of(
        entry("pigeons", "信鸽饲养登记", null),
        entry("garden", "社区菜园认领", "社区农事"),
        entry("dibao", "低保申请", "社会救助"),
        entry("idcard", "身份证补领", "户籍证件"),
        entry("juzhu", "居住证办理", "户籍证件"));

    GuideDirectory.Listing listing = GuideDirectory.of(entries);

    assertThat(listing.text()).isEqualTo("""
        办事指南目录（回复序号看详情，也可以直接问我）：
        【户籍证件】
        1. 居住证办理
        2. 身份证补领
        【社会救助】
        3. 低保申请
        【社区农事】
        4. 社区菜园认领
        【其他】
        5. 信鸽饲养登记""");
    assertThat(listing.ids()).containsExactly("juzhu", "idcard", "dibao", "garden", "pigeons");
  }

  private static Entry entry(String id, String title, String category) throws Exception {
    return new EntryParser().parse("---\nid: " + id + "\ntitle: " + title + "\n"
        + (category == null ? "" : "category: " + category + "\n") + "---\n正文。", id + ".md");
  }
}
