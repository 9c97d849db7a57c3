package org.linli.bot.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.bot.redis.RealRedis.await;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.redis.RedisPerClass;

/** Monthly figures over hand-made tickets in a real Redis. */
class TicketStatsTest {

  @RegisterExtension
  static final RedisPerClass redis = new RedisPerClass();
  static TicketStore store;

  @BeforeAll
  static void start() {
    store = Tickets.store(redis.get(), 100);
  }

  private static Ticket resolvedAfter(String category, Instant at, double hours) {
    Ticket t = await(store.open(Tickets.request(category, at)));
    await(store.transition(t.receipt(), TicketStatus.DISPATCHED, "hub", "", at.plusSeconds(60)));
    await(
        store.transition(t.receipt(), TicketStatus.RESOLVED, "hub", "已修复", at.plusMillis((long) (hours * 3_600_000))));
    return t;
  }

  @Test
  void the_month_counts_medians_and_ratings_of_the_tickets_opened_in_it() {
    Instant day = Instant.parse("2026-11-10T02:00:00Z");
    // Times to resolve (hours): 1, 2, 3, 4, 10, 20, 30, 40, 50, 100 — repair limit 48 h, so 8 in time.
    double[] hours = {10, 1, 50, 3, 100, 2, 20, 4, 40, 30};
    Ticket[] tickets = new Ticket[hours.length];
    for (int i = 0; i < hours.length; i++) {
      tickets[i] = resolvedAfter("repair", day.plusSeconds(i * 60L), hours[i]);
    }
    await(store.rate(tickets[0].receipt(), 5, "", day.plus(Duration.ofDays(5))));
    await(store.rate(tickets[1].receipt(), 4, "", day.plus(Duration.ofDays(5))));
    await(store.rate(tickets[2].receipt(), 1, "太慢", day.plus(Duration.ofDays(5))));
    await(store.open(Tickets.request("elderly", day)));
    Ticket rejected = await(store.open(Tickets.request("consultation", day)));
    await(store.transition(rejected.receipt(), TicketStatus.REJECTED, "operator", "不属于受理范围", day.plusSeconds(600)));
    // Opened in Shanghai on 1 December (16:30 UTC on 30 November): next month's.
    await(store.open(Tickets.request("repair", Instant.parse("2026-11-30T16:30:00Z"))));
    // Opened in Shanghai on 1 November at 00:10 (31 October UTC): this month's.
    await(store.open(Tickets.request("emergency", Instant.parse("2026-10-31T16:10:00Z"))));

    TicketFigures f = await(new TicketStats(store).month(YearMonth.of(2026, 11), Tickets.SHANGHAI));

    assertThat(f.opened()).isEqualTo(13);
    assertThat(f.byCategory()).isEqualTo(Map.of("repair", 10, "elderly", 1, "consultation", 1, "emergency", 1));
    assertThat(f.byStatus()).isEqualTo(Map.of(TicketStatus.RESOLVED, 7, TicketStatus.CLOSED, 2,
        TicketStatus.IN_PROGRESS, 1, TicketStatus.RECEIVED, 2, TicketStatus.REJECTED, 1));
    assertThat(f.resolved()).isEqualTo(10);
    assertThat(f.medianToResolve()).isEqualTo(Duration.ofHours(10));
    assertThat(f.p90ToResolve()).isEqualTo(Duration.ofHours(50));
    assertThat(f.resolvedInTimeShare()).isEqualTo(0.8);
    assertThat(f.ratings()).isEqualTo(3);
    assertThat(f.averageRating()).isEqualTo(10.0 / 3);
  }

  @Test
  void a_month_without_tickets_has_no_times_and_no_average() {
    TicketFigures f = await(new TicketStats(store).month(YearMonth.of(2025, 2), Tickets.SHANGHAI));

    assertThat(f.opened()).isZero();
    assertThat(f.medianToResolve()).isNull();
    assertThat(f.resolvedInTimeShare()).isNull();
    assertThat(f.averageRating()).isNull();
  }
}
