package org.linli.bot.consultation.publish;

import java.time.Instant;
import java.util.List;
import org.linli.bot.consultation.Poll;
import org.linli.bot.consultation.Rule;
import org.linli.bot.consultation.Tally;

/** Published results built by hand for the tests, decided by the real rules. */
final class Results {

  static final Instant CLOSES = Instant.parse("2026-06-01T12:00:00Z");

  private Results() {
  }

  /** A closed small matter: 同意 8, 不同意 3, 弃权 1 of 40 residents, majority rule. */
  static PublishedResult closedSmall(String id, String question) {
    return small(id, question, List.of("同意", "不同意", "弃权"), List.of(8L, 3L, 1L), false, false);
  }

  static PublishedResult small(String id, String question, List<String> options, List<Long> votes, boolean open,
      boolean hidden) {
    long ballots = votes.stream().mapToLong(Long::longValue).sum();
    Tally tally = new Tally(votes, List.of(), ballots, 0, 40, 0);
    return new PublishedResult(id, question, options, votes, List.of(), ballots, 40, 0, 0, Poll.Scale.SMALL,
        Rule.MAJORITY, 1, open ? null : Rule.MAJORITY.decide(tally), open, hidden, CLOSES, List.of());
  }

  /** A closed big matter under the Civil Code (major matters), with floor areas. */
  static PublishedResult closedBig(String id) {
    List<Long> votes = List.of(70L, 20L, 5L);
    List<Long> areas = List.of(700_000L, 180_000L, 50_000L);
    Tally tally = new Tally(votes, areas, 95, 930_000, 120, 1_200_000);
    return new PublishedResult(id, "是否同意使用专项维修资金加装电梯", List.of("同意", "不同意", "弃权"), votes, areas,
        95, 120, 930_000, 1_200_000, Poll.Scale.BIG, Rule.CIVIL_CODE_MAJOR, 1, Rule.CIVIL_CODE_MAJOR.decide(tally),
        false, false, CLOSES, List.of());
  }

  /** The same result with receipts. */
  static PublishedResult withReceipts(PublishedResult r, List<PublishedResult.Receipt> receipts) {
    return new PublishedResult(r.pollId(), r.question(), r.options(), r.votes(), r.areasHundredths(), r.ballots(),
        r.eligible(), r.participatingAreaHundredths(), r.eligibleAreaHundredths(), r.scale(), r.rule(), r.multi(),
        r.outcome(), r.open(), r.hidden(), r.closesAt(), receipts);
  }
}
