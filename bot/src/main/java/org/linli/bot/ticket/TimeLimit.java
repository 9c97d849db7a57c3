package org.linli.bot.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One category's promised time limit (办理时限): a span of clock time ({@code 4h}, {@code 30m},
 * {@code 20s}; a bare number is hours) or a number of working days ({@code 2wd}, 工作日) counted
 * over a {@link WorkingCalendar}. The reminder falls when four fifths of the limit are gone —
 * of the working time, for working days.
 *
 * @param clock the span, for a clock-time limit; null for working days
 * @param workingDays the number of working days, 0 for a clock-time limit
 */
public record TimeLimit(Duration clock, int workingDays) {

  public TimeLimit {
    if ((clock == null) == (workingDays <= 0)) {
      throw new IllegalArgumentException("a time limit is either a span of time or a number of working days");
    }
    if (clock != null && (clock.isNegative() || clock.isZero())) {
      throw new IllegalArgumentException("a time limit must be longer than nothing");
    }
  }

  /** A clock-time limit. */
  public static TimeLimit of(Duration clock) {
    return new TimeLimit(Objects.requireNonNull(clock), 0);
  }

  /** A limit of {@code n} working days. */
  public static TimeLimit workingDays(int n) {
    return new TimeLimit(null, n);
  }

  /**
   * Reads {@code 2wd}, {@code 48h}, {@code 48}, {@code 30m} or {@code 20s}; null if it is none of
   * these (or zero).
   */
  public static TimeLimit parse(String value) {
    String v = value == null ? "" : value.strip();
    if (!v.matches("[1-9]\\d{0,5}(wd|[hms])?")) {
      return null;
    }
    if (v.endsWith("wd")) {
      int n = Integer.parseInt(v.substring(0, v.length() - 2));
      return n > 3650 ? null : workingDays(n);
    }
    long n = Long.parseLong(v.replaceAll("[hms]$", ""));
    return of(v.endsWith("s") ? Duration.ofSeconds(n) : v.endsWith("m") ? Duration.ofMinutes(n) : Duration.ofHours(n));
  }

  /** True when counted in working days. */
  public boolean inWorkingDays() {
    return clock == null;
  }

  /**
   * The limit as one span: the clock time, or 24 hours per working day (the working time it
   * stands for). Stored on the ticket and shown to the hub as {@code timeLimitHours}.
   */
  public Duration nominal() {
    return clock != null ? clock : Duration.ofDays(workingDays);
  }

  /** When a ticket whose clock starts at {@code start} is due. */
  public Instant dueAt(Instant start, WorkingCalendar calendar) {
    return clock != null ? start.plus(clock) : calendar.plusWorkingDays(start, workingDays);
  }

  /** When the reminder falls for a ticket due at {@code due}: with a fifth of the (working) time left. */
  public Instant remindAt(Instant due, WorkingCalendar calendar) {
    Duration fifth = nominal().dividedBy(5);
    return clock != null ? due.minus(fifth) : calendar.minusWorking(due, fifth);
  }

  /** The time left at {@code at} until {@code due}: clock time, or working time for working days. */
  public Duration left(Instant at, Instant due, WorkingCalendar calendar) {
    return clock != null ? Duration.between(at, due) : calendar.workingBetween(at, due);
  }

  /** {@code time} of (working) time after {@code from}. */
  public Instant after(Instant from, Duration time, WorkingCalendar calendar) {
    return clock != null ? from.plus(time) : calendar.plusWorking(from, time);
  }

  @Override
  public String toString() {
    return clock != null ? clock.toString() : workingDays + "wd";
  }
}
