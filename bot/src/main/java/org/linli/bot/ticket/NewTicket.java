package org.linli.bot.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * A request for help about to become a ticket: the category (see {@link CategoryGuesser}),
 * whether it is urgent, the resident's text as written (the hub needs all of it), where it came
 * from, the community and grid when known (empty otherwise), when it was asked, and where help is
 * needed ({@code address}: the place the request names or the resident's household, empty when
 * unknown).
 */
public record NewTicket(
    String category, boolean urgent, String text, TicketSource source, String community, String grid, Instant at,
    String address) {

  public NewTicket {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(at, "at");
    category = category == null || category.isBlank() ? CategoryGuesser.CONSULTATION : category.strip();
    text = text == null ? "" : text;
    community = community == null ? "" : community;
    grid = grid == null ? "" : grid;
    address = address == null ? "" : address.strip();
  }

  /** A request without a known address. */
  public NewTicket(
      String category, boolean urgent, String text, TicketSource source, String community, String grid, Instant at) {
    this(category, urgent, text, source, community, grid, at, "");
  }
}
