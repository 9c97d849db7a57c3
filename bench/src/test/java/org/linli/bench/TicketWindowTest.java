package org.linli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the tickets benchmark counts accepted/s and delivered/s over one window. */
class TicketWindowTest {

  /** {@code perSecond} tickets for {@code seconds}, each delivered {@code latency(i)} ms after it was created. */
  private static List<long[]> tickets(int perSecond, int seconds, java.util.function.IntToLongFunction latency) {
    List<long[]> out = new ArrayList<>();
    for (int i = 0; i < perSecond * seconds; i++) {
      long created = 1_000_000L + i * 1000L / perSecond;
      out.add(new long[] {created, created + latency.applyAsLong(i)});
    }
    return out;
  }

  @Test
  void deliveries_that_keep_up_with_a_steady_rate_count_as_many_per_second_as_were_accepted() {
    List<long[]> all = tickets(100, 30, i -> 40);

    String line = TicketBenchmark.window("steady", 1_003_000L, 1_030_000L, all);

    assertThat(line).contains("accepted   100.0 tickets/s", "delivered   100.0 tickets/s", "delivered >= accepted");
  }

  @Test
  void deliveries_that_fall_further_behind_count_fewer_per_second_than_were_accepted() {
    // Each ticket waits 10 ms longer than the one before: the hub gets them at half the rate.
    List<long[]> all = tickets(100, 30, i -> 10L * i);

    String line = TicketBenchmark.window("saturated", 1_000_000L, 1_030_000L, all);

    assertThat(line).contains("accepted   100.0 tickets/s", "delivered    50.0 tickets/s", "delivered 50% of accepted");
  }
}
