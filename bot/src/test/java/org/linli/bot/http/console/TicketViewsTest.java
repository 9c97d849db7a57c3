package org.linli.bot.http.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linli.bot.helpline.TicketQueue;
import org.linli.bot.ticket.Ticket;
import org.linli.bot.ticket.TicketEvent;
import org.linli.bot.ticket.TicketSource;
import org.linli.bot.ticket.TicketStatus;

/**
 * How the queue shows where a ticket's time stands: the row's colour (within the limit, from 80%
 * of it, overdue), the time left in words, a paused clock, and the filter links with their counts.
 */
class TicketViewsTest {

  private static final Instant AT = Instant.parse("2026-12-02T01:30:00Z");

  private static Ticket ticket(TicketStatus status) {
    return new Ticket("20261202-0001", "repair", false, "3号楼2单元楼道灯坏了",
        new TicketSource("generic", "g1", "group", "m1", "generic:u1"), "", "", AT, Duration.ofHours(48),
        AT.plus(Duration.ofHours(48)), null, status, null, null, "", null, false,
        List.of(new TicketEvent(AT, TicketStatus.RECEIVED, "resident", "")), "3号楼2单元");
  }

  private static TicketQueue.Entry entry(Duration left, double used, boolean paused, boolean soon, boolean overdue) {
    return new TicketQueue.Entry(ticket(TicketStatus.RECEIVED), left, used, paused, soon, overdue);
  }

  @Test
  void a_row_is_green_within_the_limit_orange_from_four_fifths_and_red_once_overdue() {
    TicketQueue.Entry within = entry(Duration.ofMinutes(47 * 60 + 59), 0.0, false, false, false);
    TicketQueue.Entry soon = entry(Duration.ofMinutes(125), 0.96, false, true, false);
    TicketQueue.Entry overdue = entry(Duration.ofMinutes(-65), 1.02, false, false, true);

    assertThat(TicketViews.tone(within)).isEqualTo("ticket-within");
    assertThat(TicketViews.tone(soon)).isEqualTo("ticket-soon");
    assertThat(TicketViews.tone(overdue)).isEqualTo("ticket-overdue");
    assertThat(TicketViews.left(within)).isEqualTo("还剩 47 小时 59 分钟");
    assertThat(TicketViews.left(soon)).isEqualTo("还剩 2 小时 5 分钟");
    assertThat(TicketViews.left(overdue)).isEqualTo("已超时 1 小时 5 分钟");
  }

  @Test
  void a_ticket_waiting_for_the_resident_says_its_clock_is_paused() {
    TicketQueue.Entry paused = entry(Duration.ofMinutes(600), 0.8, true, false, false);

    assertThat(TicketViews.left(paused)).isEqualTo("还剩 10 小时 0 分钟（等待居民，暂停计时）");
  }

  @Test
  void the_rows_and_filters_of_a_page_show_the_ticket_and_each_open_status_with_its_count() {
    TicketViews views = new TicketViews(null, ZoneId.of("Asia/Shanghai"));
    TicketQueue.Page page = new TicketQueue.Page(AT, 1, 0,
        List.of(entry(Duration.ofHours(48), 0.0, false, false, false)),
        Map.of(TicketStatus.RECEIVED, 1, TicketStatus.DISPATCHED, 0, TicketStatus.IN_PROGRESS, 2,
            TicketStatus.WAITING_RESIDENT, 0));

    TicketViews.Row row = views.rows(page).get(0);
    assertThat(row.receipt()).isEqualTo("20261202-0001");
    assertThat(row.category()).isEqualTo("报修");
    assertThat(row.due()).isEqualTo("2026-12-04 09:30");
    assertThat(row.toneLabel()).isEqualTo("时限内");
    assertThat(TicketViews.filters(page, TicketStatus.IN_PROGRESS)).extracting(TicketViews.Filter::label,
        TicketViews.Filter::href, TicketViews.Filter::current).containsExactly(
            org.assertj.core.groups.Tuple.tuple("全部（3）", "/console/tickets", false),
            org.assertj.core.groups.Tuple.tuple("已受理（1）", "/console/tickets?status=received", false),
            org.assertj.core.groups.Tuple.tuple("已派单（0）", "/console/tickets?status=dispatched", false),
            org.assertj.core.groups.Tuple.tuple("办理中（2）", "/console/tickets?status=in_progress", true),
            org.assertj.core.groups.Tuple.tuple("待居民补充（0）", "/console/tickets?status=waiting_resident", false));
  }
}
