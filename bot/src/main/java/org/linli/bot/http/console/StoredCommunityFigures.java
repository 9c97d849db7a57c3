package org.linli.bot.http.console;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.linli.bot.community.Community;
import org.linli.bot.consultation.PollStore;
import org.linli.bot.consultation.proposal.ConsultationIndex;
import org.linli.bot.consultation.proposal.Proposal;
import org.linli.bot.consultation.proposal.ProposalDesk;
import org.linli.bot.household.HouseholdRegister;
import org.linli.bot.household.Registers;
import org.linli.bot.metrics.ServiceGauges.TimeLimitState;
import org.linli.bot.text.Text;
import org.linli.bot.ticket.OpenTickets;

/**
 * A community's figures read from the stores that own them: households on its register and how
 * many have a bound member, its open polls, its proposals collecting support or on the agenda, its
 * open tickets and how many of them are overdue.
 */
public final class StoredCommunityFigures implements CommunityFigures {

  private static final int SCANNED = 200;

  private final Registers registers;
  private final ConsultationIndex polls;
  private final ProposalDesk proposals;
  private final OpenTickets tickets;
  private final Clock clock;

  public StoredCommunityFigures(Registers registers, ConsultationIndex polls, ProposalDesk proposals,
      OpenTickets tickets, Clock clock) {
    this.registers = registers;
    this.polls = polls;
    this.proposals = proposals;
    this.tickets = tickets;
    this.clock = clock;
  }

  @Override
  public Future<List<Figure>> of(Community community) {
    String id = community.id();
    Future<List<HouseholdRegister.Listed>> register = registers.of(id).list();
    Future<List<PollStore.Stored>> latest = polls.latestPolls(id);
    Future<List<Proposal>> raised = proposals.latest(SCANNED, id);
    Future<Map<TimeLimitState, Long>> open = tickets.byTimeLimit(id, clock.instant());
    return Future.all(register, latest, raised, open).map(all -> {
      List<HouseholdRegister.Listed> households = register.result();
      Map<TimeLimitState, Long> byState = open.result();
      return List.of(
          new Figure(Text.CONSOLE_COMMUNITY_FIGURE_HOUSEHOLDS.of(), households.size()),
          new Figure(Text.CONSOLE_COMMUNITY_FIGURE_BOUND.of(),
              households.stream().filter(l -> l.boundMembers() > 0).count()),
          new Figure(Text.CONSOLE_COMMUNITY_FIGURE_POLLS.of(), latest.result().stream().filter(PollStore.Stored::open)
              .count()),
          new Figure(Text.CONSOLE_COMMUNITY_FIGURE_PROPOSALS.of(), raised.result().stream()
              .filter(p -> p.status() == Proposal.Status.OPEN || p.status() == Proposal.Status.AGENDA).count()),
          new Figure(Text.CONSOLE_COMMUNITY_FIGURE_TICKETS.of(),
              byState.values().stream().mapToLong(Long::longValue).sum()),
          new Figure(Text.CONSOLE_COMMUNITY_FIGURE_OVERDUE.of(), byState.getOrDefault(TimeLimitState.OVERDUE, 0L)));
    });
  }
}
