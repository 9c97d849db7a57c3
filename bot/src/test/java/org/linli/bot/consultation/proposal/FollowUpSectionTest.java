package org.linli.bot.consultation.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The origin and follow-up section of a poll's public page. */
class FollowUpSectionTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Instant AT = Instant.parse("2026-12-01T02:30:00Z");

  @Test
  void a_poll_opened_directly_without_steps_has_no_section() {
    assertThat(FollowUpSection.render(new FollowUp("p1", "", false, List.of()), null, SHANGHAI)).isEmpty();
  }

  @Test
  void steps_are_shown_in_order_with_their_date_and_tickets_and_escaped() {
    FollowUp f = new FollowUp("p1", "t1", false, List.of(
        new FollowUp.Step(AT, "已联系施工方 <script>alert(1)</script>", List.of("20261201-0001"), false),
        new FollowUp.Step(AT.plusSeconds(3600), "材料已进场", List.of(), false)));
    Proposal origin = new Proposal("t1", "generic", "g1", "东门加装雨棚 & 坡道", "", AT, AT, 3, 4,
        Proposal.Status.ACCEPTED, "p1", "");

    String html = FollowUpSection.render(f, origin, SHANGHAI);

    assertThat(html).contains("源自居民议题 t1", "东门加装雨棚 &amp; 坡道", "4 位居民附议", "落实情况", "正在落实",
        "2026年12月1日 10:30", "&lt;script&gt;", "关联求助工单：20261201-0001")
        .doesNotContain("<script>", "已落实完毕");
    assertThat(html.indexOf("已联系施工方")).isLessThan(html.indexOf("材料已进场"));
  }

  @Test
  void a_matter_marked_done_says_so() {
    FollowUp f = new FollowUp("p1", "", true, List.of(new FollowUp.Step(AT, "已完工", List.of(), true)));

    assertThat(FollowUpSection.render(f, null, SHANGHAI)).contains("已落实完毕", "已完工").doesNotContain("正在落实",
        "源自居民议题");
  }
}
