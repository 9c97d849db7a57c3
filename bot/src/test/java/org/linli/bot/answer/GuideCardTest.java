package org.linli.bot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.bot.community.LocalFacts;
import org.linli.kb.Entry;
import org.linli.kb.EntryParser;
import org.linli.kb.QuestionFocus.Aspect;
import org.linli.webhooks.WellFormedText;

class GuideCardTest {

  private static final String LINK = "https://linli.example.org/kb/";

  @Test
  void every_shipped_guide_fits_a_chat_bubble_whatever_part_is_asked() throws Exception {
    for (Entry entry : shipped()) {
      List<Aspect> asked = new ArrayList<>(List.of(Aspect.values()));
      asked.add(null);
      for (Aspect a : asked) {
        String card = GuideCard.render(entry, a, LINK + entry.id());
        assertThat(WellFormedText.length(card)).as(entry.id() + " " + a).isLessThanOrEqualTo(GuideCard.LIMIT);
        assertThat(card).as(entry.id() + " " + a).startsWith("📋 " + entry.title()).endsWith("全文：" + LINK + entry.id());
        if (a == Aspect.MATERIALS && entry.guide().section("所需材料").isPresent()) {
          assertThat(card.split("\n")[1]).as(entry.id()).startsWith("【所需材料】");
        }
      }
    }
  }

  @Test
  void a_long_section_is_cut_after_a_whole_item_and_never_inside_one() throws Exception {
    String item = "居民户口簿原件和复印件，户主页和本人页都要复印一份；";
    StringBuilder materials = new StringBuilder();
    for (int i = 1; i <= 12; i++) {
      materials.append("- 第").append(i).append("项：").append(item).append('\n');
    }
    Entry entry = new EntryParser().parse("""
        ---
        id: long-guide
        title: 一份材料很多的指南
        office: 社区事务受理服务中心
        ---
        一句话摘要：这是一份为了测试而写的很长的指南。第二句话也在这里。

        ## 所需材料
        """ + materials + """

        ## 办理时限
        5个工作日。
        """, "long.md");

    String card = GuideCard.render(entry, Aspect.MATERIALS, LINK + "long-guide");
    List<String> lines = List.of(card.split("\n"));

    assertThat(WellFormedText.length(card)).isLessThanOrEqualTo(GuideCard.LIMIT);
    assertThat(lines.get(1)).isEqualTo("【所需材料】");
    List<String> shown = lines.stream().filter(l -> l.startsWith("· ")).toList();
    assertThat(shown).hasSizeBetween(2, 11);
    // Every item shown is whole; only the last says there are more.
    for (int i = 0; i < shown.size(); i++) {
      assertThat(shown.get(i)).isEqualTo("· 第" + (i + 1) + "项：居民户口簿原件和复印件，户主页和本人页都要复印一份"
          + (i == shown.size() - 1 ? " 等" : ""));
    }
    assertThat(card).endsWith("全文：" + LINK + "long-guide");
  }

  @Test
  void a_single_item_too_long_for_the_card_is_cut_at_a_sentence_end() throws Exception {
    String sentence = "请携带本人有效身份证件到窗口办理。";
    Entry entry = new EntryParser().parse("---\nid: one-item\ntitle: 只有一项\n---\n摘要。\n\n## 所需材料\n- "
        + sentence.repeat(30) + "\n", "one.md");

    String card = GuideCard.render(entry, Aspect.MATERIALS, LINK + "one-item");
    String line = card.split("\n")[1];

    assertThat(WellFormedText.length(card)).isLessThanOrEqualTo(GuideCard.LIMIT);
    assertThat(line).startsWith("【所需材料】" + sentence).endsWith("办理…");
    assertThat(line.replaceFirst("^【所需材料】", "").replace("…", "。")).matches("(" + sentence + ")+");
  }

  static List<Entry> shipped() throws Exception {
    EntryParser parser = new EntryParser();
    List<Entry> out = new ArrayList<>();
    try (var files = Files.list(Path.of("../knowledge-base/entries"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        out.add(parser.parse(Files.readString(f), f.toString()));
      }
    }
    return out;
  }

  private static final LocalFacts XINGHE = new LocalFacts("星河路 18 号星河社区居委会一楼", "021-5555 0101",
      "周一至周五 8:30-17:00");

  @Test
  void a_guide_handled_at_the_community_s_own_office_shows_that_office_s_address_phone_and_hours() throws Exception {
    for (Entry entry : shipped()) {
      for (Aspect a : new Aspect[]{null, Aspect.PLACE, Aspect.MATERIALS}) {
        String card = GuideCard.render(entry, a, LINK + entry.id(), false, XINGHE);
        assertThat(WellFormedText.length(card)).as(entry.id() + " " + a).isLessThanOrEqualTo(GuideCard.LIMIT);
        assertThat(card).as(entry.id()).endsWith("全文：" + LINK + entry.id());
        if (entry.office().contains("居委会")) {
          assertThat(card).as(entry.id()).contains(
              "【本社区居委会】星河路 18 号星河社区居委会一楼 · 021-5555 0101 · 周一至周五 8:30-17:00\n全文：");
        } else if (entry.office().contains("社区事务受理服务中心")) {
          // The street's service centre is not the community's office: its facts would mislead.
          assertThat(card).as(entry.id()).doesNotContain("本社区居委会");
        }
      }
    }
    assertThat(shipped().stream().filter(e -> e.office().contains("居委会")).count()).isPositive();
  }

  @Test
  void without_facts_or_in_traditional_the_line_is_absent_or_converted() throws Exception {
    Entry entry = shipped().stream().filter(e -> e.office().contains("居委会")).findFirst().orElseThrow();
    assertThat(GuideCard.render(entry, null, LINK, false, LocalFacts.NONE))
        .isEqualTo(GuideCard.render(entry, null, LINK, false));
    assertThat(GuideCard.render(entry, null, LINK, true, XINGHE)).contains("【本社區居委會】星河路 18 號");
    LocalFacts longFacts = new LocalFacts("星河路 18 号" + "星河社区居委会一楼东侧便民服务大厅".repeat(4),
        "021-5555 0101", "周一至周五 8:30-17:00，周六上午 9:00-12:00（法定节假日除外）");
    String card = GuideCard.render(entry, null, LINK, false, longFacts);
    assertThat(WellFormedText.length(card)).isLessThanOrEqualTo(GuideCard.LIMIT);
    assertThat(card).contains("【本社区居委会】星河路 18 号").doesNotContain("021-5555 0101");
  }
}
