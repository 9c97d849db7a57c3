package org.linli.bot.helpline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.bot.redis.RealRedis.await;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.redis.RedisPerClass;
import org.linli.bot.ticket.NewTicket;
import org.linli.bot.ticket.TicketSource;
import org.linli.bot.ticket.TicketStore;
import org.linli.bot.ticket.TimeLimits;
import org.linli.bot.ticket.WorkingCalendar;
import org.linli.webhooks.Capability;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;
import org.linli.webhooks.SettableClock;

/**
 * The end of an intake question's window, against a real Redis with a clock the test moves: a
 * request nobody answered is filed as it is once, when the window ends and not before; one that was
 * answered, or asked anew, is left alone.
 */
class IntakeWindowsTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @RegisterExtension
  static final RedisPerClass redis = new RedisPerClass();

  SettableClock clock;
  Intake intake;
  IntakeWindows windows;
  TicketStore tickets;
  final List<Intake.Pending> filed = new CopyOnWriteArrayList<>();
  final List<Outgoing> told = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    redis.flush();
    clock = new SettableClock(LocalDateTime.parse("2026-01-05T09:00").atZone(SHANGHAI).toInstant());
    Times times = new Times(clock, SHANGHAI);
    tickets = new TicketStore(redis.api(),
        TimeLimits.parse("repair=2wd,default=3wd", WorkingCalendar.shipped(SHANGHAI)), 50, SHANGHAI);
    intake = new Intake(redis.api(), null, platform -> Set.of(Capability.PRIVATE_MESSAGES), times);
    ResidentNotifier residents = new ResidentNotifier((id, message) -> {
      told.add(message);
      return Future.succeededFuture(true);
    }, platform -> Set.of(Capability.PRIVATE_MESSAGES));
    windows = new IntakeWindows(redis.api(), intake, pending -> {
      filed.add(pending);
      return tickets.open(new NewTicket("repair", false, pending.text(), pending.source(), "g1", "",
          clock.instant(), pending.address()))
          .map(t -> new HelpDesk.Filed(t, List.of(Reply.text("已受理，回执号：" + t.receipt()))));
    }, residents, times);
  }

  private static Intake.Pending request(String resident, String text) {
    return new Intake.Pending(text, false, "repair", new TicketSource("wecom", "g1", "group", "m1", resident), "", "",
        0);
  }

  private void tickAfter(Duration d) {
    clock.advance(d);
    await(windows.tick());
  }

  @Test
  void an_unanswered_request_is_filed_as_it_is_when_its_window_ends_and_the_resident_is_told_once() {
    await(intake.ask(request("wecom:u1", "我家水管漏水了"), "在哪里？", false));

    tickAfter(Intake.WINDOW.minusSeconds(1));
    assertThat(filed).isEmpty();

    tickAfter(Duration.ofSeconds(2));
    tickAfter(Duration.ofMinutes(2));
    assertThat(filed).extracting(Intake.Pending::text).containsExactly("我家水管漏水了");
    assertThat(told).hasSize(1);
    assertThat(told.get(0).reply().text()).contains("已按现有信息提交", "回执号：");
    assertThat(told.get(0).chat().type().name()).isEqualTo("PRIVATE");
  }

  @Test
  void an_answered_or_newly_asked_request_is_left_to_its_answer_or_its_own_window() {
    await(intake.ask(request("wecom:u1", "楼道灯坏了"), "在哪里？", false));
    await(intake.ask(request("wecom:u2", "门禁坏了"), "在哪里？", false));
    assertThat(await(intake.take(new ChatEvent("wecom",
        new ChatEvent.Chat("g1", ChatEvent.ChatType.GROUP), new ChatEvent.Sender("u1", "张三"), "3号楼", false, null,
        "m2")))).isNotNull(); // answered

    tickAfter(Intake.WINDOW.minusMinutes(1));
    await(intake.ask(request("wecom:u2", "门禁坏了，刷不开"), "在哪里？", false)); // asked anew
    tickAfter(Duration.ofMinutes(2));
    assertThat(filed).isEmpty();

    tickAfter(Intake.WINDOW);
    assertThat(filed).extracting(Intake.Pending::text).containsExactly("门禁坏了，刷不开");
    Instant now = clock.instant();
    assertThat(await(intake.takeUnanswered("wecom:u2"))).as("taken once, at " + now).isNull();
  }
}
