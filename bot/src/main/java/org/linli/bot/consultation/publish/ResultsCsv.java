package org.linli.bot.consultation.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.linli.bot.consultation.Decision;
import org.linli.bot.consultation.Rule;
import org.linli.bot.text.Text;

/**
 * The results as CSV for moderators ({@code GET /api/v1/polls/:id/results.csv}): UTF-8 with a byte
 * order mark so Excel shows Chinese, CRLF line ends, quoted where needed. A header section (poll,
 * question, rule, status, participation, outcome), the table {@code option,votes,share,area_m2},
 * each condition with its detail, the rounds of a ranked poll, and the receipts of an anonymous poll.
 */
public final class ResultsCsv {

  private static final String CRLF = "\r\n";

  private ResultsCsv() {
  }

  /** The whole file, byte order mark first. */
  public static String render(PublishedResult r) {
    StringBuilder out = new StringBuilder("\uFEFF");
    row(out, "poll", r.pollId());
    row(out, "question", r.question());
    row(out, "scale", r.big() ? "big" : "small");
    row(out, "rule", r.rule().apiName(), r.ruleTitle());
    row(out, "status", r.open() ? "open" : "closed");
    row(out, "closes_at", r.closesAt().toString());
    row(out, "multi", String.valueOf(r.multi()));
    row(out, "ballots", String.valueOf(r.ballots()));
    row(out, "eligible", r.eligible() > 0 ? String.valueOf(r.eligible()) : "");
    if (r.big()) {
      row(out, "participating_area_m2", Figures.area(r.participatingAreaHundredths()));
      row(out, "eligible_area_m2", r.eligibleAreaHundredths() > 0 ? Figures.area(r.eligibleAreaHundredths()) : "");
    }
    row(out, "outcome", r.outcome() == null ? "undecided" : r.outcome().passed() ? "passed" : "not_passed");
    row(out, "kind", r.kind().apiName());
    if (r.decision() != null) {
      row(out, "winners", String.join("|", r.decision().winners().stream().map(n -> r.options().get(n - 1)).toList()));
      row(out, "tie", r.decision().tie() ? "yes" : "no");
    }
    if (r.open() && r.hidden()) {
      row(out, "note", Text.RESULTS_CSV_HIDDEN.of());
    }
    out.append(CRLF);

    row(out, "option", "votes", "share", "area_m2");
    for (int n = 1; n <= r.options().size(); n++) {
      row(out, r.options().get(n - 1), String.valueOf(r.votes().get(n - 1)),
          String.format(Locale.ROOT, "%.4f", r.share(n)),
          r.hasAreas() ? Figures.area(r.areasHundredths().get(n - 1)) : "");
    }

    out.append(CRLF);
    row(out, "condition", "met", "detail");
    for (Rule.Condition c : r.conditions()) {
      row(out, c.description(), r.outcome() == null ? "" : c.met() ? "yes" : "no", c.detail());
    }

    if (r.decision() != null && !r.decision().rounds().isEmpty()) {
      out.append(CRLF);
      List<String> header = new ArrayList<>(List.of("round"));
      header.addAll(r.options());
      header.add("eliminated");
      row(out, header.toArray(String[]::new));
      for (Decision.Round round : r.decision().rounds()) {
        List<String> cells = new ArrayList<>(List.of(String.valueOf(round.number())));
        for (int n = 1; n <= r.options().size(); n++) {
          cells.add(round.continuing().contains(n) ? String.valueOf(round.votes().get(n - 1)) : "");
        }
        cells.add(String.join("|", round.eliminated().stream().map(n -> r.options().get(n - 1)).toList()));
        row(out, cells.toArray(String[]::new));
      }
    }

    if (!r.receipts().isEmpty()) {
      out.append(CRLF);
      row(out, "receipt", "choice");
      r.receipts().forEach(receipt -> row(out, receipt.code(), receipt.choice()));
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String... cells) {
    out.append(String.join(",", List.of(cells).stream().map(ResultsCsv::cell).toList())).append(CRLF);
  }

  /**
   * One cell, quoted when it holds a comma, quote, line break or edge space. A text that begins like
   * a formula (= + - @) gets a leading apostrophe, so a spreadsheet shows it rather than runs it.
   */
  static String cell(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
      v = "'" + v;
    }
    boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
        || !v.equals(v.strip());
    return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}
