package org.linli.bot.consultation.publish;

import java.util.Locale;
import org.linli.bot.text.Text;

/** How figures are written on the chart, the page and in the CSV, the same way everywhere. */
final class Figures {

  private Figures() {
  }

  /** 0.6667 as "66.7%". */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** Hundredths of a square metre as "123.45". */
  static String area(long hundredths) {
    return String.format(Locale.ROOT, "%d.%02d", hundredths / 100, Math.abs(hundredths % 100));
  }

  /** Votes per option are households for big matters, ballots for small ones. */
  static String unit(PublishedResult r) {
    return r.big() ? Text.POLL_UNIT_HOUSEHOLDS.of() : Text.POLL_UNIT_VOTES.of();
  }

  /** Who takes part: households for big matters, residents for small ones. */
  static String voters(PublishedResult r) {
    return r.big() ? Text.POLL_UNIT_HOUSEHOLDS.of() : Text.POLL_UNIT_PEOPLE.of();
  }
}
