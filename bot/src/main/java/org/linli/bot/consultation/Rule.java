package org.linli.bot.consultation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.linli.bot.text.Text;

/**
 * How a consultation decides. The result says in plain words whether each condition was met and
 * by what margin. For a proposal, option 1 is agreement ("同意") and the rules decide whether it
 * passed; a choice is decided by {@code PLURALITY} (or needs its leading option to reach {@code
 * MAJORITY} or {@code TWO_THIRDS}), a ranking by {@code INSTANT_RUNOFF} (see {@link Decision}).
 */
public enum Rule {
  /** More than half of the ballots cast. */
  MAJORITY,
  /** At least two thirds of the ballots cast. */
  TWO_THIRDS,
  /**
   * Civil Code art. 278, ordinary matters: owners of at least 2/3 of the floor area and at least
   * 2/3 of the households take part, and more than half of the participating area and of the
   * participating households agree.
   */
  CIVIL_CODE_ORDINARY,
  /**
   * Civil Code art. 278, major matters (维修资金筹集使用, 改建重建, 改变共有部分用途, 加装电梯 …):
   * participation as for ordinary matters, and at least 3/4 of the participating area and of the
   * participating households agree.
   */
  CIVIL_CODE_MAJOR,
  /** A choice: the option(s) with the most votes; a tie is stated, not broken. */
  PLURALITY,
  /** A ranking: instant-runoff until an option holds more than half of the ballots still counting. */
  INSTANT_RUNOFF;

  /** The name used in the API ({@code civil-code-major}). */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses an API name; null when unknown. */
  public static Rule fromApiName(String name) {
    for (Rule rule : values()) {
      if (rule.apiName().equals(name)) {
        return rule;
      }
    }
    return null;
  }

  /** True when the rule needs the household register (floor areas, households). */
  public boolean needsRegister() {
    return this == CIVIL_CODE_ORDINARY || this == CIVIL_CODE_MAJOR;
  }

  /** One condition of a rule and how it came out. */
  public record Condition(String description, boolean met, String detail) {
  }

  /** Whether the proposal (option 1) passed, and each condition on the way. */
  public record Outcome(boolean passed, List<Condition> conditions) {
    public Outcome {
      conditions = List.copyOf(conditions);
    }
  }

  /** True for the rules a proposal can be decided by (agreement with option 1). */
  public boolean decidesProposals() {
    return this != PLURALITY && this != INSTANT_RUNOFF;
  }

  /**
   * Decides a proposal (agreement with option 1) on a tally. {@code PLURALITY} and {@code
   * INSTANT_RUNOFF} do not decide a proposal: they pass nothing here, and {@link Decision} names
   * their winners.
   */
  public Outcome decide(Tally t) {
    List<Condition> conditions = new ArrayList<>();
    switch (this) {
      case PLURALITY, INSTANT_RUNOFF -> {
        return new Outcome(false, List.of());
      }
      case MAJORITY -> conditions.add(share(Text.RULE_MAJORITY.of(), t.votesFor(1), t.ballots(), Fraction.HALF, true,
          Text.POLL_UNIT_VOTES.of()));
      case TWO_THIRDS -> conditions.add(share(Text.RULE_TWO_THIRDS.of(), t.votesFor(1), t.ballots(),
          Fraction.TWO_THIRDS, false, Text.POLL_UNIT_VOTES.of()));
      case CIVIL_CODE_ORDINARY, CIVIL_CODE_MAJOR -> {
        conditions.add(share(Text.RULE_AREA_TAKING_PART.of(), t.participatingArea(), t.eligibleArea(),
            Fraction.TWO_THIRDS, false, "m²"));
        conditions.add(share(Text.RULE_HOUSEHOLDS_TAKING_PART.of(), t.ballots(), t.eligibleBallots(),
            Fraction.TWO_THIRDS, false, Text.POLL_UNIT_HOUSEHOLDS.of()));
        boolean major = this == CIVIL_CODE_MAJOR;
        Fraction needed = major ? Fraction.THREE_QUARTERS : Fraction.HALF;
        Text area = major ? Text.RULE_AREA_AGREEING_MAJOR : Text.RULE_AREA_AGREEING;
        Text households = major ? Text.RULE_HOUSEHOLDS_AGREEING_MAJOR : Text.RULE_HOUSEHOLDS_AGREEING;
        conditions.add(share(area.of(), t.areaFor(1), t.participatingArea(), needed, !major, "m²"));
        conditions.add(share(households.of(), t.votesFor(1), t.ballots(), needed, !major,
            Text.POLL_UNIT_HOUSEHOLDS.of()));
      }
    }
    return new Outcome(conditions.stream().allMatch(Condition::met), conditions);
  }

  /**
   * A condition "{@code part} is at least (or, when {@code strict}, more than) {@code fraction} of
   * {@code whole}", with its margin in {@code unit} (m² for areas in hundredths).
   */
  static Condition share(String description, long part, long whole, Fraction fraction, boolean strict,
      String unit) {
    boolean met = strict ? fraction.exceededBy(part, whole) : fraction.reachedBy(part, whole);
    if (whole == 0) {
      return new Condition(description, false, Text.RULE_NOBODY.of());
    }
    long margin = fraction.margin(part, whole, strict);
    String amount = unit.equals("m²") ? formatArea(Math.abs(margin)) : String.valueOf(Math.abs(margin));
    String shown = unit.equals("m²") ? formatArea(part) + "/" + formatArea(whole) : part + "/" + whole;
    String detail;
    if (met) {
      detail = margin == 0
          ? Text.RULE_EXACTLY_MET.of(shown + unit)
          : Text.RULE_MET.of(shown + unit, amount + unit);
    } else {
      detail = Text.RULE_UNMET.of(shown + unit, amount + unit);
    }
    return new Condition(description, met, detail);
  }

  /** Hundredths of a square metre as "123.45". */
  static String formatArea(long hundredths) {
    return String.format(Locale.ROOT, "%d.%02d", hundredths / 100, hundredths % 100);
  }
}
