package org.linli.bot.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.bot.redis.RealRedis.await;
import static org.linli.bot.ticket.TicketStatus.*;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.redis.RedisPerClass;

/** The ticket store against a real (embedded) Redis. */
class TicketStoreTest {

  @RegisterExtension
  static final RedisPerClass redis = new RedisPerClass();
  static TicketStore store;
  static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z"); // 10:00 in Shanghai

  /** How to bring a fresh ticket to each status. */
  static final Map<TicketStatus, List<TicketStatus>> PATHS = Map.of(
      RECEIVED, List.of(),
      DISPATCHED, List.of(DISPATCHED),
      IN_PROGRESS, List.of(DISPATCHED, IN_PROGRESS),
      WAITING_RESIDENT, List.of(DISPATCHED, WAITING_RESIDENT),
      RESOLVED, List.of(DISPATCHED, IN_PROGRESS, RESOLVED),
      CLOSED, List.of(DISPATCHED, IN_PROGRESS, RESOLVED, CLOSED),
      REJECTED, List.of(REJECTED),
      MERGED, List.of(MERGED));

  @BeforeAll
  static void start() {
    store = Tickets.store(redis.get(), 5);
  }

  private static Ticket ticketIn(TicketStatus status) {
    Ticket t = await(store.open(Tickets.request("repair", T0)));
    Instant at = T0;
    for (TicketStatus step : PATHS.get(status)) {
      at = at.plusSeconds(60);
      assertThat(await(store.transition(t.receipt(), step, "hub", "原因：重复", at)).applied()).isTrue();
    }
    return await(store.find(t.receipt()));
  }

  @Test
  void two_hundred_concurrent_opens_get_unique_sequential_receipts_of_the_local_day() {
    Instant halfPastMidnightInShanghai = Instant.parse("2026-11-22T16:30:00Z");
    List<Future<Ticket>> opens = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      opens.add(store.open(Tickets.request("repair", halfPastMidnightInShanghai)));
    }
    await(Future.all(opens));

    List<String> receipts = opens.stream().map(f -> f.result().receipt()).sorted().toList();
    assertThat(receipts).allMatch(r -> r.matches("\\d{8}-\\d{4}"));
    assertThat(receipts).containsExactlyElementsOf(
        IntStream.rangeClosed(1, 200).mapToObj(n -> String.format("20261123-%04d", n)).toList());
  }

  @Test
  void a_new_ticket_is_received_stored_in_full_and_due_by_its_category_limit() {
    NewTicket request = Tickets.request("repair", T0);
    Ticket opened = await(store.open(request));
    Ticket found = await(store.find(opened.receipt()));

    assertThat(found).isEqualTo(opened);
    assertThat(found.text()).isEqualTo(request.text());
    assertThat(found.source()).isEqualTo(request.source());
    assertThat(found.community()).isEqualTo("幸福里社区");
    assertThat(found.status()).isEqualTo(RECEIVED);
    assertThat(found.timeLimit()).isEqualTo(Duration.ofHours(48));
    assertThat(found.dueAt()).isEqualTo(T0.plus(Duration.ofHours(48)));
    assertThat(found.history()).containsExactly(new TicketEvent(T0, RECEIVED, "resident", ""));
    assertThat(await(store.list(RECEIVED, T0, 1000))).extracting(Ticket::receipt).contains(opened.receipt());
    assertThat(await(store.byResident(request.source().resident(), 10))).containsExactly(opened);
  }

  @Test
  void the_sixth_ticket_in_an_hour_is_refused_while_another_resident_is_fine() {
    Instant t = Instant.parse("2026-11-24T02:00:00Z");
    for (int i = 0; i < 5; i++) {
      await(store.open(Tickets.request("repair", "wecom:busy", t.plusSeconds(600L * i))));
    }

    assertThatThrownBy(() -> await(store.open(Tickets.request("repair", "wecom:busy", t.plusSeconds(3000)))))
        .hasCauseInstanceOf(TicketLimitReached.class)
        .satisfies(e -> assertThat(((TicketLimitReached) e.getCause()).retryAfter()).isEqualTo(t.plusSeconds(3600)));
    assertThat(await(store.open(Tickets.request("repair", "wecom:calm", t.plusSeconds(3000)))).status())
        .isEqualTo(RECEIVED);
    assertThat(await(store.byResident("wecom:busy", 10))).hasSize(5);
    // Sliding window: an hour after the first, one more fits.
    assertThat(await(store.open(Tickets.request("repair", "wecom:busy", t.plusSeconds(3601)))).status())
        .isEqualTo(RECEIVED);
  }

  @Test
  void every_legal_move_is_applied_and_every_illegal_one_is_refused_changing_nothing() {
    for (TicketStatus from : TicketStatus.values()) {
      for (TicketStatus to : TicketStatus.values()) {
        Ticket before = ticketIn(from);
        Instant at = T0.plusSeconds(3600);
        TransitionResult result = await(store.transition(before.receipt(), to, "operator", "已与居民核实", at));
        Ticket after = await(store.find(before.receipt()));

        if (TicketStatus.allowed(from, to)) {
          assertThat(result.outcome()).as("%s -> %s", from, to).isEqualTo(TransitionResult.Outcome.APPLIED);
          assertThat(result.previous()).isEqualTo(from);
          assertThat(after.status()).isEqualTo(to);
          assertThat(after.history()).last().isEqualTo(new TicketEvent(at, to, "operator", "已与居民核实"));
          assertThat(await(store.list(to, T0, 10_000))).extracting(Ticket::receipt).contains(after.receipt());
          assertThat(await(store.list(from, T0, 10_000))).extracting(Ticket::receipt).doesNotContain(after.receipt());
        } else {
          assertThat(result.outcome()).as("%s -> %s", from, to).isEqualTo(TransitionResult.Outcome.REFUSED);
          assertThat(result.current()).isEqualTo(from);
          assertThat(after).isEqualTo(before);
        }
      }
    }
  }

  @Test
  void rejecting_needs_a_reason_and_an_unknown_receipt_is_reported_as_unknown() {
    Ticket t = ticketIn(RECEIVED);

    assertThat(await(store.transition(t.receipt(), REJECTED, "operator", " ", T0)).outcome())
        .isEqualTo(TransitionResult.Outcome.MISSING_REASON);
    assertThat(await(store.find(t.receipt()))).isEqualTo(t);
    assertThat(await(store.transition("20991231-9999", DISPATCHED, "hub", "", T0)).outcome())
        .isEqualTo(TransitionResult.Outcome.UNKNOWN);
    assertThat(await(store.find("not-a-receipt"))).isNull();
  }

  @Test
  void one_star_reopens_the_ticket_with_a_fresh_time_limit() {
    Ticket t = ticketIn(RESOLVED);
    Instant at = T0.plus(Duration.ofDays(3));

    TransitionResult result = await(store.rate(t.receipt(), 1, "灯还是不亮", at));

    assertThat(result.outcome()).isEqualTo(TransitionResult.Outcome.APPLIED);
    assertThat(result.current()).isEqualTo(IN_PROGRESS);
    Ticket after = result.ticket();
    assertThat(after.rating()).isEqualTo(1);
    assertThat(after.comment()).isEqualTo("灯还是不亮");
    assertThat(after.dueAt()).isEqualTo(at.plus(Duration.ofHours(48)));
    assertThat(after.firstResolvedAt()).isEqualTo(t.firstResolvedAt());
    assertThat(after.history()).last().isEqualTo(new TicketEvent(at, IN_PROGRESS, "resident", "评分 1"));
    assertThat(await(new TicketDeadlines(redis.api()).planned(t.receipt())))
        .containsEntry(TicketDeadlines.Kind.OVERDUE, at.plus(Duration.ofHours(48)));
  }

  @Test
  void five_stars_close_the_ticket_and_a_rating_before_resolution_is_refused() {
    Ticket resolved = ticketIn(RESOLVED);
    Ticket working = ticketIn(IN_PROGRESS);

    TransitionResult closed = await(store.rate(resolved.receipt(), 5, "很快就修好了", T0.plusSeconds(7200)));
    TransitionResult refused = await(store.rate(working.receipt(), 5, "", T0.plusSeconds(7200)));

    assertThat(closed.current()).isEqualTo(CLOSED);
    assertThat(closed.ticket().rating()).isEqualTo(5);
    assertThat(refused.outcome()).isEqualTo(TransitionResult.Outcome.REFUSED);
    assertThat(refused.current()).isEqualTo(IN_PROGRESS);
    assertThat(await(store.find(working.receipt()))).isEqualTo(working);
    assertThat(await(store.rate(resolved.receipt(), 4, "", T0.plusSeconds(7300))).outcome())
        .isEqualTo(TransitionResult.Outcome.REFUSED);
    assertThat(await(store.rate(working.receipt(), 6, "", T0)).outcome())
        .isEqualTo(TransitionResult.Outcome.BAD_RATING);
  }

  @Test
  void an_operator_correcting_the_category_changes_the_time_limit_and_the_due_time() {
    Ticket t = ticketIn(DISPATCHED);

    assertThat(await(store.setCategory(t.receipt(), "emergency", T0.plusSeconds(120)))).isTrue();

    Ticket after = await(store.find(t.receipt()));
    assertThat(after.category()).isEqualTo("emergency");
    assertThat(after.urgent()).isTrue();
    assertThat(after.timeLimit()).isEqualTo(Duration.ofHours(2));
    assertThat(after.dueAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
    assertThat(await(new TicketDeadlines(redis.api()).planned(t.receipt())))
        .containsEntry(TicketDeadlines.Kind.OVERDUE, T0.plus(Duration.ofHours(2)));
  }

  @Test
  void the_hub_reference_is_kept() {
    Ticket t = ticketIn(RECEIVED);

    assertThat(await(store.setHubReference(t.receipt(), new HubReference("SR-1029", "")))).isTrue();

    assertThat(await(store.find(t.receipt())).hub()).isEqualTo(new HubReference("SR-1029", ""));
    assertThat(await(store.setHubReference("20991231-0001", new HubReference("", "tok")))).isFalse();
  }
}
