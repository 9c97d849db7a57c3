package org.linli.bot.ticket;

/**
 * A month of the help-line as the public page shows it (评价结果公开): the month's {@link
 * TicketFigures} and, besides, how many rated tickets got 4 or 5 stars and how many resolved
 * tickets were reopened. Aggregates only: no receipt, text, resident or place.
 *
 * @param figures the month's figures, as the operators' API gives them
 * @param rated tickets of the month with a rating (their latest)
 * @param satisfied of those, the ones rated 4 or 5 stars
 * @param reopened tickets of the month that went back to work after a resolution
 */
public record PublicMonth(TicketFigures figures, int rated, int satisfied, int reopened) {

  /** Share of rated tickets with 4–5 stars; null without ratings. */
  public Double satisfiedShare() {
    return rated == 0 ? null : (double) satisfied / rated;
  }

  /** Share of resolved tickets that were reopened; null when none was resolved. */
  public Double reopenRate() {
    return figures.resolved() == 0 ? null : (double) reopened / figures.resolved();
  }
}
