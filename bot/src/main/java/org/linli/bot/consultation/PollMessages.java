package org.linli.bot.consultation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.linli.bot.text.Text;
import org.linli.webhooks.Reply;

/**
 * Everything the bot says about a poll in the group: the announcement with its buttons, the
 * reminder, the results with the outcome in words. Texts only — nobody is ever named.
 */
public final class PollMessages {

  /** Button data prefix of a vote: {@code vote:<pollId>:<n>}. */
  public static final String VOTE = "vote:";

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(Text.FORMAT_WHEN.of());

  private final ZoneId zone;
  private final Supplier<String> publicUrl;

  /** {@code publicUrl} gives the address residents reach the service at (for the results page). */
  public PollMessages(ZoneId zone, Supplier<String> publicUrl) {
    this.zone = zone;
    this.publicUrl = publicUrl;
  }

  /** A time as residents read it: 12月1日 20:00. */
  public String when(Instant at) {
    return WHEN.format(at.atZone(zone));
  }

  /**
   * The message that opens a poll in the group. During a discussion period it presents the matter
   * without buttons; when voting opens, with one button per option.
   */
  public Reply announcement(Poll poll, boolean votingOpen) {
    Text heading = poll.byHousehold() ? Text.POLL_HEADING_BIG : Text.POLL_HEADING;
    StringBuilder out = new StringBuilder(heading.of(poll.id(), poll.question())).append('\n');
    List<Reply.Button> buttons = new ArrayList<>();
    for (int i = 0; i < poll.options().size(); i++) {
      out.append(i + 1).append(". ").append(poll.options().get(i)).append('\n');
      // A button casts one option: a ranking is written out instead.
      if (poll.kind() != Poll.Kind.RANKED) {
        buttons.add(new Reply.Button((i + 1) + ". " + poll.options().get(i), VOTE + poll.id() + ":" + (i + 1)));
      }
    }
    if (!votingOpen) {
      out.append(Text.POLL_DISCUSSION.of(when(poll.opensAt()), when(poll.closesAt()))).append('\n');
      out.append(Text.POLL_RULE.of(ruleInWords(poll))).append('\n');
      out.append(ballotKind(poll));
      if (poll.byHousehold()) {
        out.append('\n').append(Text.POLL_DISCUSSION_BIND.of());
      }
      return Reply.text(out.toString());
    }
    out.append(Text.POLL_CLOSES.of(when(poll.closesAt())));
    out.append(poll.multi() > 1 && poll.kind() == Poll.Kind.CHOICE ? Text.POLL_MULTI.of(poll.multi()) : "");
    out.append(poll.byHousehold() ? Text.POLL_ONE_PER_HOUSEHOLD.of() : Text.POLL_ONE_PER_PERSON.of());
    out.append(Text.POLL_CHANGEABLE.of());
    out.append(poll.anonymous() ? Text.POLL_ANONYMOUS.of() : "");
    out.append(poll.hideResults() ? Text.POLL_HIDDEN.of() : "").append('\n');
    out.append(Text.POLL_RULE.of(ruleInWords(poll))).append('\n');
    out.append(
        poll.kind() == Poll.Kind.RANKED ? Text.POLL_HOW_TO_RANK.of(poll.id()) : Text.POLL_HOW_TO_VOTE.of(poll.id()));
    return new Reply(out.toString(), buttons, false);
  }

  /** The ballot in words: 投票方式：单选，不记名投票. */
  public static String ballotKind(Poll poll) {
    String kind = switch (poll.kind()) {
      case PROPOSAL -> Text.KIND_PROPOSAL_WORDS.of();
      case CHOICE -> poll.multi() > 1 ? Text.KIND_CHOICE_MULTI_WORDS.of(poll.multi()) : Text.KIND_CHOICE_WORDS.of();
      case RANKED -> Text.KIND_RANKED_WORDS.of();
    };
    return Text.POLL_BALLOT_KIND.of(kind, poll.anonymous() ? Text.BALLOT_SECRET.of() : Text.BALLOT_OPEN.of());
  }

  /** The rule in one sentence. */
  public static String ruleInWords(Rule rule) {
    return switch (rule) {
      case MAJORITY -> Text.RULE_MAJORITY_IN_WORDS.of();
      case TWO_THIRDS -> Text.RULE_TWO_THIRDS_IN_WORDS.of();
      case CIVIL_CODE_ORDINARY -> Text.RULE_CIVIL_CODE_ORDINARY_IN_WORDS.of();
      case CIVIL_CODE_MAJOR -> Text.RULE_CIVIL_CODE_MAJOR_IN_WORDS.of();
      case PLURALITY -> Text.RULE_PLURALITY_IN_WORDS.of();
      case INSTANT_RUNOFF -> Text.RULE_INSTANT_RUNOFF_IN_WORDS.of();
    };
  }

  /** How this poll is decided, in one sentence in its kind's terms (no 同意票 for a choice). */
  public static String ruleInWords(Poll poll) {
    String words = switch (poll.kind()) {
      case PROPOSAL -> ruleInWords(poll.rule().decidesProposals() ? poll.rule() : Rule.MAJORITY);
      case CHOICE -> switch (poll.rule()) {
        case MAJORITY -> Text.RULE_CHOICE_MAJORITY_IN_WORDS.of();
        case TWO_THIRDS -> Text.RULE_CHOICE_TWO_THIRDS_IN_WORDS.of();
        default -> Text.RULE_PLURALITY_IN_WORDS.of();
      };
      case RANKED -> Text.RULE_INSTANT_RUNOFF_IN_WORDS.of();
    };
    String who = poll.byHousehold() ? Text.POLL_UNIT_HOUSEHOLDS.of() : Text.POLL_UNIT_PEOPLE.of();
    return poll.minBallots() > 0 ? words + Text.RULE_MIN_BALLOTS_IN_WORDS.of(poll.minBallots(), who) : words;
  }

  /** The reminder before the deadline: participation so far, never who has not voted. */
  public Reply reminder(Poll poll, Tally tally) {
    StringBuilder out = new StringBuilder(Text.POLL_REMINDER.of(poll.id(), poll.question(), when(poll.closesAt())))
        .append('\n');
    if (poll.byHousehold()) {
      out.append(Text.POLL_REMINDER_HOUSEHOLDS.of(tally.ballots(), tally.eligibleBallots(),
          percent(tally.ballots(), tally.eligibleBallots()), Rule.formatArea(tally.participatingArea()),
          Rule.formatArea(tally.eligibleArea()), percent(tally.participatingArea(), tally.eligibleArea())));
      if (poll.rule().needsRegister()) {
        out.append(Text.POLL_REMINDER_QUORUM.of());
      }
    } else {
      out.append(Text.POLL_REMINDER_PEOPLE.of(tally.ballots()));
    }
    out.append('\n').append(Text.POLL_REMINDER_VOTE.of());
    Reply announcement = announcement(poll, true);
    return new Reply(out.toString(), announcement.buttons(), false);
  }

  /** The results as residents read them: tally (unless hidden while open), outcome in words. */
  public String results(PollStore.Stored stored, Tally tally) {
    Poll poll = stored.poll();
    Text heading = stored.open() ? Text.POLL_RESULTS_OPEN : Text.POLL_RESULTS_CLOSED;
    StringBuilder out = new StringBuilder(heading.of(poll.id(), poll.question())).append('\n');
    String unit = poll.byHousehold() ? Text.POLL_UNIT_HOUSEHOLDS.of() : Text.POLL_UNIT_PEOPLE.of();
    if (stored.open() && poll.hideResults()) {
      out.append(Text.POLL_RESULTS_HIDDEN.of(tally.ballots(), unit));
      return out.toString();
    }
    if (poll.kind() == Poll.Kind.RANKED) {
      out.append(Text.POLL_RESULTS_FIRST_PREFERENCES.of()).append('\n');
    }
    for (int i = 1; i <= poll.options().size(); i++) {
      out.append(Text.POLL_RESULTS_OPTION.of(i, poll.options().get(i - 1), tally.votesFor(i),
          poll.byHousehold() ? Text.POLL_UNIT_HOUSEHOLDS.of() : Text.POLL_UNIT_VOTES.of()));
      if (poll.byHousehold() && !tally.areas().isEmpty()) {
        out.append(Text.POLL_RESULTS_AREA.of(Rule.formatArea(tally.areaFor(i))));
      }
      out.append('\n');
    }
    out.append(Text.POLL_RESULTS_TOTAL.of(tally.ballots(), unit));
    if (poll.byHousehold()) {
      out.append(Text.POLL_RESULTS_REGISTER.of(tally.eligibleBallots()));
    }
    if (!stored.open()) {
      Decision decision = Decision.of(poll, tally);
      out.append('\n');
      for (Decision.Round round : decision.rounds()) {
        out.append(round(poll, round)).append('\n');
      }
      for (Rule.Condition c : decision.conditions()) {
        out.append(c.met() ? "✅ " : "❌ ").append(Text.POLL_RESULTS_CONDITION.of(c.description(), c.detail()))
            .append('\n');
      }
      if (poll.kind() == Poll.Kind.PROPOSAL) {
        out.append((decision.passed() ? Text.POLL_RESULTS_PASSED : Text.POLL_RESULTS_FAILED).of(poll.options().get(0)));
      } else {
        out.append(Text.POLL_RESULTS_CONCLUSION.of(verdict(poll.options(), decision)));
      }
      if (poll.anonymous()) {
        out.append('\n').append(Text.POLL_RESULTS_RECEIPTS.of());
      }
      out.append('\n').append(Text.POLL_RESULTS_PAGE.of(publicUrl.get() + "/polls/" + poll.id()));
    }
    return out.toString();
  }

  /** One round of a ranked count: 第1轮：上午 2 · 下午 2 · 晚上 1 → 淘汰“晚上”. */
  public static String round(Poll poll, Decision.Round round) {
    List<String> counts = new ArrayList<>();
    round.continuing().forEach(n -> counts.add(poll.options().get(n - 1) + " " + round.votes().get(n - 1)));
    StringBuilder out = new StringBuilder(Text.POLL_ROUND.of(round.number(), String.join(" · ", counts)));
    if (round.exhausted() > 0) {
      out.append(Text.POLL_ROUND_EXHAUSTED.of(round.exhausted()));
    }
    if (!round.eliminated().isEmpty()) {
      out.append(Text.POLL_ROUND_ELIMINATED.of(Decision.quoted(poll, round.eliminated())));
      out.append(round.tieBroken() ? Text.POLL_ROUND_TIE_BROKEN.of() : "");
    }
    return out.toString();
  }

  /**
   * The decision in a few words, in the kind's terms: 通过 / 未通过 for a proposal, “下午”得票最多
   * or a plain 并列 for a choice, “下午”当选 for a ranking, or that nothing was decided.
   */
  public static String verdict(List<String> options, Decision decision) {
    if (decision.kind() == Poll.Kind.PROPOSAL) {
      return decision.passed() ? Text.PAGE_POLL_PASSED.of() : Text.PAGE_POLL_FAILED.of();
    }
    if (decision.tie()) {
      return Text.VERDICT_TIE.of(Decision.quoted(options, decision.winners()));
    }
    if (decision.winners().isEmpty()) {
      return Text.VERDICT_NONE.of();
    }
    String winner = Decision.quoted(options, decision.winners());
    return decision.kind() == Poll.Kind.RANKED
        ? Text.VERDICT_ELECTED.of(winner, decision.rounds().size())
        : Text.VERDICT_MOST_VOTES.of(winner);
  }

  /** Option names of the given numbers, joined with 、 (a ranking with >). */
  public static String names(Poll poll, List<Integer> choices) {
    List<String> names = new ArrayList<>();
    for (int c : choices) {
      names.add(c >= 1 && c <= poll.options().size() ? poll.options().get(c - 1) : String.valueOf(c));
    }
    // A ranking reads as an order: 下午 > 晚上 > 上午.
    return String.join(poll.kind() == Poll.Kind.RANKED ? " > " : Text.LIST_SEPARATOR.of(), names);
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "—" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }
}
