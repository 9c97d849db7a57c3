package org.linli.bot.consultation;

import java.util.List;

/**
 * The counts a rule decides on. Areas are in hundredths of a square metre, so every sum is a
 * whole number.
 *
 * @param votes ballots per option (options numbered from 1, index 0 is option 1)
 * @param areas floor area (m² × 100) per option, big matters only
 * @param ballots ballots cast (a household's ballot counts once)
 * @param participatingArea floor area of the households that voted (m² × 100)
 * @param eligibleBallots households (or residents, for small matters) entitled to vote; 0 if unknown
 * @param eligibleArea total floor area of the register (m² × 100); 0 for small matters
 * @param rankings for a ranked poll, every ballot's options in order of preference (then {@code
 *     votes} are first preferences); empty otherwise
 */
public record Tally(
    List<Long> votes, List<Long> areas, long ballots, long participatingArea, long eligibleBallots, long eligibleArea,
    List<List<Integer>> rankings) {

  public Tally {
    votes = List.copyOf(votes);
    areas = List.copyOf(areas);
    rankings = rankings.stream().map(List::copyOf).toList();
  }

  /** The counts of a poll whose ballots are not rankings. */
  public Tally(
      List<Long> votes, List<Long> areas, long ballots, long participatingArea, long eligibleBallots,
      long eligibleArea) {
    this(votes, areas, ballots, participatingArea, eligibleBallots, eligibleArea, List.of());
  }

  /** Votes for option {@code n} (from 1). */
  public long votesFor(int n) {
    return votes.get(n - 1);
  }

  /** Area for option {@code n} (from 1), 0 when areas are not counted. */
  public long areaFor(int n) {
    return areas.isEmpty() ? 0 : areas.get(n - 1);
  }
}
