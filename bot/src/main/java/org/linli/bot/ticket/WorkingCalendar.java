package org.linli.bot.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The official working days (工作日): Monday to Friday, except the public holidays (节假日) of
 * the State Council's yearly notice, plus the weekend days it makes working days (调休上班).
 * Read from a plain-text file, one date a line with its kind ({@code 2026-10-10 workday}), shipped
 * for 2026 and 2027 ({@link #shipped}) and replaceable by the {@code tickets.calendarFile} setting.
 *
 * <p>Working time is counted in whole days in the zone: every moment of a working day counts, no
 * moment of a rest day does. So N working days from a moment of a working day end at the same time
 * of day on the Nth following working day; from a rest day, counting starts at midnight of the next
 * working day and ends at midnight after the Nth working day.
 */
public final class WorkingCalendar {

  /** The calendar shipped with Linli, as a class-path resource next to this class. */
  static final String SHIPPED = "working-days-cn.txt";

  private static final long DAY_MS = Duration.ofDays(1).toMillis();
  private static final int MAX_DAYS = 3660;

  /** What a listed date is. */
  enum Kind {
    HOLIDAY,
    WORKDAY
  }

  private final Map<LocalDate, Kind> days;
  private final Set<Integer> years;
  private final ZoneId zone;

  private WorkingCalendar(Map<LocalDate, Kind> days, ZoneId zone) {
    this.days = Map.copyOf(days);
    TreeSet<Integer> listed = new TreeSet<>();
    days.keySet().forEach(d -> listed.add(d.getYear()));
    this.years = Set.copyOf(listed);
    this.zone = Objects.requireNonNull(zone);
  }

  /** The shipped calendar (2026 as published, 2027 provisional), in {@code zone}. */
  public static WorkingCalendar shipped(ZoneId zone) {
    try (InputStream in = WorkingCalendar.class.getResourceAsStream(SHIPPED)) {
      if (in == null) {
        throw new IllegalStateException("the shipped calendar " + SHIPPED + " is missing from the class path");
      }
      return parse(SHIPPED, new String(in.readAllBytes(), StandardCharsets.UTF_8), zone);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The calendar in {@code file}, or the shipped one when {@code file} is blank; a file that cannot
   * be read or parsed fails with an {@link IllegalArgumentException} naming it (and the line).
   */
  public static WorkingCalendar load(String file, ZoneId zone) {
    if (file == null || file.isBlank()) {
      return shipped(zone);
    }
    Path path = Path.of(file.strip());
    try {
      return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8), zone);
    } catch (IOException e) {
      throw new IllegalArgumentException("calendar " + path + ": cannot read it (" + e + ")", e);
    }
  }

  /**
   * Parses a calendar: one {@code yyyy-MM-dd holiday|workday} a line; blank lines and everything
   * after {@code #} are ignored. Refused, naming the line: a malformed date, another kind, extra
   * words, a date listed twice, a {@code workday} that is a weekday anyway.
   */
  public static WorkingCalendar parse(String source, String text, ZoneId zone) {
    Map<LocalDate, Kind> days = new HashMap<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i);
      int hash = raw.indexOf('#');
      String line = (hash < 0 ? raw : raw.substring(0, hash)).strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = "calendar " + source + " line " + (i + 1) + " '" + raw.strip() + "': ";
      String[] words = line.split("\\s+");
      if (words.length != 2) {
        throw new IllegalArgumentException(where + "a line is a date and its kind, e.g. 2026-10-10 workday");
      }
      LocalDate date;
      try {
        if (!words[0].matches("\\d{4}-\\d{2}-\\d{2}")) {
          throw new DateTimeException("not yyyy-MM-dd");
        }
        date = LocalDate.parse(words[0]);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(where + "'" + words[0] + "' is not a date (yyyy-MM-dd)");
      }
      Kind kind = switch (words[1]) {
        case "holiday" -> Kind.HOLIDAY;
        case "workday" -> Kind.WORKDAY;
        default -> throw new IllegalArgumentException(where + "the kind is holiday or workday, not '" + words[1] + "'");
      };
      if (kind == Kind.WORKDAY && !weekend(date)) {
        throw new IllegalArgumentException(where + date + " is a " + date.getDayOfWeek()
            + ", a working day anyway: only weekend days are listed as workday");
      }
      if (days.put(date, kind) != null) {
        throw new IllegalArgumentException(where + date + " is listed twice");
      }
    }
    return new WorkingCalendar(days, zone);
  }

  private static boolean weekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** The zone whose days the calendar counts. */
  public ZoneId zone() {
    return zone;
  }

  /** The years the calendar lists dates of; outside them, only Monday to Friday are working days. */
  public Set<Integer> years() {
    return years;
  }

  /** True for a working day: a listed {@code workday}, or a weekday that is not a listed holiday. */
  public boolean isWorkingDay(LocalDate date) {
    Kind kind = days.get(date);
    return kind == null ? !weekend(date) : kind == Kind.WORKDAY;
  }

  /** The working time in [from, to): the parts of it that lie on working days (zero if to is not after from). */
  public Duration workingBetween(Instant from, Instant to) {
    long total = 0;
    Instant at = from;
    for (int n = 0; at.isBefore(to); n++) {
      LocalDate day = LocalDate.ofInstant(at, zone);
      Instant end = start(day.plusDays(1));
      Instant until = end.isBefore(to) ? end : to;
      if (isWorkingDay(day)) {
        total += until.toEpochMilli() - at.toEpochMilli();
      }
      at = until;
      guard(n);
    }
    return Duration.ofMillis(total);
  }

  /** The earliest moment by which {@code working} of working time has passed since {@code from}. */
  public Instant plusWorking(Instant from, Duration working) {
    long left = working.toMillis();
    if (left <= 0) {
      return from;
    }
    Instant at = from;
    for (int n = 0;; n++) {
      LocalDate day = LocalDate.ofInstant(at, zone);
      Instant end = start(day.plusDays(1));
      if (isWorkingDay(day)) {
        long here = end.toEpochMilli() - at.toEpochMilli();
        if (left <= here) {
          return at.plusMillis(left);
        }
        left -= here;
      }
      at = end;
      guard(n);
    }
  }

  /** The latest moment from which {@code working} of working time passes until {@code to}. */
  public Instant minusWorking(Instant to, Duration working) {
    long left = working.toMillis();
    if (left <= 0) {
      return to;
    }
    Instant at = to;
    for (int n = 0;; n++) {
      // The day that ends at or contains the moment just before `at`.
      LocalDate day = LocalDate.ofInstant(at.minusMillis(1), zone);
      Instant begin = start(day);
      if (isWorkingDay(day)) {
        long here = at.toEpochMilli() - begin.toEpochMilli();
        if (left <= here) {
          return at.minusMillis(left);
        }
        left -= here;
      }
      at = begin;
      guard(n);
    }
  }

  /** N working days after {@code from}, by the rule in the class comment. */
  public Instant plusWorkingDays(Instant from, int n) {
    return plusWorking(from, Duration.ofMillis(n * DAY_MS));
  }

  private Instant start(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }

  private static void guard(int n) {
    if (n > MAX_DAYS) {
      throw new IllegalArgumentException("a working time of more than ten years is not a time limit");
    }
  }
}
