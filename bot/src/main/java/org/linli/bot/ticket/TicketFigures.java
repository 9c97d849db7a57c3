package org.linli.bot.ticket;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;

/**
 * A month of the help-line in figures, over the tickets opened that month: how many, by category
 * and by current status; of those resolved, how long the first resolution took (median and 90th
 * percentile, nearest-rank: a time that actually occurred) and the share resolved by their due
 * time; the residents' ratings (count and mean). Figures without data are null.
 */
public record TicketFigures(
    YearMonth month,
    int opened,
    Map<String, Integer> byCategory,
    Map<TicketStatus, Integer> byStatus,
    int resolved,
    Duration medianToResolve,
    Duration p90ToResolve,
    Double resolvedInTimeShare,
    int ratings,
    Double averageRating) {

  public TicketFigures {
    byCategory = Map.copyOf(byCategory);
    byStatus = Map.copyOf(byStatus);
  }
}
