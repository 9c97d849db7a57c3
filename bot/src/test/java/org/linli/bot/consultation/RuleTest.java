package org.linli.bot.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleTest {

  private static Tally small(long yes, long no) {
    return new Tally(List.of(yes, no), List.of(), yes + no, 0, 0, 0);
  }

  /** Areas in m² × 100. */
  private static Tally big(long yesHouseholds, long noHouseholds, long yesArea, long noArea, long households,
      long area) {
    return new Tally(List.of(yesHouseholds, noHouseholds), List.of(yesArea, noArea), yesHouseholds + noHouseholds,
        yesArea + noArea, households, area);
  }

  @Test
  void exactly_half_is_not_a_majority_and_one_more_is() {
    assertThat(Rule.MAJORITY.decide(small(5, 5)).passed()).isFalse();
    assertThat(Rule.MAJORITY.decide(small(6, 5)).passed()).isTrue();
    assertThat(Rule.MAJORITY.decide(small(5, 5)).conditions().get(0).detail()).contains("还差 1");
  }

  @Test
  void exactly_two_thirds_passes_and_one_vote_less_does_not() {
    assertThat(Rule.TWO_THIRDS.decide(small(200, 100)).passed()).isTrue();
    assertThat(Rule.TWO_THIRDS.decide(small(200, 100)).conditions().get(0).detail()).contains("恰好达到");
    assertThat(Rule.TWO_THIRDS.decide(small(199, 101)).passed()).isFalse();
  }

  @Test
  void civil_code_participation_needs_two_thirds_of_the_area_and_of_the_households() {
    // 9 households, 900 m²: 6 households with 600.00 m² is exactly 2/3 of both.
    Rule.Outcome exact = Rule.CIVIL_CODE_ORDINARY.decide(big(4, 2, 400_00, 200_00, 9, 900_00));
    assertThat(exact.conditions()).extracting(Rule.Condition::met).startsWith(true, true);
    assertThat(exact.passed()).isTrue();

    // One household short.
    Rule.Outcome shortOfHouseholds = Rule.CIVIL_CODE_ORDINARY.decide(big(3, 2, 400_00, 200_00, 9, 900_00));
    assertThat(shortOfHouseholds.conditions().get(1).met()).isFalse();
    assertThat(shortOfHouseholds.conditions().get(1).detail()).contains("还差 1户");
    assertThat(shortOfHouseholds.passed()).isFalse();
  }

  @Test
  void area_met_but_headcount_not_fails_the_civil_code_rule() {
    // Two big flats make up the area, but only 2 of 9 households voted.
    Rule.Outcome outcome = Rule.CIVIL_CODE_ORDINARY.decide(big(2, 0, 700_00, 0, 9, 900_00));
    assertThat(outcome.conditions()).extracting(Rule.Condition::met).startsWith(true, false);
    assertThat(outcome.passed()).isFalse();
  }

  @Test
  void a_major_matter_needs_three_quarters_of_the_participating_area_and_households() {
    // 8 households took part with 800 m²; 6 agree with exactly 600 m²: 3/4 of both.
    assertThat(Rule.CIVIL_CODE_MAJOR.decide(big(6, 2, 600_00, 200_00, 9, 900_00)).passed()).isTrue();
    // A hundredth of a square metre less fails the area condition.
    Rule.Outcome justShort = Rule.CIVIL_CODE_MAJOR.decide(big(6, 2, 599_99, 200_01, 9, 900_00));
    assertThat(justShort.passed()).isFalse();
    assertThat(justShort.conditions().get(2).detail()).contains("还差 0.01m²");
    // The same numbers pass as an ordinary matter (more than half).
    assertThat(Rule.CIVIL_CODE_ORDINARY.decide(big(6, 2, 599_99, 200_01, 9, 900_00)).passed()).isTrue();
  }

  @Test
  void nobody_voting_decides_nothing() {
    Rule.Outcome outcome = Rule.MAJORITY.decide(small(0, 0));
    assertThat(outcome.passed()).isFalse();
    assertThat(outcome.conditions().get(0).detail()).contains("无人参与");
  }

  @Test
  void rules_have_the_api_names_of_the_contract() {
    assertThat(Rule.fromApiName("civil-code-major")).isEqualTo(Rule.CIVIL_CODE_MAJOR);
    assertThat(Rule.fromApiName("two-thirds")).isEqualTo(Rule.TWO_THIRDS);
    assertThat(Rule.fromApiName("unanimous")).isNull();
  }
}
