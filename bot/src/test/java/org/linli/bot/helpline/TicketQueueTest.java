package org.linli.bot.helpline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.linli.bot.redis.RealRedis.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.redis.RedisPerClass;
import org.linli.bot.ticket.NewTicket;
import org.linli.bot.ticket.Ticket;
import org.linli.bot.ticket.TicketSource;
import org.linli.bot.ticket.TicketStatus;
import org.linli.bot.ticket.TicketStore;
import org.linli.bot.ticket.TimeLimits;
import org.linli.bot.ticket.WorkingCalendar;
import org.linli.webhooks.SettableClock;

/**
 * The operators' queue against a real Redis, with a clock the test moves: least time left first,
 * the 80% and overdue flags at the moments the limits give, a paused clock while the ticket waits
 * for the resident, working time for working-day limits, and pages.
 */
class TicketQueueTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @RegisterExtension
  static final RedisPerClass redis = new RedisPerClass();

  SettableClock clock;
  TicketStore tickets;
  TicketQueue queue;
  int residents;

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
  }

  @BeforeEach
  void start() {
    redis.flush();
    // Monday 5 January 2026, 09:00: a working week ahead.
    clock = new SettableClock(at("2026-01-05T09:00"));
    tickets = new TicketStore(redis.api(), TimeLimits.parse("emergency=2h,repair=10h,elderly=1wd,default=5h",
        WorkingCalendar.shipped(SHANGHAI)), 50, SHANGHAI);
    queue = new TicketQueue(tickets, clock);
  }

  private Ticket open(String category) {
    residents++;
    return await(tickets.open(new NewTicket(category, false, "3号楼2单元楼道灯坏了",
        new TicketSource("wecom", "chat-7", "group", "m" + residents, "wecom:u" + residents), "幸福里社区", "",
        clock.instant())));
  }

  private void move(Ticket t, TicketStatus to) {
    assertThat(await(tickets.transition(t.receipt(), to, "operator", "admin-token", "", clock.instant())).applied())
        .isTrue();
  }

  private TicketQueue.Page page(TicketStatus status, int offset, int limit) {
    return await(queue.page(status, offset, limit));
  }

  private TicketQueue.Entry entry(Ticket t) {
    return page(null, 0, 100).entries().stream().filter(e -> e.ticket().receipt().equals(t.receipt())).findFirst()
        .orElseThrow();
  }

  private void later(Duration by) {
    clock.advance(by);
  }

  @Test
  void the_ticket_with_the_least_time_left_comes_first_whatever_order_they_were_opened_in() {
    Ticket repair = open("repair"); // 10 h, due 19:00
    later(Duration.ofHours(1));
    Ticket consultation = open("consultation"); // 5 h, due 15:00
    later(Duration.ofHours(1));
    Ticket emergency = open("emergency"); // 2 h, due 13:00

    TicketQueue.Page all = page(null, 0, 10);

    assertThat(all.entries()).extracting(e -> e.ticket().receipt())
        .containsExactly(emergency.receipt(), consultation.receipt(), repair.receipt());
    assertThat(all.entries()).extracting(TicketQueue.Entry::left)
        .containsExactly(Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8));
    assertThat(all.total()).isEqualTo(3);
    assertThat(all.counts()).containsEntry(TicketStatus.RECEIVED, 3).containsEntry(TicketStatus.DISPATCHED, 0);
  }

  @Test
  void a_ticket_is_due_soon_at_four_fifths_of_its_limit_and_overdue_once_it_has_passed() {
    Ticket repair = open("repair");

    later(Duration.ofHours(7).plusMinutes(59));
    assertThat(entry(repair).dueSoon()).isFalse();
    assertThat(entry(repair).used()).isLessThan(0.8);

    later(Duration.ofMinutes(1));
    TicketQueue.Entry at80 = entry(repair);
    assertThat(at80.dueSoon()).isTrue();
    assertThat(at80.overdue()).isFalse();
    assertThat(at80.used()).isCloseTo(0.8, within(1e-9));

    later(Duration.ofHours(2).minusMinutes(1));
    assertThat(entry(repair).overdue()).isFalse();

    later(Duration.ofMinutes(31));
    TicketQueue.Entry late = entry(repair);
    assertThat(late.overdue()).isTrue();
    assertThat(late.dueSoon()).isFalse();
    assertThat(late.left()).isEqualTo(Duration.ofMinutes(-30));
    assertThat(late.used()).isCloseTo(1.05, within(1e-9));
  }

  @Test
  void an_overdue_ticket_comes_before_one_that_is_only_due_soon() {
    Ticket emergency = open("emergency");
    later(Duration.ofHours(1));
    Ticket repair = open("repair");
    later(Duration.ofHours(7).plusMinutes(30)); // emergency 6.5 h late; repair at 75%

    assertThat(page(null, 0, 10).entries()).extracting(e -> e.ticket().receipt(), TicketQueue.Entry::overdue)
        .containsExactly(tuple(emergency.receipt(), true),
            tuple(repair.receipt(), false));
  }

  @Test
  void the_clock_of_a_ticket_waiting_for_the_resident_stands_still() {
    Ticket waiting = open("repair");
    Ticket running = open("repair");
    move(waiting, TicketStatus.DISPATCHED);
    move(running, TicketStatus.DISPATCHED);
    later(Duration.ofHours(2));
    move(waiting, TicketStatus.WAITING_RESIDENT);

    later(Duration.ofHours(3));

    TicketQueue.Entry paused = entry(waiting);
    assertThat(paused.paused()).isTrue();
    assertThat(paused.left()).isEqualTo(Duration.ofHours(8));
    assertThat(entry(running).left()).isEqualTo(Duration.ofHours(5));
    assertThat(page(null, 0, 10).entries()).extracting(e -> e.ticket().receipt())
        .containsExactly(running.receipt(), waiting.receipt());
    assertThat(page(TicketStatus.WAITING_RESIDENT, 0, 10).entries()).extracting(e -> e.ticket().receipt())
        .containsExactly(waiting.receipt());
  }

  @Test
  void a_working_day_limit_counts_working_time_left_over_the_weekend() {
    // Friday 9 January 2026, 18:00: six working hours that Friday, none at the weekend, due Monday 18:00.
    clock.advance(Duration.between(clock.instant(), at("2026-01-09T18:00")));
    Ticket elderly = open("elderly");

    clock.advance(Duration.between(clock.instant(), at("2026-01-11T12:00"))); // Sunday noon
    TicketQueue.Entry sunday = entry(elderly);
    assertThat(sunday.left()).isEqualTo(Duration.ofHours(18));
    assertThat(sunday.used()).isCloseTo(0.25, within(1e-9));
    assertThat(sunday.dueSoon()).isFalse();

    clock.advance(Duration.between(clock.instant(), at("2026-01-12T14:00"))); // Monday 14:00
    TicketQueue.Entry monday = entry(elderly);
    assertThat(monday.left()).isEqualTo(Duration.ofHours(4));
    assertThat(monday.dueSoon()).isTrue();
  }

  @Test
  void a_working_day_ticket_paused_before_the_weekend_keeps_the_working_time_it_had() {
    // Friday 9 January 2026, 12:00, one working day: due Monday 12:00. Paused at 18:00 with 18
    // working hours left (66 clock hours), it shows 18 hours left however long it waits.
    clock.advance(Duration.between(clock.instant(), at("2026-01-09T12:00")));
    Ticket elderly = open("elderly");
    move(elderly, TicketStatus.DISPATCHED);
    clock.advance(Duration.between(clock.instant(), at("2026-01-09T18:00")));
    move(elderly, TicketStatus.WAITING_RESIDENT);

    clock.advance(Duration.between(clock.instant(), at("2026-01-13T09:00")));

    TicketQueue.Entry paused = entry(elderly);
    assertThat(paused.paused()).isTrue();
    assertThat(paused.left()).isEqualTo(Duration.ofHours(18));
    assertThat(paused.used()).isCloseTo(0.25, within(1e-9));
    assertThat(paused.overdue()).isFalse();
  }

  @Test
  void pages_follow_one_another_and_closed_tickets_are_not_in_the_queue() {
    Ticket first = open("emergency");
    Ticket second = open("consultation");
    Ticket third = open("repair");
    Ticket done = open("emergency");
    move(done, TicketStatus.DISPATCHED);
    move(done, TicketStatus.RESOLVED);

    TicketQueue.Page one = page(null, 0, 2);
    TicketQueue.Page two = page(null, 2, 2);

    assertThat(one.total()).isEqualTo(3);
    assertThat(one.entries()).extracting(e -> e.ticket().receipt()).containsExactly(first.receipt(), second.receipt());
    assertThat(two.offset()).isEqualTo(2);
    assertThat(two.entries()).extracting(e -> e.ticket().receipt()).containsExactly(third.receipt());
    assertThat(page(null, 5, 2).entries()).isEmpty();
    assertThatThrownBy(() -> page(TicketStatus.RESOLVED, 0, 10)).hasCauseInstanceOf(BadRequest.class)
        .hasMessageContaining("open tickets");
  }
}
