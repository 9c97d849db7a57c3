package org.linli.bot.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.bot.redis.RealRedis.await;
import static org.linli.bot.ticket.TicketDeadlines.Kind.OVERDUE;
import static org.linli.bot.ticket.TicketDeadlines.Kind.REMIND80;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.redis.RedisPerClass;

/** The ticket timers against a real Redis, with explicit timestamps instead of waiting. */
class TicketDeadlinesTest {

  @RegisterExtension
  static final RedisPerClass redis = new RedisPerClass();
  static TicketStore store;
  static TicketDeadlines deadlines;
  static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");
  static final Duration LEASE = Duration.ofMinutes(1);

  @BeforeAll
  static void start() {
    store = Tickets.store(redis.get(), 5);
    deadlines = new TicketDeadlines(redis.api());
  }

  @BeforeEach
  void empty() {
    redis.flush();
  }

  private static Instant hours(double h) {
    return T0.plusMillis((long) (h * 3_600_000));
  }

  private static Ticket repairOpenedAtT0() {
    return await(store.open(Tickets.request("repair", T0)));
  }

  private static void move(Ticket t, TicketStatus to, Instant at) {
    assertThat(await(store.transition(t.receipt(), to, "hub", "", at)).applied()).isTrue();
  }

  @Test
  void a_new_ticket_is_reminded_at_four_fifths_of_its_limit_and_overdue_at_the_limit() {
    Ticket t = repairOpenedAtT0();

    assertThat(await(deadlines.planned(t.receipt()))).isEqualTo(Map.of(REMIND80, hours(38.4), OVERDUE, hours(48)));
    assertThat(await(deadlines.claim(hours(38), LEASE, 10))).isEmpty();
  }

  @Test
  void a_due_job_is_claimed_once_under_its_lease_and_done_removes_it() {
    Ticket t = repairOpenedAtT0();

    List<TicketDeadlines.Job> first = await(deadlines.claim(hours(39), LEASE, 10));
    List<TicketDeadlines.Job> second = await(deadlines.claim(hours(39), LEASE, 10));

    assertThat(first).containsExactly(new TicketDeadlines.Job(REMIND80, t.receipt(), hours(39).plus(LEASE)));
    assertThat(second).isEmpty();
    assertThat(await(deadlines.done(first.get(0)))).isTrue();
    assertThat(await(deadlines.planned(t.receipt()))).containsOnlyKeys(OVERDUE);
  }

  @Test
  void a_job_whose_lease_ran_out_is_claimed_again_and_the_first_claimant_cannot_mark_it_done() {
    Ticket t = repairOpenedAtT0();
    TicketDeadlines.Job stale = await(deadlines.claim(hours(39), LEASE, 10)).get(0);

    List<TicketDeadlines.Job> again = await(deadlines.claim(hours(39).plus(LEASE), LEASE, 10));

    assertThat(again).extracting(TicketDeadlines.Job::receipt).containsExactly(t.receipt());
    assertThat(await(deadlines.done(stale))).isFalse();
    assertThat(await(deadlines.done(again.get(0)))).isTrue();
  }

  @Test
  void waiting_for_the_resident_pauses_the_clock_and_coming_back_resumes_it_with_the_time_left() {
    Ticket t = repairOpenedAtT0();
    move(t, TicketStatus.DISPATCHED, hours(1));
    move(t, TicketStatus.WAITING_RESIDENT, hours(10));

    assertThat(await(deadlines.planned(t.receipt()))).isEmpty();
    assertThat(await(store.find(t.receipt())).remaining()).isEqualTo(Duration.ofHours(38));
    assertThat(await(deadlines.claim(hours(100), LEASE, 10))).isEmpty();

    move(t, TicketStatus.IN_PROGRESS, hours(20));

    Ticket resumed = await(store.find(t.receipt()));
    assertThat(resumed.dueAt()).isEqualTo(hours(58));
    assertThat(resumed.remaining()).isNull();
    assertThat(await(deadlines.planned(t.receipt()))).isEqualTo(Map.of(REMIND80, hours(48.4), OVERDUE, hours(58)));
  }

  @Test
  void a_reminder_that_already_fired_is_not_planned_again_on_resuming() {
    Ticket t = repairOpenedAtT0();
    move(t, TicketStatus.DISPATCHED, hours(1));
    TicketDeadlines.Job reminder = await(deadlines.claim(hours(39), LEASE, 10)).get(0);
    await(deadlines.done(reminder));
    move(t, TicketStatus.WAITING_RESIDENT, hours(40));

    assertThat(await(deadlines.planned(t.receipt()))).isEmpty();

    move(t, TicketStatus.IN_PROGRESS, hours(100));

    assertThat(await(deadlines.planned(t.receipt()))).isEqualTo(Map.of(OVERDUE, hours(108)));
  }

  @Test
  void an_overdue_notice_already_due_when_the_clock_pauses_still_fires() {
    Ticket t = repairOpenedAtT0();
    move(t, TicketStatus.DISPATCHED, hours(1));
    move(t, TicketStatus.WAITING_RESIDENT, hours(50));

    assertThat(await(deadlines.claim(hours(50), LEASE, 10))).extracting(TicketDeadlines.Job::kind)
        .containsExactlyInAnyOrder(REMIND80, OVERDUE);
  }

  @Test
  void a_resolved_ticket_has_no_timers_left_and_counts_as_in_time() {
    Ticket t = repairOpenedAtT0();
    move(t, TicketStatus.DISPATCHED, hours(1));
    move(t, TicketStatus.WAITING_RESIDENT, hours(2));
    move(t, TicketStatus.IN_PROGRESS, hours(30));
    move(t, TicketStatus.RESOLVED, hours(70)); // 48 h limit, 28 h of it spent waiting for the resident

    assertThat(await(deadlines.planned(t.receipt()))).isEmpty();
    assertThat(await(store.find(t.receipt())).resolvedInTime()).isTrue();
  }

  @Test
  void repair_restores_indexes_and_timers_lost_between_a_change_and_its_index_step() {
    Ticket t = repairOpenedAtT0();
    move(t, TicketStatus.DISPATCHED, hours(1));
    await(redis.api().del(List.of("tickets:{index}:timers", "tickets:{index}:status:dispatched")));

    assertThat(await(store.repair(T0, hours(2)))).isEqualTo(1);

    assertThat(await(deadlines.planned(t.receipt()))).isEqualTo(Map.of(REMIND80, hours(38.4), OVERDUE, hours(48)));
    assertThat(await(store.list(TicketStatus.DISPATCHED, null, 10))).extracting(Ticket::receipt)
        .containsExactly(t.receipt());
  }
}
