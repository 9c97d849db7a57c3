package org.linli.bot.consultation.publish;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.linli.bot.consultation.Rule;

/**
 * The public, read-only page of a poll (居务公开): {@code GET /polls/:id} shows the question, the
 * rule in words, participation, the counts (or "结果截止后公布" while a hidden poll is open), the
 * outcome, the chart and, for anonymous polls once closed, the receipt codes; {@code GET
 * /polls/:id/chart.png} is the chart (both served by {@code http.PollPages}). No token is needed
 * and no personal data is shown.
 */
public final class PollPage {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final ZoneId zone;

  /** The pages of a community in time zone {@code zone} (for the deadline). */
  public PollPage(ZoneId zone) {
    this.zone = zone;
  }

  /** The whole page of a result, served with status 200. */
  public String page(PublishedResult result) {
    return html("议事投票 " + result.pollId(), render(result, zone));
  }

  /** The page body: outcome first, then participation, counts and chart, the rule, receipts. */
  static String render(PublishedResult r, ZoneId zone) {
    StringBuilder out = new StringBuilder();
    out.append("<p class=\"kicker\">居务公开 · 议事投票 ").append(Html.escape(r.pollId())).append("</p>");
    out.append("<h1>").append(Html.escape(r.question())).append("</h1>");
    out.append("<p class=\"meta\">");
    out.append(r.open() ? "投票进行中，截止时间：" : "已截止，截止时间：")
        .append(WHEN.format(r.closesAt().atZone(zone))).append("<br>");
    out.append(r.big() ? "大事：按户表决，一户一票" : "小事：居民表决，一人一票");
    out.append(r.multi() > 1 ? "，每票最多选 " + r.multi() + " 项" : "").append("<br>");
    out.append("表决规则：").append(Html.escape(r.ruleTitle())).append("</p>");
    conclusion(out, r);
    participation(out, r);
    counts(out, r);
    rule(out, r);
    receipts(out, r);
    out.append("<footer>居务公开 · 本页不含任何个人信息</footer>");
    return out.toString();
  }

  private static void conclusion(StringBuilder out, PublishedResult r) {
    out.append("<h2>结论</h2>");
    if (r.outcome() == null) {
      out.append("<p>投票进行中，截止后按表决规则得出结论。</p>");
      return;
    }
    boolean passed = r.outcome().passed();
    out.append(passed ? "<p class=\"verdict passed\">通过" : "<p class=\"verdict failed\">未通过")
        .append("<span>（第 1 项“").append(Html.escape(r.options().get(0)))
        .append(passed ? "”符合表决规则）" : "”未达到表决规则）").append("</span></p>");
  }

  private static void participation(StringBuilder out, PublishedResult r) {
    String who = Figures.voters(r);
    out.append("<h2>参与情况</h2><p>共 <strong>").append(r.ballots()).append("</strong> ").append(who).append("参与");
    if (r.eligible() > 0) {
      out.append("（应参与 ").append(r.eligible()).append(" ").append(who).append("，参与率 ")
          .append(Figures.percent((double) r.ballots() / r.eligible())).append("）");
    }
    out.append("</p>");
    if (r.big() && r.eligibleAreaHundredths() > 0) {
      out.append("<p>参与表决的专有部分面积 ").append(Figures.area(r.participatingAreaHundredths()))
          .append(" m²（总面积 ").append(Figures.area(r.eligibleAreaHundredths())).append(" m²，占 ")
          .append(Figures.percent((double) r.participatingAreaHundredths() / r.eligibleAreaHundredths()))
          .append("）</p>");
    }
  }

  private static void counts(StringBuilder out, PublishedResult r) {
    out.append("<h2>投票结果</h2>");
    out.append(r.showsTally() ? table(r) : "<p class=\"hidden\">结果截止后公布。</p>");
    out.append("<p class=\"chart\"><img src=\"/polls/").append(Html.escape(r.pollId())).append("/chart.png\" alt=\"")
        .append(Html.escape((r.showsTally() ? "投票结果图：" : "参与情况图：") + r.question()))
        .append("\" width=\"800\"></p>");
  }

  private static void rule(StringBuilder out, PublishedResult r) {
    out.append("<h2>表决规则</h2><ul class=\"rule\">");
    for (Rule.Condition c : r.conditions()) {
      out.append("<li>");
      if (r.outcome() != null) {
        out.append(c.met() ? "<span class=\"met\">✔ 已满足</span> " : "<span class=\"unmet\">✘ 未满足</span> ");
      }
      out.append(Html.escape(c.description()));
      if (r.outcome() != null && !c.detail().isBlank()) {
        out.append("<br><span class=\"detail\">").append(Html.escape(c.detail())).append("</span>");
      }
      out.append("</li>");
    }
    out.append("</ul>");
  }

  private static void receipts(StringBuilder out, PublishedResult r) {
    if (r.receipts().isEmpty()) {
      return;
    }
    out.append("<h2>投票回执</h2><p class=\"meta\">本次为匿名投票。投票时您私下收到一个回执码，"
        + "可在下表中核对您的选票是否按所投计入。回执码与投票人无关联。</p><table class=\"receipts\">"
        + "<thead><tr><th>回执码</th><th>所投选项</th></tr></thead><tbody>");
    r.receipts().forEach(receipt -> out.append("<tr><td><code>").append(Html.escape(receipt.code()))
        .append("</code></td><td>").append(Html.escape(receipt.choice())).append("</td></tr>"));
    out.append("</tbody></table>");
  }

  private static String table(PublishedResult r) {
    StringBuilder out = new StringBuilder("<table><thead><tr><th>选项</th><th>")
        .append(r.big() ? "户数" : "票数").append("</th><th>占比</th>");
    out.append(r.hasAreas() ? "<th>面积（m²）</th>" : "").append("</tr></thead><tbody>");
    for (int n = 1; n <= r.options().size(); n++) {
      out.append("<tr><td>").append(n).append(". ").append(Html.escape(r.options().get(n - 1))).append("</td><td>")
          .append(r.votes().get(n - 1)).append("</td><td>").append(Figures.percent(r.share(n))).append("</td>");
      if (r.hasAreas()) {
        out.append("<td>").append(Figures.area(r.areasHundredths().get(n - 1))).append("</td>");
      }
      out.append("</tr>");
    }
    out.append("</tbody></table>");
    if (r.multi() > 1) {
      out.append("<p class=\"meta\">多选投票：占比按参与").append(r.big() ? "户数" : "人数").append("计算，合计可超过100%。</p>");
    }
    return out.toString();
  }

  /** The page for a poll that does not exist, served with status 404. */
  public static String notFound() {
    return html("没有找到这个投票", "<h1>没有找到这个投票</h1><p>请检查链接里的投票编号是否完整。"
        + "如果投票刚刚发起，请稍后再试；如有疑问，请联系社区工作人员。</p>"
        + "<footer>居务公开 · 本页不含任何个人信息</footer>");
  }

  private static String html(String title, String body) {
    return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>" + Html.escape(title) + " · 邻里</title><style>"
            + "body{font-family:system-ui,'PingFang SC','Noto Sans CJK SC','WenQuanYi Micro Hei','Microsoft YaHei',"
            + "sans-serif;max-width:42rem;margin:0 auto;padding:1rem;line-height:1.7;color:#222}"
            + "h1{font-size:1.5rem;margin:.2rem 0 .5rem}"
            + "h2{font-size:1.15rem;border-left:4px solid #c33;padding-left:.5rem;margin-top:1.5rem}"
            + ".kicker{color:#c33;font-size:.9rem;margin:0}.meta{color:#666;font-size:.9rem}"
            + "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;"
            + "border-bottom:1px solid #eee}td:not(:first-child),th:not(:first-child){text-align:right}"
            + ".rule li{margin-bottom:.4rem}.detail{color:#666;font-size:.9rem}"
            + ".met,.passed{color:#1e8449}.unmet,.failed{color:#c0392b}"
            + ".verdict{font-size:1.3rem;font-weight:bold}.verdict span{font-size:.95rem;font-weight:normal;color:#444}"
            + ".hidden{background:#fff6e5;padding:.6rem .8rem;border-radius:6px}"
            + ".chart img{max-width:100%;height:auto;border:1px solid #eee;border-radius:6px}"
            + "code{font-size:1rem;letter-spacing:.05em}"
            + "footer{margin-top:2rem;padding-top:.8rem;border-top:1px solid #eee;color:#888;font-size:.85rem}"
            + "</style></head><body>" + body + "</body></html>";
  }
}
