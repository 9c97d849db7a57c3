package org.linli.bot.consultation;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Instant-runoff on ranked ballots. Each round counts every ballot for its highest-ranked option
 * still in the count; an option with more than half of those ballots wins. Otherwise the option
 * with the fewest votes is eliminated and its ballots go to their next choice. When several share
 * the fewest, the one with fewer votes in the latest earlier round where they differ goes; if they
 * never differed, the one listed last. When every option left has the same count, they tie (并列):
 * the count stops there rather than pick one by the order of the list.
 */
final class InstantRunoff {

  /** Every round, and the winner (or the options that tie, or none when nobody ranked anything). */
  record Count(List<Decision.Round> rounds, List<Integer> winners) {
  }

  private InstantRunoff() {
  }

  static Count count(int options, List<List<Integer>> rankings) {
    TreeSet<Integer> continuing = new TreeSet<>();
    for (int n = 1; n <= options; n++) {
      continuing.add(n);
    }
    List<Decision.Round> rounds = new ArrayList<>();
    List<long[]> earlier = new ArrayList<>();
    while (true) {
      long[] votes = new long[options + 1];
      long exhausted = 0;
      for (List<Integer> ranking : rankings) {
        Integer first = ranking.stream().filter(continuing::contains).findFirst().orElse(null);
        if (first == null) {
          exhausted++;
        } else {
          votes[first]++;
        }
      }
      long counting = 0;
      long max = -1;
      long min = Long.MAX_VALUE;
      for (int n : continuing) {
        counting += votes[n];
        max = Math.max(max, votes[n]);
        min = Math.min(min, votes[n]);
      }
      int number = rounds.size() + 1;
      if (counting == 0) {
        rounds.add(round(number, votes, continuing, List.of(), exhausted, false));
        return new Count(rounds, List.of());
      }
      if (2 * max > counting) {
        rounds.add(round(number, votes, continuing, List.of(), exhausted, false));
        long top = max;
        return new Count(rounds, continuing.stream().filter(n -> votes[n] == top).toList());
      }
      if (min == max) {
        rounds.add(round(number, votes, continuing, List.of(), exhausted, false));
        return new Count(rounds, List.copyOf(continuing));
      }
      long fewest = min;
      List<Integer> lowest = continuing.stream().filter(n -> votes[n] == fewest).toList();
      int out = eliminated(lowest, earlier);
      rounds.add(round(number, votes, continuing, List.of(out), exhausted, lowest.size() > 1));
      continuing.remove(out);
      earlier.add(votes);
    }
  }

  /** Of the options sharing the fewest votes, the one to eliminate by the documented rule. */
  private static int eliminated(List<Integer> lowest, List<long[]> earlier) {
    List<Integer> left = lowest;
    for (int r = earlier.size() - 1; r >= 0 && left.size() > 1; r--) {
      long[] votes = earlier.get(r);
      long fewest = left.stream().mapToLong(n -> votes[n]).min().orElseThrow();
      left = left.stream().filter(n -> votes[n] == fewest).toList();
    }
    return left.get(left.size() - 1);
  }

  private static Decision.Round round(int number, long[] votes, TreeSet<Integer> continuing, List<Integer> out,
      long exhausted, boolean tieBroken) {
    List<Long> counts = new ArrayList<>();
    for (int n = 1; n < votes.length; n++) {
      counts.add(continuing.contains(n) ? votes[n] : 0L);
    }
    return new Decision.Round(number, counts, List.copyOf(continuing), out, exhausted, tieBroken);
  }
}
