package org.linli.bot.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.bot.redis.RealRedis.await;
import static org.linli.bot.ticket.TicketStatus.*;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.redis.RedisPerClass;

/**
 * The lines of a ticket's history besides status moves — the resident's replies, every rating, a
 * comment afterwards, the community's evaluations — against a real Redis, and the figures over them.
 */
class TicketLinesTest {

  @RegisterExtension
  static final RedisPerClass redis = new RedisPerClass();
  static TicketStore store;
  static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");

  @BeforeAll
  static void start() {
    store = Tickets.store(redis.get(), 100);
  }

  private static Ticket moved(Ticket t, Instant at, TicketStatus... steps) {
    for (TicketStatus step : steps) {
      at = at.plusSeconds(60);
      assertThat(await(store.transition(t.receipt(), step, "hub", "", at)).applied()).as(step.apiName()).isTrue();
    }
    return await(store.find(t.receipt()));
  }

  @Test
  void a_reply_while_waiting_resumes_the_clock_by_the_time_spent_waiting_and_is_a_line_of_its_own() {
    Ticket t = moved(await(store.open(Tickets.request("repair", T0))), T0, DISPATCHED, WAITING_RESIDENT);
    Instant waitingSince = T0.plusSeconds(120);
    Instant answered = waitingSince.plus(Duration.ofHours(5));

    TransitionResult r = await(store.reply(t.receipt(), "7号楼1单元302", answered));

    assertThat(r.applied()).isTrue();
    assertThat(r.previous()).isEqualTo(WAITING_RESIDENT);
    Ticket after = r.ticket();
    assertThat(after.status()).isEqualTo(IN_PROGRESS);
    assertThat(after.dueAt()).isEqualTo(t.dueAt().plus(Duration.ofHours(5)));
    assertThat(after.remaining()).isNull();
    assertThat(after.history()).last()
        .isEqualTo(new TicketEvent(answered, IN_PROGRESS, "resident", "7号楼1单元302", "reply", null));
    assertThat(await(new TicketDeadlines(redis.api()).planned(t.receipt())))
        .containsEntry(TicketDeadlines.Kind.OVERDUE, after.dueAt());
    assertThat(await(store.waitingFor(t.source().resident()))).isEmpty();
  }

  @Test
  void only_the_residents_own_waiting_tickets_are_found_and_a_closed_ticket_takes_no_reply() {
    String resident = "wecom:waiting-" + T0.toEpochMilli();
    Ticket a = moved(await(store.open(Tickets.request("repair", resident, T0))), T0, DISPATCHED, WAITING_RESIDENT);
    Ticket b = moved(await(store.open(Tickets.request("repair", resident, T0))), T0, DISPATCHED, WAITING_RESIDENT);
    moved(await(store.open(Tickets.request("repair", resident, T0))), T0, DISPATCHED);
    moved(await(store.open(Tickets.request("repair", T0))), T0, DISPATCHED, WAITING_RESIDENT);
    Ticket done = moved(await(store.open(Tickets.request("repair", T0))), T0, DISPATCHED, RESOLVED);

    assertThat(await(store.waitingFor(resident))).extracting(Ticket::receipt)
        .containsExactlyInAnyOrder(a.receipt(), b.receipt());
    TransitionResult refused = await(store.reply(done.receipt(), "还有问题", T0.plusSeconds(900)));
    assertThat(refused.outcome()).isEqualTo(TransitionResult.Outcome.REFUSED);
    assertThat(await(store.find(done.receipt()))).isEqualTo(done);
    assertThat(await(store.reply("20991231-0001", "x", T0)).outcome()).isEqualTo(TransitionResult.Outcome.UNKNOWN);
  }

  @Test
  void every_rating_is_a_line_and_the_figures_count_first_final_and_every_rating_with_the_evaluations() {
    Instant day = Instant.parse("2026-11-12T02:00:00Z");
    Ticket twice = moved(await(store.open(Tickets.request("repair", day))), day, DISPATCHED, RESOLVED);
    await(store.rate(twice.receipt(), 2, "还是不亮", day.plusSeconds(3600)));
    moved(twice, day.plusSeconds(7200), RESOLVED);
    TransitionResult second = await(store.rate(twice.receipt(), 5, "", day.plusSeconds(9000)));
    await(store.comment(twice.receipt(), "这次修好了", day.plusSeconds(9100)));
    Ticket once = moved(await(store.open(Tickets.request("repair", day))), day, DISPATCHED, RESOLVED);
    await(store.rate(once.receipt(), 4, "", day.plusSeconds(3600)));
    await(store.evaluate(once.receipt(), 3, "回访慢了", day.plusSeconds(4000)));
    await(store.evaluate(twice.receipt(), 5, "", day.plusSeconds(9500)));
    Ticket never = await(store.open(Tickets.request("repair", day)));
    assertThat(await(store.comment(never.receipt(), "没评分", day)).outcome())
        .isEqualTo(TransitionResult.Outcome.REFUSED);

    Ticket t = await(store.find(twice.receipt()));
    assertThat(second.current()).isEqualTo(CLOSED);
    assertThat(t.ratings()).containsExactly(2, 5);
    assertThat(t.comment()).isEqualTo("这次修好了");
    List<String> kinds = t.history().stream().map(TicketEvent::kind).toList();
    assertThat(kinds).containsSubsequence("rating", "status", "rating", "status", "comment", "evaluation");
    assertThat(t.history().get(kinds.indexOf("comment")).value()).isEqualTo(5);

    TicketFigures f = TicketStats.figures(YearMonth.of(2026, 11),
        List.of(t, await(store.find(once.receipt())), await(store.find(never.receipt()))));
    assertThat(f.ratings()).isEqualTo(3);
    assertThat(f.averageRating()).isEqualTo(11.0 / 3);
    assertThat(f.ratedTickets()).isEqualTo(2);
    assertThat(f.averageFirstRating()).isEqualTo(3.0);
    assertThat(f.averageFinalRating()).isEqualTo(4.5);
    assertThat(f.reopens()).isEqualTo(1);
    assertThat(f.reopenedTickets()).isEqualTo(1);
    assertThat(f.reopenRate()).isEqualTo(0.5);
    assertThat(f.evaluations()).isEqualTo(2);
    assertThat(f.averageEvaluation()).isEqualTo(4.0);
  }

  @Test
  void a_ticket_rated_before_ratings_had_lines_counts_its_stored_rating_once() {
    Ticket old = new Ticket("20261101-0001", "repair", false, "灯坏了",
        new TicketSource("wecom", "c", "group", "m", "wecom:u"), "", "", T0, Duration.ofHours(48), T0, null, CLOSED,
        null, 4, "", T0, true, List.of(new TicketEvent(T0, CLOSED, "resident", "评分 4")));

    assertThat(old.ratings()).containsExactly(4);
    TicketFigures f = TicketStats.figures(YearMonth.of(2026, 11), List.of(old));
    assertThat(f.ratings()).isEqualTo(1);
    assertThat(f.averageRating()).isEqualTo(4.0);
    assertThat(f.reopens()).isZero();
  }
}
