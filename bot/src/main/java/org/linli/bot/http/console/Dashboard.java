package org.linli.bot.http.console;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.linli.bot.console.Role;
import org.linli.bot.consultation.PollStore;
import org.linli.bot.consultation.proposal.ConsultationIndex;
import org.linli.bot.consultation.proposal.Proposal;
import org.linli.bot.consultation.proposal.ProposalDesk;
import org.linli.bot.gaps.FeedbackStore;
import org.linli.bot.gaps.GapStore;
import org.linli.bot.helpline.TicketQueue;
import org.linli.bot.text.Text;

/**
 * What the dashboard ({@code GET /console/}) shows beside the account, each part to the roles whose
 * pages it leads to: the open polls and the proposals collecting supports or waiting on the agenda
 * (admins, moderators), the open tickets by time left with the five most urgent (admins,
 * operators), and this week's unanswered and "没帮到我" questions (admins, moderators). It adds no
 * route of its own: {@link ConsoleRoutes} hands it to the home page.
 */
public final class Dashboard implements ConsoleModule {

  private static final int URGENT = 5;
  private static final int QUESTIONS = 10;
  private static final int SCANNED = 200;
  private static final Duration WEEK = Duration.ofDays(7);
  private static final Set<Role> CONSULTATIONS = Set.of(Role.ADMIN, Role.MODERATOR);
  private static final Set<Role> TICKETS = Set.of(Role.ADMIN, Role.OPERATOR);

  private final ConsultationIndex index;
  private final ProposalDesk proposals;
  private final TicketQueue queue;
  private final GapStore gaps;
  private final Clock clock;

  /** The dashboard over the consultations, the proposals, the ticket queue and the gap list. */
  public Dashboard(ConsultationIndex index, ProposalDesk proposals, TicketQueue queue, GapStore gaps, Clock clock) {
    this.index = index;
    this.proposals = proposals;
    this.queue = queue;
    this.gaps = gaps;
    this.clock = clock;
  }

  /**
   * The dashboard's parts for one role; a part the role does not see is null.
   *
   * @param polls the open polls, closing first first
   * @param proposals the proposals open or on the agenda, newest first
   * @param tickets the ticket counts and the most urgent ones
   * @param unanswered the questions the bot could not answer, asked in the last seven days
   * @param unhelpful the questions whose guide "没帮到我", in the last seven days
   */
  public record Board(List<PollStore.Stored> polls, List<Proposal> proposals, Tickets tickets,
      List<GapStore.Gap> unanswered, List<FeedbackStore.Unhelpful> unhelpful) {
  }

  /** The open tickets: how many are within their limit, past 80% of it, overdue; the most urgent. */
  public record Tickets(int within, int dueSoon, int overdue, List<TicketQueue.Entry> urgent) {
  }

  /** Nothing in the navigation: the dashboard's link is the home page's. */
  @Override
  public List<NavItem> nav() {
    return List.of();
  }

  /** No route: the home page draws the dashboard. */
  @Override
  public void mount(Router router, ConsoleKit kit) {
    // The home page (HomePage) asks board() for what to show.
  }

  /** What {@code role} sees on the dashboard now (every community's tickets). */
  public Future<Board> board(Role role) {
    return board(role, null);
  }

  /**
   * What {@code role} sees on the dashboard now, in {@code community} (null: every one): that
   * community's open polls, proposals and tickets; the questions asked of the guides, which the
   * street office's guides answer for every community, are the week's of all of them.
   */
  public Future<Board> board(Role role, String community) {
    boolean consultations = CONSULTATIONS.contains(role);
    boolean tickets = TICKETS.contains(role);
    Instant weekAgo = clock.instant().minus(WEEK);
    Future<List<PollStore.Stored>> polls = consultations
        ? (community == null ? index.latestPolls() : index.latestPolls(community)).map(all -> all.stream()
            .filter(PollStore.Stored::open)
            .sorted(java.util.Comparator.comparing(s -> s.poll().closesAt())).toList())
        : Future.succeededFuture(null);
    Future<List<Proposal>> raised = consultations
        ? (community == null ? proposals.latest(SCANNED) : proposals.latest(SCANNED, community)).map(all -> all
            .stream().filter(p -> p.status() == Proposal.Status.OPEN
                || p.status() == Proposal.Status.AGENDA)
            .toList())
        : Future.succeededFuture(null);
    Future<Tickets> queued = tickets
        ? queue.page(community, null, 0, Integer.MAX_VALUE).map(Dashboard::tickets)
        : Future.succeededFuture(null);
    Future<List<GapStore.Gap>> unanswered = consultations
        ? gaps.top(SCANNED).map(all -> all.stream().filter(g -> since(g.lastSeen(), weekAgo)).limit(QUESTIONS)
            .toList())
        : Future.succeededFuture(null);
    Future<List<FeedbackStore.Unhelpful>> unhelpful = consultations
        ? gaps.feedback().unhelpful(SCANNED).map(all -> all.stream().filter(u -> since(u.lastSeen(), weekAgo))
            .limit(QUESTIONS).toList())
        : Future.succeededFuture(null);
    return Future.all(polls, raised, queued, unanswered, unhelpful).map(all -> new Board(all.resultAt(0),
        all.resultAt(1), all.resultAt(2), all.resultAt(3), all.resultAt(4)));
  }

  /** A ticket's time left as the office reads it: "还剩 5 小时", "超时 2 天". */
  public static String left(TicketQueue.Entry e) {
    Duration d = e.left().abs();
    String amount = d.toDays() >= 2
        ? Text.CONSOLE_DASH_DAYS.of(d.toDays())
        : d.toHours() >= 1 ? Text.CONSOLE_DASH_HOURS.of(d.toHours()) : Text.CONSOLE_DASH_MINUTES.of(d.toMinutes());
    return e.overdue() ? Text.CONSOLE_DASH_OVERDUE_BY.of(amount) : Text.CONSOLE_DASH_LEFT.of(amount);
  }

  /** The style of a ticket's row: {@code late} once overdue, {@code soon} past 80% of its limit, else {@code ok}. */
  public static String urgency(TicketQueue.Entry e) {
    return e.overdue() ? "late" : e.dueSoon() ? "soon" : "ok";
  }

  private static Tickets tickets(TicketQueue.Page page) {
    int overdue = (int) page.entries().stream().filter(TicketQueue.Entry::overdue).count();
    int soon = (int) page.entries().stream().filter(TicketQueue.Entry::dueSoon).count();
    return new Tickets(page.entries().size() - overdue - soon, soon, overdue,
        page.entries().stream().limit(URGENT).toList());
  }

  /** True when {@code seen} (an ISO instant, "" when not recorded) is after {@code from}. */
  private static boolean since(String seen, Instant from) {
    try {
      return !seen.isEmpty() && Instant.parse(seen).isAfter(from);
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
