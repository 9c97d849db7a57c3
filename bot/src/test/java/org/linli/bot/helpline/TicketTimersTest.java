package org.linli.bot.helpline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.bot.redis.RealRedis.await;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.outbox.Outbox;
import org.linli.bot.redis.RedisPerClass;
import org.linli.bot.ticket.NewTicket;
import org.linli.bot.ticket.Ticket;
import org.linli.bot.ticket.TicketDeadlines;
import org.linli.bot.ticket.TicketSource;
import org.linli.bot.ticket.TicketStatus;
import org.linli.bot.ticket.TicketStore;
import org.linli.bot.ticket.TimeLimits;
import org.linli.bot.ticket.WorkingCalendar;
import org.linli.webhooks.Capability;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.SettableClock;

/**
 * The reminders of working-day time limits over the holiday calendar, against a real Redis and real
 * outboxes, with a clock the test moves: each fires at the moment the calendar computes and not a
 * minute before, and the resident is told once, privately, when the limit has passed.
 */
class TicketTimersTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @RegisterExtension
  static final RedisPerClass redis = new RedisPerClass();

  SettableClock clock;
  TicketStore tickets;
  Outbox hub;
  Outbox chat;
  TicketTimers timers;
  /** Every delivery that left each outbox, by id, with how often. */
  final Map<String, Integer> hubSent = new ConcurrentHashMap<>();
  final List<Outgoing> chatSent = new CopyOnWriteArrayList<>();
  final Map<String, Integer> chatIds = new ConcurrentHashMap<>();

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
  }

  @BeforeEach
  void start() {
    redis.flush();
    clock = new SettableClock(at("2026-01-05T09:00"));
    tickets = new TicketStore(redis.api(),
        TimeLimits.parse("emergency=2h,repair=2wd,default=3wd", WorkingCalendar.shipped(SHANGHAI)), 50, SHANGHAI);
    Outbox.Timing timing = new Outbox.Timing(Duration.ofMillis(20), List.of(Duration.ofMillis(50)),
        Duration.ofSeconds(5), 8, Duration.ofDays(7));
    hub = new Outbox(redis.get().vertx, redis.api(), "hub-test", timing, (id, payload, attempt) -> {
      hubSent.merge(id, 1, Integer::sum);
      return Future.succeededFuture();
    });
    chat = new Outbox(redis.get().vertx, redis.api(), "chat-test", timing, (id, payload, attempt) -> {
      chatIds.merge(id, 1, Integer::sum);
      chatSent.add(Outgoing.fromJson(payload));
      return Future.succeededFuture();
    });
    hub.start();
    chat.start();
    ResidentNotifier residents = new ResidentNotifier((id, message) -> chat.enqueue(id, message.toJson()),
        platform -> platform.equals("wecom") ? Set.of(Capability.PRIVATE_MESSAGES) : Set.of());
    timers = new TicketTimers(new TicketDeadlines(redis.api()), tickets, new HubFeed(hub, clock),
        (id, message) -> chat.enqueue(id, message.toJson()), residents, "generic:mods", new Times(clock, SHANGHAI));
  }

  @AfterEach
  void stop() {
    await(hub.stop());
    await(chat.stop());
  }

  private Ticket open(String category) {
    return await(tickets.open(new NewTicket(category, false, "3号楼2单元楼道灯坏了",
        new TicketSource("wecom", "chat-7", "group", "m1", "wecom:u7"), "幸福里社区", "", clock.instant())));
  }

  /** Moves the clock to {@code local} and runs one round of the timers there. */
  private void tickAt(String local) {
    clock.advance(Duration.between(clock.instant(), at(local)));
    await(timers.tick());
  }

  /** The hub deliveries and chat messages once the outboxes are idle (they send on real time). */
  private void settle() {
    for (int i = 0; i < 100; i++) {
      Outbox.Stats hubStats = await(hub.stats());
      Outbox.Stats chatStats = await(chat.stats());
      if (hubStats.pending() == 0 && chatStats.pending() == 0) {
        return;
      }
      sleep(20);
    }
    throw new AssertionError("the outboxes did not empty");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private List<String> chatTexts() {
    return chatSent.stream().map(o -> o.chat().id() + "|" + o.reply().text()).toList();
  }

  @Test
  void two_working_days_from_the_friday_after_national_day_count_the_saturday_worked_and_skip_the_sunday() {
    clock.advance(Duration.between(clock.instant(), at("2026-10-09T03:00")));
    Ticket t = open("repair");
    String r = t.receipt();
    // Friday 03:00 → Saturday 10 October (调休, worked) → Monday 12 October 03:00. 80% of 48 working
    // hours is 38.4: 21 on Friday, 17.4 on Saturday; the last fifth is Saturday evening and Monday night.
    assertThat(t.dueAt()).isEqualTo(at("2026-10-12T03:00"));

    tickAt("2026-10-10T17:23");
    settle();
    assertThat(hubSent).doesNotContainKeys("msg_" + r + "_remind80", "msg_" + r + "_overdue");

    tickAt("2026-10-10T17:24");
    settle();
    assertThat(hubSent).containsEntry("msg_" + r + "_remind80", 1).doesNotContainKey("msg_" + r + "_overdue");
    assertThat(chatTexts()).singleElement().asString().startsWith("mods|").contains("临期提醒", r);

    tickAt("2026-10-11T03:00"); // 48 clock hours: a Sunday, not a working day
    tickAt("2026-10-12T02:59");
    settle();
    assertThat(hubSent).doesNotContainKey("msg_" + r + "_overdue");
    assertThat(chatSent).noneMatch(o -> o.chat().id().equals("u7"));

    tickAt("2026-10-12T03:00");
    settle();
    assertThat(hubSent).containsEntry("msg_" + r + "_overdue", 1);
    assertThat(chatTexts()).filteredOn(s -> s.startsWith("mods|")).hasSize(2).last().asString().contains("已超时", r);
    assertThat(chatSent).filteredOn(o -> o.chat().id().equals("u7")).singleElement().satisfies(o -> {
      assertThat(o.reply().privately()).isTrue();
      assertThat(o.reply().text()).contains(r, "办理时限", "10月12日 03:00", "已向求助热线催办");
    });
  }

  @Test
  void limits_across_the_spring_festival_remind_on_the_saturdays_worked_14_and_28_february() {
    clock.advance(Duration.between(clock.instant(), at("2026-02-13T02:00")));
    Ticket before = open("repair"); // Saturday 14 (worked), then Tuesday 24 February after the festival
    clock.advance(Duration.between(clock.instant(), at("2026-02-27T02:00")));
    Ticket after = open("repair"); // Saturday 28 (worked), then Monday 2 March
    assertThat(before.dueAt()).isEqualTo(at("2026-02-24T02:00"));
    assertThat(after.dueAt()).isEqualTo(at("2026-03-02T02:00"));

    // Back to before the festival: 38.4 working hours are 22 on Friday 13 and 16.4 on Saturday 14.
    clock.advance(Duration.between(clock.instant(), at("2026-02-13T02:00")));
    tickAt("2026-02-14T16:23");
    settle();
    assertThat(hubSent).doesNotContainKey("msg_" + before.receipt() + "_remind80");
    tickAt("2026-02-14T16:24");
    settle();
    assertThat(hubSent).containsEntry("msg_" + before.receipt() + "_remind80", 1);
    tickAt("2026-02-24T01:59"); // nothing more during 春节
    settle();
    assertThat(hubSent).containsEntry("msg_" + before.receipt() + "_remind80", 1)
        .doesNotContainKey("msg_" + before.receipt() + "_overdue");
    tickAt("2026-02-24T02:00");
    settle();
    assertThat(hubSent).containsEntry("msg_" + before.receipt() + "_overdue", 1);

    tickAt("2026-02-28T16:23");
    settle();
    assertThat(hubSent).doesNotContainKey("msg_" + after.receipt() + "_remind80");
    tickAt("2026-02-28T16:24");
    settle();
    assertThat(hubSent).containsEntry("msg_" + after.receipt() + "_remind80", 1);
    tickAt("2026-03-02T01:59");
    settle();
    assertThat(hubSent).containsEntry("msg_" + after.receipt() + "_remind80", 1)
        .doesNotContainKey("msg_" + after.receipt() + "_overdue");
    tickAt("2026-03-02T02:00");
    settle();
    assertThat(hubSent).containsEntry("msg_" + after.receipt() + "_overdue", 1);
  }

  @Test
  void waiting_for_the_resident_over_a_holiday_keeps_the_working_time_left_and_the_saturday_worked_counts() {
    clock.advance(Duration.between(clock.instant(), at("2026-09-30T16:00")));
    Ticket t = open("repair"); // due Friday 9 October 16:00: 8 h on 30 September, 24 on 8 October, 16 on 9 October
    String r = t.receipt();
    assertThat(t.dueAt()).isEqualTo(at("2026-10-09T16:00"));
    move(r, TicketStatus.DISPATCHED, at("2026-09-30T17:00"));
    move(r, TicketStatus.WAITING_RESIDENT, at("2026-10-08T12:00")); // 12 + 16 = 28 working hours left

    Ticket resumed = move(r, TicketStatus.IN_PROGRESS, at("2026-10-10T18:00"));

    // 6 h left of Saturday 10 October (调休), none of Sunday, 22 h of Monday (28 clock hours: Sunday 22:00).
    assertThat(resumed.dueAt()).isEqualTo(at("2026-10-12T22:00"));
    tickAt("2026-10-11T22:00");
    tickAt("2026-10-12T21:59");
    settle();
    assertThat(hubSent).doesNotContainKey("msg_" + r + "_overdue");
    tickAt("2026-10-12T22:00");
    settle();
    assertThat(hubSent).containsEntry("msg_" + r + "_overdue", 1);
  }

  @Test
  void a_wait_wholly_on_a_rest_day_leaves_the_due_time_where_it_was_to_the_millisecond() {
    clock.advance(Duration.between(clock.instant(), at("2026-10-09T09:00")));
    Ticket t = open("repair");
    String r = t.receipt();
    move(r, TicketStatus.DISPATCHED, at("2026-10-09T10:00"));
    // Sunday 11 October is a rest day; the clock has microseconds, as the system clock does.
    move(r, TicketStatus.WAITING_RESIDENT, at("2026-10-11T10:00").plusNanos(123_456_000));

    Ticket resumed = move(r, TicketStatus.IN_PROGRESS, at("2026-10-11T11:30").plusNanos(654_321_000));

    assertThat(resumed.dueAt()).isEqualTo(t.dueAt());
  }

  @Test
  void a_ticket_reopened_by_a_low_rating_on_a_holiday_gets_its_working_days_afresh_from_the_next_working_day() {
    clock.advance(Duration.between(clock.instant(), at("2026-09-29T09:00")));
    String r = open("repair").receipt();
    move(r, TicketStatus.DISPATCHED, at("2026-09-29T09:30"));
    move(r, TicketStatus.RESOLVED, at("2026-09-29T10:00"));
    clock.advance(Duration.between(clock.instant(), at("2026-10-03T15:00")));

    assertThat(await(tickets.rate(r, 1, "还是不亮", clock.instant())).applied()).isTrue();

    // Saturday 3 October is a holiday: Thursday 8 and Friday 9 are the two working days.
    assertThat(await(tickets.find(r)).dueAt()).isEqualTo(at("2026-10-10T00:00"));
    tickAt("2026-10-09T23:59");
    settle();
    assertThat(hubSent).doesNotContainKey("msg_" + r + "_overdue");
    tickAt("2026-10-10T00:00");
    settle();
    assertThat(hubSent).containsEntry("msg_" + r + "_overdue", 1);
  }

  @Test
  void a_repair_corrected_to_an_emergency_is_due_two_hours_after_it_was_opened() {
    clock.advance(Duration.between(clock.instant(), at("2026-10-09T03:00")));
    String r = open("repair").receipt();
    clock.advance(Duration.ofMinutes(10));

    assertThat(await(tickets.setCategory(r, "emergency", clock.instant()))).isTrue();

    assertThat(await(tickets.find(r)).dueAt()).isEqualTo(at("2026-10-09T05:00"));
    tickAt("2026-10-09T04:35");
    settle();
    assertThat(hubSent).doesNotContainKey("msg_" + r + "_remind80");
    tickAt("2026-10-09T04:36");
    settle();
    assertThat(hubSent).containsEntry("msg_" + r + "_remind80", 1);
  }

  @Test
  void an_emergency_counts_clock_hours_through_the_holiday() {
    clock.advance(Duration.between(clock.instant(), at("2026-10-02T09:00")));
    Ticket t = open("emergency");

    assertThat(t.dueAt()).isEqualTo(at("2026-10-02T11:00"));
    tickAt("2026-10-02T10:35");
    settle();
    assertThat(hubSent).doesNotContainKey("msg_" + t.receipt() + "_remind80");
    tickAt("2026-10-02T10:36");
    settle();
    assertThat(hubSent).containsEntry("msg_" + t.receipt() + "_remind80", 1);
  }

  @Test
  void the_resident_is_told_once_even_when_an_overdue_job_runs_again_after_a_crash() {
    clock.advance(Duration.between(clock.instant(), at("2026-10-09T10:00")));
    Ticket t = open("repair");
    String r = t.receipt();
    tickAt("2026-10-12T10:00");
    settle();
    // An instance that did the job and died before marking it done leaves it to be claimed again.
    await(redis.api().zadd(List.of("tickets:{index}:timers", String.valueOf(clock.millis()), "overdue:" + r)));

    tickAt("2026-10-12T10:05");
    tickAt("2026-10-12T11:00");
    settle();

    assertThat(await(new TicketDeadlines(redis.api()).planned(r))).as("the job ran again and is done").isEmpty();
    assertThat(hubSent).containsEntry("msg_" + r + "_overdue", 1);
    assertThat(chatIds).containsEntry("overdue-resident-" + r, 1);
    assertThat(chatSent).filteredOn(o -> o.chat().id().equals("u7")).hasSize(1);
  }

  private Ticket move(String receipt, TicketStatus to, Instant when) {
    clock.advance(Duration.between(clock.instant(), when));
    assertThat(await(tickets.transition(receipt, to, "hub", "", when)).applied()).isTrue();
    return await(tickets.find(receipt));
  }
}
