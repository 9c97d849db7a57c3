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
 */
public record Tally(
    List<Long> votes, List<Long> areas, long ballots, long participatingArea, long eligibleBallots, long eligibleArea) {

  public Tally {
    votes = List.copyOf(votes);
    areas = List.copyOf(areas);
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
