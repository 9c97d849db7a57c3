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
      buttons.add(new Reply.Button((i + 1) + ". " + poll.options().get(i), VOTE + poll.id() + ":" + (i + 1)));
    }
    if (!votingOpen) {
      out.append(Text.POLL_DISCUSSION.of(when(poll.opensAt()), when(poll.closesAt())));
      return Reply.text(out.toString());
    }
    out.append(Text.POLL_CLOSES.of(when(poll.closesAt())));
    out.append(poll.multi() > 1 ? Text.POLL_MULTI.of(poll.multi()) : "");
    out.append(poll.byHousehold() ? Text.POLL_ONE_PER_HOUSEHOLD.of() : Text.POLL_ONE_PER_PERSON.of());
    out.append(Text.POLL_CHANGEABLE.of());
    out.append(poll.anonymous() ? Text.POLL_ANONYMOUS.of() : "");
    out.append(poll.hideResults() ? Text.POLL_HIDDEN.of() : "").append('\n');
    out.append(Text.POLL_RULE.of(ruleInWords(poll.rule()))).append('\n');
    out.append(Text.POLL_HOW_TO_VOTE.of(poll.id()));
    return new Reply(out.toString(), buttons, false);
  }

  /** The rule in one sentence. */
  public static String ruleInWords(Rule rule) {
    return switch (rule) {
      case MAJORITY -> Text.RULE_MAJORITY_IN_WORDS.of();
      case TWO_THIRDS -> Text.RULE_TWO_THIRDS_IN_WORDS.of();
      case CIVIL_CODE_ORDINARY -> Text.RULE_CIVIL_CODE_ORDINARY_IN_WORDS.of();
      case CIVIL_CODE_MAJOR -> Text.RULE_CIVIL_CODE_MAJOR_IN_WORDS.of();
    };
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
    for (int i = 1; i <= poll.options().size(); i++) {
      out.append(Text.POLL_RESULTS_OPTION.of(i, poll.options().get(i - 1), tally.votesFor(i),
          poll.byHousehold() ? Text.POLL_UNIT_HOUSEHOLDS.of() : Text.POLL_UNIT_VOTES.of()));
      if (poll.byHousehold()) {
        out.append(Text.POLL_RESULTS_AREA.of(Rule.formatArea(tally.areaFor(i))));
      }
      out.append('\n');
    }
    out.append(Text.POLL_RESULTS_TOTAL.of(tally.ballots(), unit));
    if (poll.byHousehold()) {
      out.append(Text.POLL_RESULTS_REGISTER.of(tally.eligibleBallots()));
    }
    if (!stored.open()) {
      Rule.Outcome outcome = poll.rule().decide(tally);
      out.append('\n');
      for (Rule.Condition c : outcome.conditions()) {
        out.append(c.met() ? "✅ " : "❌ ").append(Text.POLL_RESULTS_CONDITION.of(c.description(), c.detail()))
            .append('\n');
      }
      out.append((outcome.passed() ? Text.POLL_RESULTS_PASSED : Text.POLL_RESULTS_FAILED).of(poll.options().get(0)));
      if (poll.anonymous()) {
        out.append('\n').append(Text.POLL_RESULTS_RECEIPTS.of());
      }
      out.append('\n').append(Text.POLL_RESULTS_PAGE.of(publicUrl.get() + "/polls/" + poll.id()));
    }
    return out.toString();
  }

  /** Option names of the given numbers, joined with 、. */
  public static String names(Poll poll, List<Integer> choices) {
    List<String> names = new ArrayList<>();
    for (int c : choices) {
      names.add(c >= 1 && c <= poll.options().size() ? poll.options().get(c - 1) : String.valueOf(c));
    }
    return String.join(Text.LIST_SEPARATOR.of(), names);
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "—" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }
}
