package org.linli.bot.helpline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.linli.bot.PersonalData;
import org.linli.bot.ticket.Ticket;
import org.linli.bot.ticket.TicketEvent;

/**
 * Tickets as CSV for the office's spreadsheets ({@code GET /api/v1/tickets.csv}): UTF-8 with a
 * byte order mark so Excel shows Chinese, CRLF line ends, quoted where needed (Commons CSV), times
 * local ({@code 2026-11-25 15:46}). Phone and ID numbers in the resident's text, address and
 * comment are masked; the resident's identity and contact are left out.
 */
public final class TicketCsv {

  /** The header row. */
  public static final List<String> HEADER = List.of("receipt", "created_at", "category", "urgent", "status",
      "status_label", "address", "text", "time_limit_hours", "due_at", "first_resolved_at", "resolved_in_time",
      "rating", "comment", "community", "grid", "platform", "last_change_at", "last_change_by");

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private TicketCsv() {
  }

  /** The whole file, byte order mark first; times in {@code zone}. */
  public static String render(List<Ticket> tickets, ZoneId zone) {
    StringBuilder out = new StringBuilder("\uFEFF");
    try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
      csv.printRecord(HEADER);
      for (Ticket t : tickets) {
        TicketEvent last = t.history().isEmpty() ? null : t.history().get(t.history().size() - 1);
        csv.printRecord(t.receipt(), time(t.createdAt(), zone), t.category(), t.urgent() ? "yes" : "no",
            t.status().apiName(), t.status().label(), PersonalData.mask(t.address()), PersonalData.mask(t.text()),
            t.timeLimit() == null ? "" : t.timeLimit().toHours(), time(t.dueAt(), zone),
            time(t.firstResolvedAt(), zone), t.firstResolvedAt() == null ? "" : t.resolvedInTime() ? "yes" : "no",
            t.rating() == null ? "" : t.rating(), PersonalData.mask(t.comment()), t.community(), t.grid(),
            t.source().platform(), last == null ? "" : time(last.at(), zone),
            last == null ? "" : last.by().isEmpty() ? last.actor() : last.by());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String time(Instant at, ZoneId zone) {
    return at == null ? "" : LOCAL.format(at.atZone(zone));
  }
}
