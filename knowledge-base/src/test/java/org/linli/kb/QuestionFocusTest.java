package org.linli.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linli.kb.QuestionFocus.Aspect;

class QuestionFocusTest {

  /** Each question's focus includes the aspect it is paired with. */
  private static void assertFocus(Map<String, Aspect> aspectOfQuestion) {
    aspectOfQuestion.forEach(
        (question, aspect) -> assertThat(QuestionFocus.of(question)).as(question).contains(aspect));
  }

  @Test
  void each_aspect_is_recognised_in_plain_questions() {
    assertFocus(Map.of(
        "办居住证要带什么材料", Aspect.MATERIALS,
        "低保审批要多久", Aspect.TIME_LIMIT,
        "补办身份证收费吗，多少钱", Aspect.FEES,
        "受理中心在哪，几点上班", Aspect.PLACE,
        "残疾人证的办理流程是什么", Aspect.STEPS,
        "外地人能不能办居住证", Aspect.ELIGIBILITY));
    assertThat(QuestionFocus.of("居住证是什么")).isEmpty();
  }

  @Test
  void traditional_characters_are_folded_before_matching() {
    assertFocus(Map.of(
        "辦居住證要準備什麼材料", Aspect.MATERIALS,
        "審批要多長時間", Aspect.TIME_LIMIT,
        "辦理地點在哪裡", Aspect.PLACE,
        "申請條件是什麼", Aspect.ELIGIBILITY));
  }

  @Test
  void dialect_forms_are_recognised() {
    assertFocus(Map.of(
        "办低保要撒子材料", Aspect.MATERIALS,
        "换身份证要几多钱", Aspect.FEES,
        "居住证点样办", Aspect.STEPS,
        "居住证啷个办", Aspect.STEPS,
        "高龄津贴啥辰光好拿到", Aspect.TIME_LIMIT));
  }

  @Test
  void a_specific_aspect_comes_before_the_generic_how_to() {
    assertThat(QuestionFocus.aspects("低保怎么申请，要带什么材料？")).containsExactly(Aspect.MATERIALS, Aspect.STEPS);
  }

  @Test
  void the_section_is_found_under_the_headings_different_offices_use() {
    GuideBody body = GuideBody.parse("""
        摘要。

        ## 申请条件
        - 年满60周岁
        ## 需要准备
        - 身份证
        ## 多长时间
        - 5个工作日
        ## 费用
        - 免费
        ## 在哪办
        - 社区服务中心
        ## 办理流程
        1. 申请
        """);

    Map.of(
        Aspect.MATERIALS, "需要准备",
        Aspect.TIME_LIMIT, "多长时间",
        Aspect.FEES, "费用",
        Aspect.PLACE, "在哪办",
        Aspect.STEPS, "办理流程",
        Aspect.ELIGIBILITY, "申请条件")
        .forEach((aspect, heading) -> assertThat(QuestionFocus.section(body, aspect)).as(aspect.name()).get()
            .extracting(GuideBody.Section::heading).isEqualTo(heading));
  }

  @Test
  void the_focus_falls_back_to_the_next_aspect_the_guide_has_a_section_for() throws Exception {
    GuideBody body = GuideBody.parse(Files.readString(Path.of("entries/dibao-apply.md")).split("\n---\n", 2)[1]);

    assertThat(QuestionFocus.in("低保要交多少钱，怎么申请", body)).get()
        .extracting(QuestionFocus.Focus::aspect).isEqualTo(Aspect.STEPS);
    assertThat(QuestionFocus.in("低保要带什么", body)).get()
        .extracting(f -> f.section().heading()).isEqualTo("所需材料");
  }

  @Test
  void every_shipped_guide_has_one_of_the_ten_categories() throws Exception {
    EntryParser parser = new EntryParser();
    Set<String> allowed = Set.of(
        "户籍证件", "社会救助", "养老助残", "卫生健康", "社保就业", "住房物业", "教育托育", "法律服务", "平安应急", "社区生活");
    try (var files = Files.list(Path.of("entries"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        assertThat(parser.parse(Files.readString(f), f.toString()).category()).as(f.toString()).isIn(allowed);
      }
    }
  }
}
