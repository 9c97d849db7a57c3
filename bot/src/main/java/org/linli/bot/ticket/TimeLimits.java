package org.linli.bot.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.linli.config.Settings;
import org.linli.config.SettingsException;

/**
 * The promised time limit per category, read from the {@code tickets.timeLimitHours} setting
 * ({@code emergency=2h,repair=2wd,...,default=3wd}): each value is a {@link TimeLimit} — hours
 * ({@code 4h}, or a bare number), minutes or seconds ({@code 30m}, {@code 20s}, for drills and
 * tests), or working days ({@code 2wd}, 工作日) over the {@link WorkingCalendar}. A category not
 * listed gets {@code default}; with no {@code default} either, 72 hours.
 */
public final class TimeLimits {

  static final Duration FALLBACK = Duration.ofHours(72);

  private final Map<String, TimeLimit> byCategory;
  private final TimeLimit fallback;
  private final WorkingCalendar calendar;

  private TimeLimits(Map<String, TimeLimit> byCategory, WorkingCalendar calendar) {
    this.byCategory = Map.copyOf(byCategory);
    this.fallback = byCategory.getOrDefault("default", TimeLimit.of(FALLBACK));
    this.calendar = Objects.requireNonNull(calendar);
  }

  /**
   * The limits of the {@code tickets} settings, over the calendar file they name (or the shipped
   * one); a calendar that cannot be read or parsed stops the start naming the setting and the line.
   */
  public static TimeLimits of(Settings.Tickets settings, ZoneId zone) {
    WorkingCalendar calendar;
    try {
      calendar = WorkingCalendar.load(settings.calendarFile(), zone);
    } catch (IllegalArgumentException e) {
      throw new SettingsException("tickets.calendarFile (LINLI_TICKETS_CALENDAR_FILE): " + e.getMessage());
    }
    return parse(settings.timeLimitHours(), calendar);
  }

  /** Parses {@code category=limit} pairs, comma-separated (blanks skipped), over the shipped calendar in Shanghai. */
  public static TimeLimits parse(String setting) {
    return parse(setting, WorkingCalendar.shipped(ZoneId.of("Asia/Shanghai")));
  }

  /** Parses {@code category=limit} pairs, comma-separated; blanks are skipped. */
  public static TimeLimits parse(String setting, WorkingCalendar calendar) {
    Map<String, TimeLimit> out = new LinkedHashMap<>();
    if (setting != null) {
      for (String pair : setting.split(",")) {
        if (pair.isBlank()) {
          continue;
        }
        String[] kv = pair.strip().split("=", 2);
        TimeLimit limit = kv.length == 2 ? TimeLimit.parse(kv[1]) : null;
        if (limit == null) {
          throw new IllegalArgumentException(
              "a time limit is category=hours (48, 4h, 30m, 20s) or category=working days (2wd), '" + pair.strip()
                  + "' is not");
        }
        out.put(kv[0].strip().toLowerCase(Locale.ROOT), limit);
      }
    }
    return new TimeLimits(out, calendar);
  }

  /** The time limit for a category as one span ({@link TimeLimit#nominal}: 24 h per working day). */
  public Duration of(String category) {
    return limit(category).nominal();
  }

  /** The time limit for a category. */
  public TimeLimit limit(String category) {
    return category == null ? fallback : byCategory.getOrDefault(category, fallback);
  }

  /**
   * The limit a stored ticket runs under: its category's, unless the ticket's stored span differs
   * (the settings changed since, or an operator's correction), then that span as clock time.
   */
  public TimeLimit limitOf(Ticket ticket) {
    TimeLimit limit = limit(ticket.category());
    return ticket.timeLimit() == null || limit.nominal().equals(ticket.timeLimit())
        ? limit
        : TimeLimit.of(ticket.timeLimit());
  }

  /** The working calendar working-day limits count over. */
  public WorkingCalendar calendar() {
    return calendar;
  }

  /** When a ticket of {@code category} whose clock starts at {@code start} is due. */
  public Instant dueAt(String category, Instant start) {
    return limit(category).dueAt(start, calendar);
  }

  /** When a stored ticket's reminder falls: four fifths of its (working) time after its clock started. */
  public Instant remindAt(Ticket ticket) {
    return limitOf(ticket).remindAt(ticket.dueAt(), calendar);
  }
}
