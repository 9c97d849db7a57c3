package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The time limits the service starts with: working days for a repair, hours for an emergency, a calendar by settings. */
class WorkingDayLimitsTest {

  @TempDir
  Path data;

  private static String reply(RunningService service, String user, String text) {
    return service.say("g1", user, text, null).getJsonObject(0).getString("text");
  }

  @Test
  void a_repair_is_promised_in_working_days_over_the_calendar_file_and_a_burst_pipe_in_hours() throws Exception {
    // The file makes the next 30 days holidays: a repair's two working days are the first two
    // weekdays after them, and it is due at midnight after the second (it arrived on a rest day).
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    StringBuilder file = new StringBuilder("# 测试用\n");
    for (int i = -1; i <= 30; i++) {
      file.append(today.plusDays(i)).append(" holiday\n");
    }
    LocalDate day = today.plusDays(30);
    for (int working = 0; working < 2;) {
      day = day.plusDays(1);
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        working++;
      }
    }
    String due = day.plusDays(1).getMonthValue() + "月" + day.plusDays(1).getDayOfMonth() + "日 00:00";
    Path calendar = data.resolve("calendar.txt");
    Files.writeString(calendar, file, StandardCharsets.UTF_8);
    try (RunningService service = RunningService.start(data.resolve("service"),
        Map.of("LINLI_TICKETS_CALENDAR_FILE", calendar.toString()))) {
      assertThat(reply(service, "u1", "/help 3号楼2单元楼道灯坏了")).contains("承诺时限", "2个工作日", due);
      assertThat(reply(service, "u2", "/help 我家水管爆了，水漫出来了")).contains("回执号", "2小时").doesNotContain("工作日");
    }
  }
}
