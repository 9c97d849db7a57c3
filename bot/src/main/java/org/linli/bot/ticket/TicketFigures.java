package org.linli.bot.ticket;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;

/**
 * A month of the help-line in figures, over the tickets opened that month: how many, by category
 * and by current status; of those resolved, how long the first resolution took (median and 90th
 * percentile, nearest-rank: a time that actually occurred) and the share resolved by their due
 * time; the residents' ratings, every one of them — a ticket rated 2 (reopened) and then 5 counts
 * two ratings ({@code ratings}, mean {@code averageRating}); of the rated tickets ({@code
 * ratedTickets}) the mean of their first and of their final (latest) rating; how many ratings
 * reopened a ticket ({@code reopens}: 1–2 stars) and how many tickets were reopened at least once
 * ({@code reopenedTickets}); the community's own evaluations of the handling (联合评单: count and
 * mean). Figures without data are null.
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
    Double averageRating,
    int ratedTickets,
    Double averageFirstRating,
    Double averageFinalRating,
    int reopens,
    int reopenedTickets,
    int evaluations,
    Double averageEvaluation) {

  public TicketFigures {
    byCategory = Map.copyOf(byCategory);
    byStatus = Map.copyOf(byStatus);
  }

  /** The share of rated tickets that a rating reopened, or null when none was rated. */
  public Double reopenRate() {
    return ratedTickets == 0 ? null : (double) reopenedTickets / ratedTickets;
  }
}
