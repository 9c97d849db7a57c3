package org.linli.bot.consultation.publish;

import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.linli.bot.consultation.Rule;
import org.linli.bot.page.Html;
import org.linli.bot.page.Page;

/**
 * The public, read-only page of a poll (居务公开): {@code GET /polls/:id} shows the question, the
 * rule in words, participation, the counts (or "结果截止后公布" while a hidden poll is open), the
 * outcome, the chart and, for anonymous polls once closed, the receipt codes; {@code GET
 * /polls/:id/chart.png} is the chart. No token is needed and no personal data is shown.
 */
public final class PollPage {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final ResultSource results;
  private final ResultChart chart;
  private final WorkerExecutor workers;
  private final ZoneId zone;

  /**
   * The page and chart handlers over the given results.
   *
   * @param workers where charts are drawn (blocking CPU work, kept off the event loop)
   * @param zone the community's time zone, for the deadline
   */
  public PollPage(ResultSource results, ResultChart chart, WorkerExecutor workers, ZoneId zone) {
    this.results = results;
    this.chart = chart;
    this.workers = workers;
    this.zone = zone;
  }

  /** {@code GET /polls/:id}: the page, or a 404 page in plain words. */
  public Handler<RoutingContext> page() {
    return ctx -> {
      String id = ctx.pathParam("id");
      if (!validId(id)) {
        notFound(ctx);
        return;
      }
      results.find(id)
          .onSuccess(result -> {
            if (result == null) {
              notFound(ctx);
            } else {
              html(ctx, 200, "议事投票 " + result.pollId(), render(result, zone));
            }
          })
          .onFailure(ctx::fail);
    };
  }

  /** {@code GET /polls/:id/chart.png}: the chart, drawn on the workers. */
  public Handler<RoutingContext> chart() {
    return ctx -> {
      String id = ctx.pathParam("id");
      if (!validId(id)) {
        ctx.fail(new HttpException(404, "There is no poll " + id));
        return;
      }
      results.find(id)
          .compose(result -> result == null
              ? io.vertx.core.Future.failedFuture(new HttpException(404, "There is no poll " + id))
              : chart.render(workers, result).map(png -> new Drawn(result.open(), png)))
          .onSuccess(drawn -> ctx.response()
              .putHeader(HttpHeaders.CONTENT_TYPE, "image/png")
              // Counts move while a poll is open; once closed they are final, but stay modest.
              .putHeader(HttpHeaders.CACHE_CONTROL, drawn.open() ? "public, max-age=30" : "public, max-age=300")
              .putHeader("X-Content-Type-Options", "nosniff")
              .end(Buffer.buffer(drawn.png())))
          .onFailure(ctx::fail);
    };
  }

  private record Drawn(boolean open, byte[] png) {}

  /** Poll ids are short and plain (p1, p2a …); anything else cannot be one and is not looked up. */
  static boolean validId(String id) {
    return id != null && id.matches("[A-Za-z0-9_-]{1,40}");
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

  private static void notFound(RoutingContext ctx) {
    html(ctx, 404, "没有找到这个投票", "<h1>没有找到这个投票</h1><p>请检查链接里的投票编号是否完整。"
        + "如果投票刚刚发起，请稍后再试；如有疑问，请联系社区工作人员。</p>"
        + "<footer>居务公开 · 本页不含任何个人信息</footer>");
  }

  private static void html(RoutingContext ctx, int status, String title, String body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .putHeader("X-Content-Type-Options", "nosniff")
        // The page needs nothing but itself and its chart; anything injected would not run.
        .putHeader("Content-Security-Policy", "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
        .end(Page.document(title, body));
  }
}
