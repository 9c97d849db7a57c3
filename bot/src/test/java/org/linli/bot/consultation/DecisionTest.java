package org.linli.bot.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each kind of poll decides, on tallies built by hand and decided by the real rules. */
class DecisionTest {

  private static final Instant OPENS = Instant.parse("2026-06-01T00:00:00Z");

  private static Poll poll(Poll.Kind kind, Rule rule, int minBallots, String... options) {
    return new Poll("p1", "generic", "g1", "议题", List.of(options), Poll.Scale.SMALL, rule, OPENS,
        OPENS.plusSeconds(3600), null, 1, false, false, kind, minBallots);
  }

  private static Tally votes(long... perOption) {
    List<Long> votes = new ArrayList<>();
    long ballots = 0;
    for (long v : perOption) {
      votes.add(v);
      ballots += v;
    }
    return new Tally(votes, List.of(), ballots, 0, 0, 0);
  }

  /** Ranked ballots ("3,1,2" as [3, 1, 2]); first preferences as the store counts them. */
  private static Tally ranked(int options, List<List<Integer>> ballots) {
    List<Long> first = new ArrayList<>();
    for (int n = 1; n <= options; n++) {
      int option = n;
      first.add(ballots.stream().filter(b -> b.get(0) == option).count());
    }
    return new Tally(first, List.of(), ballots.size(), 0, 0, 0, ballots);
  }

  private static List<List<Integer>> times(int count, Integer... ranking) {
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(List.of(ranking));
    }
    return out;
  }

  @SafeVarargs
  private static List<List<Integer>> all(List<List<Integer>>... groups) {
    List<List<Integer>> out = new ArrayList<>();
    for (List<List<Integer>> g : groups) {
      out.addAll(g);
    }
    return out;
  }

  @Test
  void a_choice_names_the_option_with_the_most_votes_even_without_a_majority() {
    Decision d = Decision.of(poll(Poll.Kind.CHOICE, Rule.PLURALITY, 0, "上午", "下午", "晚上"), votes(1, 2, 1));

    assertThat(d.passed()).isTrue();
    assertThat(d.winners()).containsExactly(2);
    assertThat(d.tie()).isFalse();
    assertThat(d.conditions().get(0).detail()).isEqualTo("“下午”得票最多（2票，领先第二名 1票）");
  }

  @Test
  void a_tie_for_the_most_votes_is_stated_and_not_broken() {
    Decision d = Decision.of(poll(Poll.Kind.CHOICE, Rule.PLURALITY, 0, "上午", "下午", "晚上"), votes(2, 2, 1));

    assertThat(d.passed()).isFalse();
    assertThat(d.tie()).isTrue();
    assertThat(d.winners()).containsExactly(1, 2);
    assertThat(PollMessages.verdict(List.of("上午", "下午", "晚上"), d)).isEqualTo("“上午”、“下午”并列，没有唯一结果");
  }

  @Test
  void a_choice_with_a_minimum_participation_decides_nothing_below_it_and_decides_at_exactly_it() {
    Poll poll = poll(Poll.Kind.CHOICE, Rule.PLURALITY, 5, "上午", "下午");

    Decision short1 = Decision.of(poll, votes(1, 3));
    Decision exact = Decision.of(poll, votes(2, 3));

    assertThat(short1.passed()).isFalse();
    assertThat(short1.winners()).isEmpty();
    assertThat(short1.conditions().get(0).detail()).isEqualTo("未达到（4人，还差 1人）");
    assertThat(exact.passed()).isTrue();
    assertThat(exact.winners()).containsExactly(2);
    assertThat(exact.conditions().get(0).detail()).isEqualTo("恰好达到（5人）");
  }

  @Test
  void a_choice_under_two_thirds_needs_its_leading_option_to_reach_two_thirds() {
    Poll poll = poll(Poll.Kind.CHOICE, Rule.TWO_THIRDS, 0, "上午", "下午", "晚上");

    assertThat(Decision.of(poll, votes(1, 4, 1)).passed()).as("4 of 6 is exactly 2/3").isTrue();
    assertThat(Decision.of(poll, votes(2, 4, 1)).passed()).as("4 of 7 is short").isFalse();
  }

  @Test
  void a_proposal_counts_abstentions_as_taking_part_and_not_as_agreeing() {
    Poll poll = poll(Poll.Kind.PROPOSAL, Rule.MAJORITY, 0, "同意", "反对", "弃权");

    Decision withAbstentions = Decision.of(poll, votes(3, 2, 2));
    Decision withoutAbstentions = Decision.of(poll, votes(3, 2, 0));

    assertThat(withAbstentions.passed()).as("3 of 7 taking part agree: not more than half").isFalse();
    assertThat(withAbstentions.conditions().get(0).detail()).isEqualTo("未达到（3/7票，还差 1票）");
    assertThat(withoutAbstentions.passed()).isTrue();
    assertThat(withoutAbstentions.winners()).containsExactly(1);
  }

  @Test
  void a_ranked_poll_eliminates_the_last_and_transfers_its_ballots_round_by_round() {
    // 上午 4, 下午 3, 晚上 2 first preferences; 晚上's voters prefer 下午 next.
    Tally tally = ranked(3, all(times(4, 1, 2, 3), times(3, 2, 1, 3), times(2, 3, 2, 1)));

    Decision d = Decision.of(poll(Poll.Kind.RANKED, Rule.INSTANT_RUNOFF, 0, "上午", "下午", "晚上"), tally);

    assertThat(d.rounds()).hasSize(2);
    assertThat(d.rounds().get(0).votes()).containsExactly(4L, 3L, 2L);
    assertThat(d.rounds().get(0).eliminated()).containsExactly(3);
    assertThat(d.rounds().get(1).votes()).containsExactly(4L, 5L, 0L);
    assertThat(d.rounds().get(1).continuing()).containsExactly(1, 2);
    assertThat(d.winners()).as("the first-preference leader loses on transfers").containsExactly(2);
    assertThat(d.passed()).isTrue();
    assertThat(d.conditions().get(0).detail()).isEqualTo("“下午”在第 2 轮获得过半数（5/9票）");
  }

  @Test
  void ballots_that_rank_no_option_left_are_exhausted_and_the_majority_is_of_those_still_counting() {
    // 晚上 voters rank nothing else: after 晚上 goes, 上午 has 4 of the 7 still counting.
    Tally tally = ranked(3, all(times(4, 1), times(3, 2), times(2, 3)));

    Decision d = Decision.of(poll(Poll.Kind.RANKED, Rule.INSTANT_RUNOFF, 0, "上午", "下午", "晚上"), tally);

    assertThat(d.rounds().get(1).exhausted()).isEqualTo(2);
    assertThat(d.winners()).containsExactly(1);
  }

  @Test
  void a_tie_for_last_place_is_broken_by_the_earlier_round_then_by_the_order_of_the_options() {
    // Round 1: A 5, B 3, C 3, D 2 → D goes (its two ballots go one to B, one to C).
    // Round 2: A 5, B 4, C 4 → B and C tie for last; in round 1 they tied too → C (listed last) goes.
    Tally tally = ranked(4, all(times(5, 1), times(3, 2), times(3, 3), times(1, 4, 2), times(1, 4, 3)));

    Decision d = Decision.of(poll(Poll.Kind.RANKED, Rule.INSTANT_RUNOFF, 0, "A", "B", "C", "D"), tally);

    assertThat(d.rounds().get(1).votes()).containsExactly(5L, 4L, 4L, 0L);
    assertThat(d.rounds().get(1).tieBroken()).isTrue();
    assertThat(d.rounds().get(1).eliminated()).containsExactly(3);

    // Round 1: A 5, B 2, C 3, D 1 → D goes, its ballot to B. Round 2: A 5, B 3, C 3 → B and C tie for
    // last, and the earlier round decides: B had fewer (2 against 3), so B goes although C is listed last.
    Tally earlier = ranked(4, all(times(5, 1), times(2, 2), times(3, 3, 1), times(1, 4, 2)));
    Decision e = Decision.of(poll(Poll.Kind.RANKED, Rule.INSTANT_RUNOFF, 0, "A", "B", "C", "D"), earlier);
    assertThat(e.rounds().get(1).votes()).containsExactly(5L, 3L, 3L, 0L);
    assertThat(e.rounds().get(1).tieBroken()).isTrue();
    assertThat(e.rounds().get(1).eliminated()).containsExactly(2);
    assertThat(e.rounds().get(2).votes()).containsExactly(5L, 0L, 3L, 0L);
    assertThat(e.rounds().get(2).exhausted()).isEqualTo(3);
    assertThat(e.winners()).containsExactly(1);
  }

  @Test
  void when_every_option_left_has_the_same_count_a_ranked_poll_states_the_tie() {
    Tally tally = ranked(2, all(times(3, 1, 2), times(3, 2, 1)));

    Decision d = Decision.of(poll(Poll.Kind.RANKED, Rule.INSTANT_RUNOFF, 0, "上午", "下午"), tally);

    assertThat(d.tie()).isTrue();
    assertThat(d.passed()).isFalse();
    assertThat(d.winners()).containsExactly(1, 2);
    assertThat(d.rounds()).hasSize(1);
  }

  @Test
  void a_yes_no_set_is_a_proposal_and_other_options_are_a_choice() {
    assertThat(Poll.Kind.suggested(List.of("同意", "不同意"), null, 1)).isEqualTo(Poll.Kind.PROPOSAL);
    assertThat(Poll.Kind.suggested(List.of("赞成", "反对", "弃权"), null, 1)).isEqualTo(Poll.Kind.PROPOSAL);
    assertThat(Poll.Kind.suggested(List.of("换", "不换"), null, 1)).isEqualTo(Poll.Kind.PROPOSAL);
    assertThat(Poll.Kind.suggested(List.of("上午", "下午", "晚上"), null, 1)).isEqualTo(Poll.Kind.CHOICE);
    assertThat(Poll.Kind.suggested(List.of("同意", "不同意"), null, 2)).isEqualTo(Poll.Kind.CHOICE);
    assertThat(Poll.Kind.suggested(List.of("方案一", "方案二"), Rule.CIVIL_CODE_MAJOR, 1))
        .as("a Civil Code rule decides a proposal").isEqualTo(Poll.Kind.PROPOSAL);
  }
}
