package org.linli.bot.consultation.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsCsvTest {

  @Test
  void the_file_starts_with_a_byte_order_mark_and_ends_every_line_with_crlf() {
    String csv = ResultsCsv.render(Results.closedSmall("p1", "周六活动室是否开放"));

    assertThat(csv).startsWith("\uFEFFpoll,p1\r\nquestion,周六活动室是否开放\r\n").endsWith("\r\n");
    assertThat(csv.replace("\r\n", "")).doesNotContain("\n", "\r");
  }

  @Test
  void the_table_gives_votes_and_share_per_option_and_the_header_the_figures_around_them() {
    String csv = ResultsCsv.render(Results.closedSmall("p1", "周六活动室是否开放"));

    assertThat(csv).contains(
        "rule,majority,过半数通过\r\n", "status,closed\r\n", "closes_at,2026-06-01T12:00:00Z\r\n",
        "ballots,12\r\n", "eligible,40\r\n", "outcome,passed\r\n",
        "\r\noption,votes,share,area_m2\r\n同意,8,0.6667,\r\n不同意,3,0.2500,\r\n弃权,1,0.0833,\r\n",
        "condition,met,detail\r\n同意票过半数（超过投票总数的1/2）,yes,已达到（8/12票，比门槛多 1票）\r\n");
    assertThat(csv).doesNotContain("receipt");
  }

  @Test
  void a_big_matter_carries_floor_areas_and_every_civil_code_condition() {
    String csv = ResultsCsv.render(Results.closedBig("p5"));

    assertThat(csv).contains("scale,big\r\n", "participating_area_m2,9300.00\r\n", "eligible_area_m2,12000.00\r\n",
        "同意,70,0.7368,7000.00\r\n", "outcome,not_passed\r\n",
        "参与表决的专有部分面积不少于总面积的2/3,yes,", "同意的户数不少于参与表决户数的3/4,no,未达到（70/95户，还差 2户）");
  }

  @Test
  void commas_quotes_and_line_breaks_are_quoted_and_formulas_are_defused() {
    String csv = ResultsCsv.render(Results.small("p7", "第一行\n第二行", List.of("上午, 9点", "说\"好\"", "=HYPERLINK(\"x\")"),
        List.of(1L, 2L, 3L), false, false));

    assertThat(csv).contains("question,\"第一行\n第二行\"\r\n", "\"上午, 9点\",1,", "\"说\"\"好\"\"\",2,",
        "\"'=HYPERLINK(\"\"x\"\")\",3,");
    assertThat(ResultsCsv.cell("-12.5")).isEqualTo("-12.5");
    assertThat(ResultsCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(ResultsCsv.cell(" 边上有空格")).isEqualTo("\" 边上有空格\"");
  }

  @Test
  void an_anonymous_poll_lists_its_receipts_after_the_conditions() {
    String csv = ResultsCsv.render(Results.withReceipts(Results.closedSmall("p4", "匿名议题"),
        List.of(new PublishedResult.Receipt("K7F3-Q2", "同意"), new PublishedResult.Receipt("M9X1-A4", "弃权"))));

    assertThat(csv).endsWith("\r\nreceipt,choice\r\nK7F3-Q2,同意\r\nM9X1-A4,弃权\r\n");
  }

  @Test
  void an_open_hidden_poll_is_marked_as_not_to_be_published_yet() {
    String csv = ResultsCsv.render(Results.small("p3", "议题", List.of("同意", "不同意"), List.of(17L, 4L), true, true));

    assertThat(csv).contains("status,open\r\n", "outcome,undecided\r\n", "note,结果截止后公布：",
        "同意票过半数（超过投票总数的1/2）,,\r\n");
  }
}
