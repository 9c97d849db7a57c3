package org.linli.bot.consultation.publish;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.linli.bot.consultation.Decision;
import org.linli.bot.consultation.Poll;
import org.linli.bot.consultation.PollMessages;
import org.linli.bot.consultation.PollStore;
import org.linli.bot.consultation.Rule;
import org.linli.bot.consultation.Tally;
import org.linli.bot.text.Text;

/**
 * What may be published about a poll, and nothing more: the question, options, counts, rule and
 * outcome, and for anonymous polls the receipt codes. No voter, name or household id can get in.
 * The chart, the public page and the CSV export are all drawn from one of these.
 *
 * @param votes ballots (households, for big matters) per option, option 1 first
 * @param areasHundredths floor area (m² × 100) per option; empty for small matters
 * @param eligible residents or households entitled to vote; 0 when unknown
 * @param multi how many options a ballot may choose
 * @param outcome the decision; null while the poll is open
 * @param hidden true when the poll keeps its counts secret until it closes
 * @param receipts what an anonymous poll publishes after closing; empty otherwise
 * @param kind proposal, choice or ranking: what the ballots meant
 * @param minBallots the participation below which the result does not count (0: none)
 * @param anonymous true for a secret ballot (不记名投票)
 * @param decision what was decided, in the kind's terms (winners, tie, rounds); null while open
 * @param closedAt when the poll actually closed (null while open or unknown); {@code closesAt} is
 *     its deadline
 */
public record PublishedResult(
    String pollId,
    String question,
    List<String> options,
    List<Long> votes,
    List<Long> areasHundredths,
    long ballots,
    long eligible,
    long participatingAreaHundredths,
    long eligibleAreaHundredths,
    Poll.Scale scale,
    Rule rule,
    int multi,
    Rule.Outcome outcome,
    boolean open,
    boolean hidden,
    Instant closesAt,
    List<Receipt> receipts,
    Poll.Kind kind,
    int minBallots,
    boolean anonymous,
    Decision decision,
    Instant closedAt) {

  public PublishedResult {
    Objects.requireNonNull(kind, "kind");
    if (decision != null && outcome == null) {
      outcome = decision.outcome();
    }
    Objects.requireNonNull(pollId, "pollId");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(closesAt, "closesAt");
    options = List.copyOf(options);
    votes = List.copyOf(votes);
    areasHundredths = List.copyOf(areasHundredths == null ? List.of() : areasHundredths);
    if (votes.size() != options.size()) {
      throw new IllegalArgumentException("one count per option");
    }
    if (!areasHundredths.isEmpty() && areasHundredths.size() != options.size()) {
      throw new IllegalArgumentException("one area per option, or none");
    }
    if (open && outcome != null) {
      throw new IllegalArgumentException("an open poll has no outcome yet");
    }
    if (open && decision != null) {
      throw new IllegalArgumentException("an open poll has no decision yet");
    }
    // Receipts are published once the ballot box is closed, never before.
    receipts = open || receipts == null ? List.of() : List.copyOf(receipts);
  }

  /** A proposal's result (option 1 is agreement), as results were published before poll kinds. */
  public PublishedResult(String pollId, String question, List<String> options, List<Long> votes,
      List<Long> areasHundredths, long ballots, long eligible, long participatingAreaHundredths,
      long eligibleAreaHundredths, Poll.Scale scale, Rule rule, int multi, Rule.Outcome outcome, boolean open,
      boolean hidden, Instant closesAt, List<Receipt> receipts) {
    this(pollId, question, options, votes, areasHundredths, ballots, eligible, participatingAreaHundredths,
        eligibleAreaHundredths, scale, rule, multi, outcome, open, hidden, closesAt, receipts, Poll.Kind.PROPOSAL, 0,
        receipts != null && !receipts.isEmpty(),
        outcome == null
            ? null
            : new Decision(Poll.Kind.PROPOSAL, outcome.passed(), outcome.conditions(),
                outcome.passed() ? List.of(1) : List.of(), false, List.of()),
        null);
  }

  /**
   * A receipt an anonymous poll publishes: the code the voter was given privately and what their
   * ballot recorded, so anyone can check their ballot was counted as cast.
   */
  public record Receipt(String code, String choice) {
    public Receipt {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(choice, "choice");
    }
  }

  /**
   * The publishable result of a stored poll and its tally. Receipts are kept only for anonymous
   * polls that have closed; the outcome is decided only once the poll has closed.
   */
  public static PublishedResult from(PollStore.Stored stored, Tally tally, List<Receipt> receipts) {
    Poll poll = stored.poll();
    boolean open = stored.open();
    Decision decision = open ? null : Decision.of(poll, tally);
    return new PublishedResult(poll.id(), poll.question(), poll.options(), tally.votes(), tally.areas(),
        tally.ballots(), tally.eligibleBallots(), tally.participatingArea(), tally.eligibleArea(),
        poll.scale(), poll.rule(), poll.multi(), decision == null ? null : decision.outcome(), open,
        poll.hideResults(), poll.closesAt(), !open && poll.anonymous() && receipts != null ? receipts : List.of(),
        poll.kind(), poll.minBallots(), poll.anonymous(), decision, open ? null : stored.closedAt());
  }

  /** The decision in a few words, in the kind's terms (通过, “下午”得票最多, 并列 …); null while open. */
  public String verdict() {
    return decision == null ? null : PollMessages.verdict(options, decision);
  }

  /** True for a ranked poll: the counts per option are first preferences, and the rounds decide. */
  public boolean ranked() {
    return kind == Poll.Kind.RANKED;
  }

  /** False while an open poll keeps its counts secret: then only participation may be shown. */
  public boolean showsTally() {
    return !(open && hidden);
  }

  /** True for big matters, decided by households and floor area. */
  public boolean big() {
    return scale == Poll.Scale.BIG;
  }

  /** True when areas per option are counted. */
  public boolean hasAreas() {
    return !areasHundredths.isEmpty();
  }

  /** Share of the ballots that chose option {@code n} (from 1); 0 when nobody voted. */
  public double share(int n) {
    return ballots == 0 ? 0 : (double) votes.get(n - 1) / ballots;
  }

  /** Share of the participating floor area that chose option {@code n} (from 1). */
  public double areaShare(int n) {
    return participatingAreaHundredths == 0 || !hasAreas()
        ? 0
        : (double) areasHundredths.get(n - 1) / participatingAreaHundredths;
  }

  /** The rule's name in words, e.g. 过半数通过, in the kind's terms. */
  public String ruleTitle() {
    String title = switch (kind) {
      case PROPOSAL -> switch (rule) {
        case TWO_THIRDS -> Text.RULE_TWO_THIRDS_TITLE.of();
        case CIVIL_CODE_ORDINARY -> Text.RULE_CIVIL_CODE_ORDINARY_TITLE.of();
        case CIVIL_CODE_MAJOR -> Text.RULE_CIVIL_CODE_MAJOR_TITLE.of();
        default -> Text.RULE_MAJORITY_TITLE.of();
      };
      case CHOICE -> switch (rule) {
        case MAJORITY -> Text.RULE_CHOICE_MAJORITY_TITLE.of();
        case TWO_THIRDS -> Text.RULE_CHOICE_TWO_THIRDS_TITLE.of();
        default -> Text.RULE_PLURALITY_TITLE.of();
      };
      case RANKED -> Text.RULE_INSTANT_RUNOFF_TITLE.of();
    };
    return minBallots > 0
        ? title + Text.RULE_MIN_BALLOTS_TITLE.of(minBallots, big()
            ? Text.POLL_UNIT_HOUSEHOLDS.of()
            : Text.POLL_UNIT_PEOPLE.of())
        : title;
  }

  /**
   * The rule's conditions: decided, with their details, once closed; as plain descriptions
   * (detail and met left blank) while open, so nothing of a hidden count leaks.
   */
  public List<Rule.Condition> conditions() {
    if (outcome != null) {
      return outcome.conditions();
    }
    // The descriptions do not depend on the counts: ask about an empty ballot box.
    Poll terms = new Poll(pollId, "", "", question, options, scale, rule, closesAt.minusSeconds(1), closesAt, null,
        multi, false, hidden, kind, minBallots);
    return Decision.described(terms);
  }
}
