package org.linli.bot.consultation.publish;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.linli.bot.consultation.Decision;
import org.linli.bot.consultation.Poll;
import org.linli.bot.consultation.Rule;
import org.linli.bot.page.Html;
import org.linli.bot.page.Page;
import org.linli.bot.text.Text;

/**
 * The public, read-only page of a poll (居务公开): {@code GET /polls/:id} shows the question, the
 * rule in words, participation, the counts (or "结果截止后公布" while a hidden poll is open), the
 * outcome, the chart and, for anonymous polls once closed, the receipt codes; {@code GET
 * /polls/:id/chart.png} is the chart (both served by {@code http.PollPages}). No token is needed
 * and no personal data is shown.
 */
public final class PollPage {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(Text.FORMAT_DATE_TIME.of());

  private final ZoneId zone;

  /** The pages of a community in time zone {@code zone} (for the deadline). */
  public PollPage(ZoneId zone) {
    this.zone = zone;
  }

  /** The whole page of a result, served with status 200. */
  public String page(PublishedResult result) {
    return page(result, "");
  }

  /** The page with {@code section} (HTML: the poll's origin and follow-up) before its footer. */
  public String page(PublishedResult result, String section) {
    return html(Text.PAGE_POLL_TITLE.of(result.pollId()),
        render(result, zone).replace("<footer>", section + "<footer>"));
  }

  /** The page body: outcome first, then participation, counts and chart, the rule, receipts. */
  static String render(PublishedResult r, ZoneId zone) {
    StringBuilder out = new StringBuilder();
    out.append("<p class=\"kicker\">").append(Text.PAGE_POLL_KICKER.of(Html.escape(r.pollId()))).append("</p>");
    out.append("<h1>").append(Html.escape(r.question())).append("</h1>");
    out.append("<p class=\"meta\">");
    out.append(status(r, zone)).append("<br>");
    out.append(r.big() ? Text.PAGE_POLL_BIG.of() : Text.PAGE_POLL_SMALL.of());
    out.append(r.multi() > 1 && r.kind() == Poll.Kind.CHOICE ? Text.PAGE_POLL_MULTI.of(r.multi()) : "").append("<br>");
    out.append(Text.PAGE_POLL_KIND.of(kindWords(r))).append("<br>");
    out.append(Text.POLL_RULE.of(Html.escape(r.ruleTitle()))).append("</p>");
    conclusion(out, r);
    participation(out, r);
    counts(out, r);
    rounds(out, r);
    rule(out, r);
    receipts(out, r);
    out.append("<footer>").append(Text.PAGE_POLL_FOOTER.of()).append("</footer>");
    return out.toString();
  }

  /**
   * Open until the deadline, or closed: at the deadline, or — closed early by a moderator — at the
   * time it actually closed, with the deadline it had.
   */
  private static String status(PublishedResult r, ZoneId zone) {
    String deadline = WHEN.format(r.closesAt().atZone(zone));
    if (r.open()) {
      return Text.PAGE_POLL_OPEN.of(deadline);
    }
    String closed = r.closedAt() == null ? deadline : WHEN.format(r.closedAt().atZone(zone));
    return closed.equals(deadline) ? Text.PAGE_POLL_CLOSED.of(deadline) : Text.PAGE_POLL_CLOSED_AT.of(closed, deadline);
  }

  /** 单选, 多选, 对提议表决 or 排序投票, and whether the ballot is secret. */
  private static String kindWords(PublishedResult r) {
    String kind = switch (r.kind()) {
      case PROPOSAL -> Text.KIND_PROPOSAL_WORDS.of();
      case CHOICE -> r.multi() > 1 ? Text.KIND_CHOICE_MULTI_WORDS.of(r.multi()) : Text.KIND_CHOICE_WORDS.of();
      case RANKED -> Text.KIND_RANKED_WORDS.of();
    };
    return kind + Text.LIST_SEPARATOR.of() + (r.anonymous() ? Text.BALLOT_SECRET.of() : Text.BALLOT_OPEN.of());
  }

  private static void conclusion(StringBuilder out, PublishedResult r) {
    out.append("<h2>").append(Text.PAGE_POLL_CONCLUSION.of()).append("</h2>");
    if (r.outcome() == null) {
      out.append("<p>").append(Text.PAGE_POLL_NO_CONCLUSION_YET.of()).append("</p>");
      return;
    }
    if (r.kind() != Poll.Kind.PROPOSAL) {
      Decision d = r.decision();
      String css = d.passed() ? "passed" : d.tie() ? "tie" : "failed";
      Text why = d.passed()
          ? Text.PAGE_POLL_DECIDED_WHY
          : d.tie() ? Text.PAGE_POLL_TIE_WHY : Text.PAGE_POLL_UNDECIDED_WHY;
      out.append("<p class=\"verdict ").append(css).append("\">").append(Html.escape(r.verdict()))
          .append("<span>").append(why.of()).append("</span></p>");
      return;
    }
    boolean passed = r.outcome().passed();
    out.append(passed ? "<p class=\"verdict passed\">" : "<p class=\"verdict failed\">")
        .append(passed ? Text.PAGE_POLL_PASSED.of() : Text.PAGE_POLL_FAILED.of())
        .append("<span>").append((passed ? Text.PAGE_POLL_PASSED_WHY : Text.PAGE_POLL_FAILED_WHY)
            .of(Html.escape(r.options().get(0))))
        .append("</span></p>");
  }

  private static void participation(StringBuilder out, PublishedResult r) {
    String who = Figures.voters(r);
    out.append("<h2>").append(Text.PAGE_POLL_PARTICIPATION.of()).append("</h2><p>")
        .append(Text.PAGE_POLL_BALLOTS.of("<strong>" + r.ballots() + "</strong>", who));
    if (r.eligible() > 0) {
      out.append(Text.PAGE_POLL_ELIGIBLE.of(r.eligible(), who, Figures.percent((double) r.ballots() / r.eligible())));
    }
    out.append("</p>");
    if (r.big() && r.eligibleAreaHundredths() > 0) {
      out.append("<p>").append(Text.PAGE_POLL_AREA.of(Figures.area(r.participatingAreaHundredths()),
          Figures.area(r.eligibleAreaHundredths()),
          Figures.percent((double) r.participatingAreaHundredths() / r.eligibleAreaHundredths())))
          .append("</p>");
    }
  }

  private static void counts(StringBuilder out, PublishedResult r) {
    out.append("<h2>").append(Text.PAGE_POLL_RESULTS.of()).append("</h2>");
    out.append(r.showsTally() ? table(r) : "<p class=\"hidden\">" + Text.PAGE_POLL_HIDDEN.of() + "</p>");
    out.append("<p class=\"chart\"><img src=\"/polls/").append(Html.escape(r.pollId())).append("/chart.png\" alt=\"")
        .append(Html.escape((r.showsTally() ? Text.PAGE_POLL_CHART_RESULTS : Text.PAGE_POLL_CHART_PARTICIPATION)
            .of(r.question())))
        .append("\" width=\"800\"></p>");
  }

  /** The rounds of a ranked count, one row each: what every option still in had, and who went out. */
  private static void rounds(StringBuilder out, PublishedResult r) {
    if (r.decision() == null || r.decision().rounds().isEmpty()) {
      return;
    }
    out.append("<h2>").append(Text.PAGE_POLL_ROUNDS.of()).append("</h2><table class=\"rounds\"><thead><tr><th>")
        .append(Text.PAGE_POLL_ROUND.of()).append("</th>");
    r.options().forEach(o -> out.append("<th>").append(Html.escape(o)).append("</th>"));
    out.append("<th>").append(Text.PAGE_POLL_ROUND_OUTCOME.of()).append("</th></tr></thead><tbody>");
    for (Decision.Round round : r.decision().rounds()) {
      out.append("<tr><td>").append(Text.PAGE_POLL_ROUND_NUMBER.of(round.number())).append("</td>");
      for (int n = 1; n <= r.options().size(); n++) {
        out.append("<td>").append(round.continuing().contains(n) ? String.valueOf(round.votes().get(n - 1)) : "—")
            .append("</td>");
      }
      String outcome = round.eliminated().isEmpty()
          ? Html.escape(r.verdict())
          : Text.PAGE_POLL_ROUND_ELIMINATED.of(Html.escape(Decision.quoted(r.options(), round.eliminated())))
              + (round.tieBroken() ? Text.POLL_ROUND_TIE_BROKEN.of() : "");
      if (round.exhausted() > 0) {
        outcome += Text.POLL_ROUND_EXHAUSTED.of(round.exhausted());
      }
      out.append("<td>").append(outcome).append("</td></tr>");
    }
    out.append("</tbody></table><p class=\"meta\">").append(Text.PAGE_POLL_ROUNDS_HOW.of()).append("</p>");
  }

  private static void rule(StringBuilder out, PublishedResult r) {
    out.append("<h2>").append(Text.PAGE_POLL_RULE.of()).append("</h2><ul class=\"rule\">");
    for (Rule.Condition c : r.conditions()) {
      out.append("<li>");
      if (r.outcome() != null) {
        out.append(c.met()
            ? "<span class=\"met\">✔ " + Text.PAGE_POLL_MET.of() + "</span> "
            : "<span class=\"unmet\">✘ " + Text.PAGE_POLL_UNMET.of() + "</span> ");
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
    out.append("<h2>").append(Text.PAGE_POLL_RECEIPTS.of()).append("</h2><p class=\"meta\">")
        .append(Text.PAGE_POLL_RECEIPTS_HOW.of()).append("</p><table class=\"receipts\"><thead><tr><th>")
        .append(Text.PAGE_POLL_RECEIPT_CODE.of()).append("</th><th>").append(Text.PAGE_POLL_RECEIPT_CHOICE.of())
        .append("</th></tr></thead><tbody>");
    r.receipts().forEach(receipt -> out.append("<tr><td><code>").append(Html.escape(receipt.code()))
        .append("</code></td><td>").append(Html.escape(receipt.choice())).append("</td></tr>"));
    out.append("</tbody></table>");
  }

  private static String table(PublishedResult r) {
    StringBuilder out = new StringBuilder("<table><thead><tr><th>").append(Text.PAGE_POLL_OPTION.of())
        .append("</th><th>").append(r.ranked()
            ? Text.PAGE_POLL_FIRST_PREFERENCES.of()
            : r.big() ? Text.PAGE_POLL_HOUSEHOLDS.of() : Text.PAGE_POLL_VOTES.of())
        .append("</th><th>").append(Text.PAGE_POLL_SHARE.of()).append("</th>");
    out.append(r.hasAreas() ? "<th>" + Text.PAGE_POLL_AREA_HEADER.of() + "</th>" : "").append("</tr></thead><tbody>");
    for (int n = 1; n <= r.options().size(); n++) {
      out.append("<tr><td>").append(n).append(". ").append(Html.escape(r.options().get(n - 1))).append("</td><td>")
          .append(r.votes().get(n - 1)).append("</td><td>").append(Figures.percent(r.share(n))).append("</td>");
      if (r.hasAreas()) {
        out.append("<td>").append(Figures.area(r.areasHundredths().get(n - 1))).append("</td>");
      }
      out.append("</tr>");
    }
    out.append("</tbody></table>");
    if (r.multi() > 1 && r.kind() == Poll.Kind.CHOICE) {
      Text basis = r.big() ? Text.PAGE_POLL_MULTI_HOUSEHOLDS : Text.PAGE_POLL_MULTI_PEOPLE;
      out.append("<p class=\"meta\">").append(basis.of()).append("</p>");
    }
    return out.toString();
  }

  /** The page for a poll that does not exist, served with status 404. */
  public static String notFound() {
    return html(Text.PAGE_POLL_NOT_FOUND.of(), "<h1>" + Text.PAGE_POLL_NOT_FOUND.of() + "</h1><p>"
        + Text.PAGE_POLL_NOT_FOUND_HOW.of() + "</p><footer>" + Text.PAGE_POLL_FOOTER.of() + "</footer>");
  }

  private static String html(String title, String body) {
    return Page.document(title, body);
  }
}
