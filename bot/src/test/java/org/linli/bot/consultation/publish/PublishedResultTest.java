package org.linli.bot.consultation.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.bot.consultation.Poll;
import org.linli.bot.consultation.PollStore;
import org.linli.bot.consultation.Rule;
import org.linli.bot.consultation.Tally;

class PublishedResultTest {

  private static final List<PublishedResult.Receipt> RECEIPTS = List.of(new PublishedResult.Receipt("K7F3-Q2", "同意"),
      new PublishedResult.Receipt("M9X1-A4", "弃权"));

  private static PollStore.Stored stored(String status, boolean anonymous, boolean hidden) {
    Instant now = Instant.parse("2026-05-01T00:00:00Z");
    Poll poll = new Poll("p9", "generic", "g1", "活动室周末开放吗", List.of("同意", "不同意", "弃权"), Poll.Scale.SMALL,
        Rule.MAJORITY, now, now.plusSeconds(86_400), null, 1, anonymous, hidden);
    return new PollStore.Stored(poll, status, status.equals("closed") ? "chat" : null, null);
  }

  private static final Tally TALLY = new Tally(List.of(5L, 2L, 1L), List.of(), 8, 0, 30, 0);

  @Test
  void a_closed_anonymous_poll_publishes_its_outcome_and_receipts() {
    PublishedResult r = PublishedResult.from(stored("closed", true, false), TALLY, RECEIPTS);

    assertThat(r.outcome().passed()).isTrue();
    assertThat(r.receipts()).containsExactlyElementsOf(RECEIPTS);
    assertThat(r.votes()).containsExactly(5L, 2L, 1L);
    assertThat(r.eligible()).isEqualTo(30);
    assertThat(r.share(1)).isEqualTo(5.0 / 8);
  }

  @Test
  void an_open_poll_has_no_outcome_and_publishes_no_receipts_yet() {
    PublishedResult r = PublishedResult.from(stored("open", true, false), TALLY, RECEIPTS);

    assertThat(r.outcome()).isNull();
    assertThat(r.receipts()).isEmpty();
    assertThat(r.conditions()).extracting(Rule.Condition::description).containsExactly("同意票过半数（超过投票总数的1/2）");
    assertThat(r.conditions()).extracting(Rule.Condition::detail).containsExactly("");
  }

  @Test
  void a_poll_that_is_not_anonymous_publishes_no_receipts() {
    assertThat(PublishedResult.from(stored("closed", false, false), TALLY, RECEIPTS).receipts()).isEmpty();
  }

  @Test
  void a_hidden_poll_shows_its_tally_only_once_closed() {
    assertThat(PublishedResult.from(stored("open", false, true), TALLY, List.of()).showsTally()).isFalse();
    assertThat(PublishedResult.from(stored("closed", false, true), TALLY, List.of()).showsTally()).isTrue();
    assertThat(PublishedResult.from(stored("open", false, false), TALLY, List.of()).showsTally()).isTrue();
  }

  @Test
  void counts_must_match_the_options() {
    assertThatThrownBy(() -> Results.small("p1", "问", List.of("是", "否"), List.of(1L), false, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
