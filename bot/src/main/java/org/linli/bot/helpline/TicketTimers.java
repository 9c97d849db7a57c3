package org.linli.bot.helpline;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.linli.bot.outbox.Poster;
import org.linli.bot.text.Text;
import org.linli.bot.ticket.Ticket;
import org.linli.bot.ticket.TicketDeadlines;
import org.linli.bot.ticket.TicketStore;
import org.linli.bot.timer.TimerDriven;
import org.linli.bot.timer.TimerLoop;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.ChatRef;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 临期催办: at 80% of the promised time and at the limit, the hub gets a signed {@code
 * ticket.reminder} and the community's moderators are told in their chats. Every instance runs
 * this loop; a timer is claimed by one instance at a time and both messages go through the outbox
 * by id, so each reminder is sent once however many instances run. At the limit the resident is
 * told as well — privately where the platform allows — that the time limit has passed and the hub
 * was reminded, once. When the timers fall is the store's business (over the working calendar for
 * working-day limits); the clock pauses while a ticket waits for the resident (the store moves the
 * timers).
 */
public final class TicketTimers implements TimerDriven {

  private static final Logger LOG = LoggerFactory.getLogger(TicketTimers.class);
  private static final Duration LEASE = Duration.ofSeconds(60);

  private final TicketStore tickets;
  private final HubFeed hub;
  private final Poster chat;
  private final ResidentNotifier residents;
  private final List<Outgoing> moderatorChats;
  private final Times times;
  private final TimerLoop<TicketDeadlines.Job> loop;

  /** {@code moderatorChats}: the {@code tickets.moderatorChats} setting ({@code platform:chat,…}). */
  TicketTimers(TicketDeadlines deadlines, TicketStore tickets, HubFeed hub, Poster chat, ResidentNotifier residents,
      String moderatorChats, Times times) {
    this.tickets = tickets;
    this.hub = hub;
    this.chat = chat;
    this.residents = residents;
    this.moderatorChats = groups(moderatorChats);
    this.times = times;
    this.loop = new TimerLoop<>("Ticket reminders", () -> deadlines.claim(times.now(), LEASE, 50), this::run,
        deadlines::done);
  }

  private static List<Outgoing> groups(String moderatorChats) {
    List<Outgoing> chats = new ArrayList<>();
    for (String pair : moderatorChats.split(",")) {
      ChatRef.parse(pair).ifPresent(ref -> chats.add(new Outgoing(ref.platform(),
          new ChatEvent.Chat(ref.chat(), ChatEvent.ChatType.GROUP), Reply.text(""))));
    }
    return List.copyOf(chats);
  }

  @Override
  public TimerLoop<?> loop() {
    return loop;
  }

  private Future<Void> run(TicketDeadlines.Job job) {
    return tickets.find(job.receipt()).compose(t -> {
      if (t == null || !t.status().open()) {
        return Future.succeededFuture();
      }
      String stage = job.kind() == TicketDeadlines.Kind.REMIND80 ? "remind80" : "overdue";
      LOG.info("Ticket {}: {} (reminder)", t.receipt(), stage);
      // The ticket itself first, in case it never left (idempotent by id), then the reminder.
      return hub.created(t)
          .compose(v -> hub.reminder(t, job.kind(), stage))
          .compose(v -> tellModerators(t, job.kind(), stage))
          .compose(v -> job.kind() == TicketDeadlines.Kind.OVERDUE ? tellResident(t) : Future.succeededFuture());
    });
  }

  private Future<Void> tellResident(Ticket t) {
    String due = t.dueAt() == null ? "" : times.format(t.dueAt());
    return residents.tell("overdue-resident-" + t.receipt(), t, Text.TIMER_RESIDENT_OVERDUE.of(t.receipt(), due),
        List.of()).mapEmpty();
  }

  private Future<Void> tellModerators(Ticket t, TicketDeadlines.Kind kind, String stage) {
    Text heading = kind == TicketDeadlines.Kind.REMIND80 ? Text.TIMER_DUE_SOON : Text.TIMER_OVERDUE;
    String category = HelpDesk.categoryName(t.category()) + (t.urgent() ? Text.TIMER_URGENT.of() : "");
    String due = t.dueAt() == null ? "" : Text.TIMER_DUE.of(times.format(t.dueAt()));
    String text = heading.of(t.receipt(), category, t.status().label(), due);
    List<Future<Boolean>> sent = new ArrayList<>();
    for (Outgoing m : moderatorChats) {
      sent.add(chat.post(stage + "-" + t.receipt() + "-" + m.platform() + "-" + m.chat().id(),
          new Outgoing(m.platform(), m.chat(), Reply.text(text))));
    }
    return Future.all(sent).mapEmpty();
  }
}
