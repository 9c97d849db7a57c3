package org.linli.bot.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * A request for help about to become a ticket: the category (see {@link CategoryGuesser}),
 * whether it is urgent, the resident's text as written (the hub needs all of it), where it came
 * from, the community and grid when known (empty otherwise), and when it was asked.
 */
public record NewTicket(
    String category, boolean urgent, String text, TicketSource source, String community, String grid, Instant at) {

  public NewTicket {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(at, "at");
    category = category == null || category.isBlank() ? CategoryGuesser.CONSULTATION : category.strip();
    text = text == null ? "" : text;
    community = community == null ? "" : community;
    grid = grid == null ? "" : grid;
  }
}
