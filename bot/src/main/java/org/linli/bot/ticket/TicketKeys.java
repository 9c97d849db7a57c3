package org.linli.bot.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Redis key names. A ticket's own keys carry its receipt as hash tag ({@code ticket:{R}},
 * {@code ticket:{R}:history}); everything that spans tickets — the day counters, the indexes, the
 * per-resident rate windows, the timers, the communities' indexes — lives in one slot, {@code tickets:{index}:...}.
 */
final class TicketKeys {

  static final Pattern RECEIPT = Pattern.compile("\\d{8}-\\d{4,}");
  static final String INDEX = "tickets:{index}";
  static final String CREATED = INDEX + ":created";
  static final String REV = INDEX + ":rev";
  static final String TIMERS = INDEX + ":timers";

  private TicketKeys() {
  }

  static String ticket(String receipt) {
    return "ticket:{" + receipt + "}";
  }

  static String history(String receipt) {
    return ticket(receipt) + ":history";
  }

  static String status(TicketStatus status) {
    return INDEX + ":status:" + status.apiName();
  }

  /** Every status index, in the order of {@link TicketStatus#values()}. */
  static List<String> statuses() {
    List<String> out = new ArrayList<>();
    for (TicketStatus s : TicketStatus.values()) {
      out.add(status(s));
    }
    return out;
  }

  static String resident(String resident) {
    return INDEX + ":resident:" + resident;
  }

  /** The creation index of a community other than the default one (whose tickets the whole index holds). */
  static String community(String community) {
    return INDEX + ":community:" + community;
  }

  static String rate(String resident) {
    return INDEX + ":rate:" + resident;
  }

  static String sequence(String day) {
    return INDEX + ":seq:" + day;
  }

  static boolean validReceipt(String receipt) {
    return receipt != null && RECEIPT.matcher(receipt).matches();
  }
}
