package org.linli.bot.consultation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.linli.bot.text.Text;

/**
 * What a closed poll decided, in its kind's terms. A proposal passes or fails by its rule, with
 * abstentions counted among those who take part and not as agreeing (as art. 278 counts them); a
 * choice names the option(s) with the most votes and says so plainly when they tie (并列); a
 * ranking is counted by {@link InstantRunoff}, every round kept. A minimum participation, when the
 * poll has one, is a condition of every kind.
 *
 * @param passed a proposal passed, or a choice or ranking has one winner and met its conditions
 * @param winners option numbers (from 1): the proposal's option 1 when passed, the winner, or the
 *     options that tie; empty when nothing was decided
 * @param tie true when several options share the lead and none is picked
 * @param rounds the rounds of a ranked poll, first preferences first; empty for other kinds
 */
public record Decision(
    Poll.Kind kind, boolean passed, List<Rule.Condition> conditions, List<Integer> winners, boolean tie,
    List<Round> rounds) {

  public Decision {
    conditions = List.copyOf(conditions);
    winners = List.copyOf(winners);
    rounds = List.copyOf(rounds);
  }

  /**
   * One round of an instant-runoff count.
   *
   * @param votes ballots per option (option 1 first) counted for it this round; 0 once eliminated
   * @param continuing the options still in the count this round
   * @param eliminated the option eliminated after this round (empty in the last round)
   * @param exhausted ballots that rank no option still in the count
   * @param tieBroken true when several shared the fewest votes and the documented rule chose
   */
  public record Round(
      int number, List<Long> votes, List<Integer> continuing, List<Integer> eliminated, long exhausted,
      boolean tieBroken) {

    public Round {
      votes = List.copyOf(votes);
      continuing = List.copyOf(continuing);
      eliminated = List.copyOf(eliminated);
    }

    /** The ballots counted for an option still in the count this round. */
    public long counting() {
      return continuing.stream().mapToLong(n -> votes.get(n - 1)).sum();
    }
  }

  /** The decision as a pass/fail with its conditions (the shape the API has always had). */
  public Rule.Outcome outcome() {
    return new Rule.Outcome(passed, conditions);
  }

  /** Decides a poll on its final tally. */
  public static Decision of(Poll poll, Tally t) {
    List<Rule.Condition> conditions = new ArrayList<>();
    if (poll.minBallots() > 0) {
      conditions.add(minimum(poll, t));
    }
    String unit = poll.byHousehold() ? Text.POLL_UNIT_HOUSEHOLDS.of() : Text.POLL_UNIT_VOTES.of();
    return switch (poll.kind()) {
      case PROPOSAL -> {
        Rule rule = poll.rule().decidesProposals() ? poll.rule() : Rule.MAJORITY;
        conditions.addAll(rule.decide(t).conditions());
        boolean passed = allMet(conditions);
        yield new Decision(poll.kind(), passed, conditions, passed ? List.of(1) : List.of(), false, List.of());
      }
      case CHOICE -> choice(poll, t, conditions, unit);
      case RANKED -> ranked(poll, t, conditions, unit);
    };
  }

  /** The conditions of a poll as descriptions only (met false, no detail), for a poll still open. */
  public static List<Rule.Condition> described(Poll poll) {
    Tally empty = new Tally(Collections.nCopies(poll.options().size(), 0L), List.of(), 0, 0, 0, 0);
    return of(poll, empty).conditions().stream().map(c -> new Rule.Condition(c.description(), false, "")).toList();
  }

  private static Decision choice(Poll poll, Tally t, List<Rule.Condition> conditions, String unit) {
    long max = t.votes().stream().mapToLong(Long::longValue).max().orElse(0);
    List<Integer> leaders = new ArrayList<>();
    long second = 0;
    for (int n = 1; n <= poll.options().size(); n++) {
      long v = t.votesFor(n);
      if (v == max && max > 0) {
        leaders.add(n);
      } else {
        second = Math.max(second, v);
      }
    }
    boolean tie = leaders.size() > 1;
    switch (poll.rule()) {
      case MAJORITY -> conditions.add(Rule.share(Text.DECISION_LEADER_MAJORITY.of(), max, t.ballots(), Fraction.HALF,
          true, unit));
      case TWO_THIRDS -> conditions.add(Rule.share(Text.DECISION_LEADER_TWO_THIRDS.of(), max, t.ballots(),
          Fraction.TWO_THIRDS, false, unit));
      default -> {
        // plurality: the most votes is enough
      }
    }
    String description = Text.DECISION_PLURALITY.of();
    if (leaders.isEmpty()) {
      conditions.add(new Rule.Condition(description, false, Text.RULE_NOBODY.of()));
    } else if (tie) {
      conditions.add(new Rule.Condition(description, false,
          Text.DECISION_PLURALITY_TIE.of(quoted(poll, leaders), max + unit)));
    } else {
      conditions.add(new Rule.Condition(description, true,
          Text.DECISION_PLURALITY_WINNER.of(quoted(poll, leaders), max + unit, (max - second) + unit)));
    }
    boolean passed = allMet(conditions);
    return new Decision(poll.kind(), passed, conditions, tie || passed ? leaders : List.of(), tie, List.of());
  }

  private static Decision ranked(Poll poll, Tally t, List<Rule.Condition> conditions, String unit) {
    InstantRunoff.Count count = InstantRunoff.count(poll.options().size(), t.rankings());
    Round last = count.rounds().get(count.rounds().size() - 1);
    List<Integer> winners = count.winners();
    boolean tie = winners.size() > 1;
    String description = Text.DECISION_RUNOFF.of();
    if (winners.isEmpty()) {
      conditions.add(new Rule.Condition(description, false, Text.RULE_NOBODY.of()));
    } else if (tie) {
      conditions.add(new Rule.Condition(description, false, Text.DECISION_RUNOFF_TIE.of(quoted(poll, winners),
          last.number(), last.votes().get(winners.get(0) - 1) + unit)));
    } else {
      conditions.add(new Rule.Condition(description, true, Text.DECISION_RUNOFF_WINNER.of(quoted(poll, winners),
          last.number(), last.votes().get(winners.get(0) - 1) + "/" + last.counting() + unit)));
    }
    boolean passed = allMet(conditions);
    return new Decision(poll.kind(), passed, conditions, tie || passed ? winners : List.of(), tie, count.rounds());
  }

  private static Rule.Condition minimum(Poll poll, Tally t) {
    String who = poll.byHousehold() ? Text.POLL_UNIT_HOUSEHOLDS.of() : Text.POLL_UNIT_PEOPLE.of();
    String description = Text.DECISION_MIN_BALLOTS.of(poll.minBallots(), who);
    long margin = t.ballots() - poll.minBallots();
    String shown = t.ballots() + who;
    String detail = margin < 0
        ? Text.RULE_UNMET.of(shown, -margin + who)
        : margin == 0 ? Text.RULE_EXACTLY_MET.of(shown) : Text.RULE_MET.of(shown, margin + who);
    return new Rule.Condition(description, margin >= 0, detail);
  }

  private static boolean allMet(List<Rule.Condition> conditions) {
    return !conditions.isEmpty() && conditions.stream().allMatch(Rule.Condition::met);
  }

  /** Option names in quotes, joined with 、: “下午”、“晚上”. */
  public static String quoted(Poll poll, List<Integer> options) {
    return quoted(poll.options(), options);
  }

  /** Option names (of {@code names}, numbered from 1) in quotes, joined with 、. */
  public static String quoted(List<String> names, List<Integer> options) {
    List<String> out = new ArrayList<>();
    options.forEach(n -> out.add(Text.DECISION_QUOTED.of(names.get(n - 1))));
    return String.join(Text.LIST_SEPARATOR.of(), out);
  }
}
