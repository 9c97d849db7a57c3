package org.linli.bot.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linli.bot.community.Community;
import org.linli.bot.text.Text;
import org.linli.bot.ticket.PublicMonth;
import org.linli.bot.ticket.TicketFigures;

/**
 * The public page of a month of the help-line (评价结果公开, {@code /stats/2026-11}): requests by
 * category with a bar chart drawn as inline SVG, the share resolved within the time limit, the
 * median time to resolve, the residents' ratings (average, share of 4–5 stars) and the reopen
 * rate, with links to the months before and after. Only aggregates are shown, never a receipt, a
 * text, a resident or a place.
 */
public final class StatsPage {

  private static final String[] BARS = {"#c0392b", "#2471a3", "#1e8449", "#b9770e", "#7d3c98", "#566573"};
  private static final int CHART_WIDTH = 640;
  private static final int ROW = 40;
  private static final int LABEL = 130;
  private static final int NUMBER = 60;

  private StatsPage() {
  }

  /** The whole document for {@code m}; {@code next} is false for the current month (no link ahead). */
  public static String page(PublicMonth m, boolean next) {
    return page(m, next, null);
  }

  /**
   * The whole document for {@code m}, the figures of {@code community} (null or the default one:
   * the page as it is without communities; another one is named above the heading and its links
   * stay in it).
   */
  public static String page(PublicMonth m, boolean next, Community community) {
    String query = query(community);
    String kicker = community == null || community.isDefault()
        ? Text.PAGE_STATS_KICKER.of()
        : community.name() + " · " + Text.PAGE_STATS_KICKER.of();
    TicketFigures f = m.figures();
    YearMonth month = f.month();
    String name = Text.PAGE_STATS_MONTH.of(String.valueOf(month.getYear()), String.valueOf(month.getMonthValue()));
    StringBuilder body = new StringBuilder();
    body.append("<p class=\"kicker\">").append(Html.escape(kicker)).append("</p>")
        .append("<h1>").append(Html.escape(Text.PAGE_STATS_HEADING.of(name))).append("</h1>");
    if (f.opened() == 0) {
      body.append("<p class=\"summary\">").append(Html.escape(Text.PAGE_STATS_EMPTY.of())).append("</p>");
    } else {
      body.append("<table class=\"figures\"><tbody>")
          .append(row(Text.PAGE_STATS_OPENED.of(), Text.PAGE_STATS_COUNT_VALUE.of(String.valueOf(f.opened()))))
          .append(row(Text.PAGE_STATS_RESOLVED.of(), Text.PAGE_STATS_COUNT_VALUE.of(String.valueOf(f.resolved()))))
          .append(row(Text.PAGE_STATS_IN_TIME.of(), share(f.resolvedInTimeShare(),
              Math.round(nz(f.resolvedInTimeShare()) * f.resolved()), f.resolved())))
          .append(row(Text.PAGE_STATS_MEDIAN.of(), hours(f.medianToResolve())))
          .append(row(Text.PAGE_STATS_AVERAGE.of(), f.averageRating() == null
              ? Text.PAGE_STATS_NONE.of()
              : Text.PAGE_STATS_AVERAGE_VALUE.of(String.format(Locale.ROOT, "%.1f", f.averageRating()),
                  String.valueOf(f.ratings()))))
          .append(row(Text.PAGE_STATS_SATISFIED.of(), share(m.satisfiedShare(), m.satisfied(), m.rated())))
          .append(row(Text.PAGE_STATS_REOPENED.of(), share(m.reopenRate(), m.reopened(), f.resolved())))
          .append("</tbody></table>");
      body.append("<h2>").append(Html.escape(Text.PAGE_STATS_BY_CATEGORY.of())).append("</h2>")
          .append(chart(f.byCategory()))
          .append("<table><thead><tr><th>").append(Html.escape(Text.PAGE_STATS_CATEGORY.of())).append("</th><th>")
          .append(Html.escape(Text.PAGE_STATS_COUNT.of())).append("</th></tr></thead><tbody>");
      for (Map.Entry<String, Integer> e : sorted(f.byCategory())) {
        body.append("<tr><td>").append(Html.escape(category(e.getKey()))).append("</td><td>").append(e.getValue())
            .append("</td></tr>");
      }
      body.append("</tbody></table>");
    }
    body.append("<p class=\"meta\"><a href=\"/stats/").append(month.minusMonths(1)).append(Html.escape(query))
        .append("\">")
        .append(Html.escape(Text.PAGE_STATS_PREVIOUS.of())).append("</a>");
    if (next) {
      body.append(" · <a href=\"/stats/").append(month.plusMonths(1)).append(Html.escape(query)).append("\">")
          .append(Html.escape(Text.PAGE_STATS_NEXT.of())).append("</a>");
    }
    body.append("</p><footer>").append(Html.escape(Text.PAGE_STATS_HOW.of())).append("</footer>");
    return Page.document(Text.PAGE_STATS_HEADING.of(name), body.toString());
  }

  /** The query that keeps a link in {@code community}: empty for none or the default one. */
  public static String query(Community community) {
    return community == null || community.isDefault()
        ? ""
        : "?community=" + URLEncoder.encode(community.id(), StandardCharsets.UTF_8);
  }

  /** The page for a month that cannot be shown (not a month, or not begun yet). */
  public static String notFound() {
    return Page.document(Text.PAGE_STATS_NOT_FOUND.of(),
        "<h1>" + Html.escape(Text.PAGE_STATS_NOT_FOUND.of()) + "</h1><p><a href=\"/stats\">"
            + Html.escape(Text.PAGE_STATS_CURRENT.of()) + "</a></p>");
  }

  /** A horizontal bar per category, longest first, as inline SVG (the page's policy allows no scripts). */
  static String chart(Map<String, Integer> byCategory) {
    List<Map.Entry<String, Integer>> rows = sorted(byCategory);
    int most = rows.stream().mapToInt(Map.Entry::getValue).max().orElse(1);
    int height = rows.size() * ROW + 10;
    int track = CHART_WIDTH - LABEL - NUMBER;
    StringBuilder svg = new StringBuilder(
        "<figure class=\"chart\" style=\"margin:1rem 0\"><svg xmlns=\"http://www.w3.org/2000/svg\""
            + " role=\"img\" viewBox=\"0 0 " + CHART_WIDTH + " " + height + "\" width=\"100%\" aria-label=\""
            + Html.escape(Text.PAGE_STATS_CHART_LABEL.of()) + "\">");
    for (int i = 0; i < rows.size(); i++) {
      Map.Entry<String, Integer> e = rows.get(i);
      int y = i * ROW + 5;
      int width = Math.max(2, (int) Math.round((double) track * e.getValue() / most));
      svg.append("<text x=\"0\" y=\"").append(y + 24).append("\" font-size=\"18\" fill=\"#222\">")
          .append(Html.escape(category(e.getKey()))).append("</text>")
          .append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 6).append("\" width=\"").append(track)
          .append("\" height=\"24\" fill=\"#eeeeee\" rx=\"3\"/>")
          .append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 6).append("\" width=\"").append(width)
          .append("\" height=\"24\" fill=\"").append(BARS[i % BARS.length]).append("\" rx=\"3\"/>")
          .append("<text x=\"").append(CHART_WIDTH - 4).append("\" y=\"").append(y + 24)
          .append("\" font-size=\"18\" text-anchor=\"end\" fill=\"#222\">").append(e.getValue()).append("</text>");
    }
    return svg.append("</svg></figure>").toString();
  }

  /** The category's label from the bundles; an unknown category by its own name. */
  static String category(String name) {
    try {
      return Text.valueOf("CATEGORY_" + name.toUpperCase(Locale.ROOT)).of();
    } catch (IllegalArgumentException unknown) {
      return name;
    }
  }

  private static List<Map.Entry<String, Integer>> sorted(Map<String, Integer> byCategory) {
    List<Map.Entry<String, Integer>> rows = new ArrayList<>(byCategory.entrySet());
    rows.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    return rows;
  }

  private static String row(String label, String value) {
    return "<tr><th>" + Html.escape(label) + "</th><td>" + Html.escape(value) + "</td></tr>";
  }

  private static String share(Double share, long part, long whole) {
    return share == null
        ? Text.PAGE_STATS_NONE.of()
        : Text.PAGE_STATS_SHARE_VALUE.of(String.format(Locale.ROOT, "%.0f", share * 100), String.valueOf(part),
            String.valueOf(whole));
  }

  /** Hours with one decimal; under an hour, whole minutes (at least 1). */
  static String hours(Duration d) {
    if (d == null) {
      return Text.PAGE_STATS_NONE.of();
    }
    if (d.compareTo(Duration.ofHours(1)) < 0) {
      return Text.PAGE_STATS_MINUTES_VALUE.of(String.valueOf(Math.max(1, (d.toSeconds() + 59) / 60)));
    }
    return Text.PAGE_STATS_HOURS_VALUE.of(String.format(Locale.ROOT, "%.1f", d.toMinutes() / 60.0));
  }

  private static double nz(Double d) {
    return d == null ? 0 : d;
  }
}
