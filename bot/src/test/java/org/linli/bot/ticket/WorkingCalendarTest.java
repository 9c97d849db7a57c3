package org.linli.bot.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.config.Settings;
import org.linli.config.SettingsException;

/** The shipped holiday calendar, working-day arithmetic over it, and the strict file parser. */
class WorkingCalendarTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  final WorkingCalendar calendar = WorkingCalendar.shipped(SHANGHAI);

  /** A local time in Shanghai. */
  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
  }

  @Test
  void the_shipped_calendar_has_the_2026_notice_with_its_working_weekends_and_2027() {
    assertThat(calendar.years()).containsExactlyInAnyOrder(2026, 2027);
    for (String workday : new String[]{"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20",
        "2026-10-10"}) {
      assertThat(calendar.isWorkingDay(LocalDate.parse(workday))).as(workday).isTrue();
    }
    for (String holiday : new String[]{"2026-01-02", "2026-02-16", "2026-02-23", "2026-04-06", "2026-05-05",
        "2026-06-19", "2026-09-25", "2026-10-07", "2027-02-08", "2027-10-01"}) {
      assertThat(calendar.isWorkingDay(LocalDate.parse(holiday))).as(holiday).isFalse();
    }
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-11"))).as("a Sunday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-09"))).as("a Friday").isTrue();
  }

  @Test
  void two_working_days_before_national_day_end_after_it_at_the_same_time_of_day() {
    assertThat(calendar.plusWorkingDays(at("2026-09-30T16:00"), 2)).isEqualTo(at("2026-10-09T16:00"));
    // 10 October is a Saturday worked (调休): the first of the two working days after Friday 9 October.
    assertThat(calendar.plusWorkingDays(at("2026-10-09T10:00"), 2)).isEqualTo(at("2026-10-12T10:00"));
    assertThat(calendar.plusWorkingDays(at("2026-09-30T16:00"), 3)).isEqualTo(at("2026-10-10T16:00"));
  }

  @Test
  void a_limit_across_the_spring_festival_counts_the_saturdays_worked_on_14_and_28_february() {
    // Thursday 12 Feb: 13, 14 (Sat, worked), then 24, 25, 26, 27 after the festival, and 28 (Sat, worked).
    assertThat(calendar.plusWorkingDays(at("2026-02-12T10:00"), 2)).isEqualTo(at("2026-02-14T10:00"));
    assertThat(calendar.plusWorkingDays(at("2026-02-12T10:00"), 3)).isEqualTo(at("2026-02-24T10:00"));
    assertThat(calendar.plusWorkingDays(at("2026-02-12T10:00"), 7)).isEqualTo(at("2026-02-28T10:00"));
    assertThat(calendar.plusWorkingDays(at("2026-02-12T10:00"), 8)).isEqualTo(at("2026-03-02T10:00"));
  }

  @Test
  void a_request_on_a_rest_day_counts_from_the_next_working_day_and_ends_at_midnight_after_the_last() {
    assertThat(calendar.plusWorkingDays(at("2026-10-03T15:30"), 1)).isEqualTo(at("2026-10-09T00:00"));
    assertThat(calendar.plusWorkingDays(at("2026-10-11T09:00"), 2)).isEqualTo(at("2026-10-14T00:00"));
  }

  @Test
  void working_time_skips_rest_days_and_runs_backwards_the_same_way() {
    assertThat(calendar.workingBetween(at("2026-09-30T16:00"), at("2026-10-09T16:00"))).isEqualTo(Duration.ofHours(48));
    assertThat(calendar.workingBetween(at("2026-10-01T00:00"), at("2026-10-08T00:00"))).isZero();
    assertThat(calendar.workingBetween(at("2026-10-09T00:00"), at("2026-10-08T00:00"))).isZero();
    assertThat(calendar.minusWorking(at("2026-10-09T16:00"), Duration.ofMinutes(48 * 60 / 5)))
        .isEqualTo(at("2026-10-09T06:24"));
    assertThat(calendar.minusWorking(at("2026-10-08T06:00"), Duration.ofHours(10))).isEqualTo(at("2026-09-30T20:00"));
    assertThat(calendar.plusWorking(at("2026-10-03T12:00"), Duration.ZERO)).isEqualTo(at("2026-10-03T12:00"));
  }

  @Test
  void the_parser_refuses_bad_lines_naming_the_line() {
    assertRefused("2026-10-10 holiday\n2026-13-01 holiday", "line 2", "is not a date");
    assertRefused("2026-10-1 holiday", "line 1", "is not a date");
    assertRefused("# header\n2026-10-01 vacation", "line 2", "holiday or workday");
    assertRefused("2026-10-01", "line 1", "a date and its kind");
    assertRefused("2026-10-01 holiday 国庆", "line 1", "a date and its kind");
    assertRefused("2026-10-01 holiday\n\n2026-10-01 holiday", "line 3", "listed twice");
    assertRefused("2026-10-09 workday", "line 1", "a working day anyway");
  }

  private static void assertRefused(String text, String... messageParts) {
    assertThatThrownBy(() -> WorkingCalendar.parse("test.txt", text, SHANGHAI))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContainingAll(messageParts)
        .hasMessageContaining("calendar test.txt");
  }

  @Test
  void a_calendar_file_replaces_the_shipped_one_and_comments_are_ignored(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("calendar.txt");
    Files.writeString(file, "# 区里自定的\n2026-12-02 holiday   # a day off\n\n2026-12-05 workday\n",
        StandardCharsets.UTF_8);

    WorkingCalendar local = WorkingCalendar.load(file.toString(), SHANGHAI);

    assertThat(local.isWorkingDay(LocalDate.parse("2026-12-02"))).isFalse();
    assertThat(local.isWorkingDay(LocalDate.parse("2026-12-05"))).isTrue();
    assertThat(local.isWorkingDay(LocalDate.parse("2026-10-05"))).as("not in this file").isTrue();
    assertThat(WorkingCalendar.load(" ", SHANGHAI).isWorkingDay(LocalDate.parse("2026-10-05"))).isFalse();
    assertThatThrownBy(() -> WorkingCalendar.load(dir.resolve("missing.txt").toString(), SHANGHAI))
        .hasMessageContaining("missing.txt");
  }

  @Test
  void a_bad_calendar_file_in_the_settings_stops_the_start_naming_the_setting_and_the_line(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("calendar.txt");
    Files.writeString(file, "2026-12-02 holiday\n2026-12-03 workday\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> TimeLimits.of(new Settings.Tickets(5, "repair=2wd", "", 10, file.toString()), SHANGHAI))
        .isInstanceOf(SettingsException.class)
        .hasMessageContainingAll("tickets.calendarFile", "line 2", "2026-12-03");
    assertThat(TimeLimits.of(new Settings.Tickets(5, "repair=2wd", "", 10, ""), SHANGHAI).dueAt("repair",
        at("2026-09-30T16:00"))).isEqualTo(at("2026-10-09T16:00"));
  }
}
