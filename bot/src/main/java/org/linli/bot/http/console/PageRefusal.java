package org.linli.bot.http.console;

import org.linli.bot.text.Text;

/**
 * A console request refused with a status and a sentence for the person (403 for a role that may
 * not, 403 for a missing CSRF token, 404...): the console's failure handler shows it as a page.
 */
public final class PageRefusal extends RuntimeException {

  private final int status;

  /** Refuses with {@code status} and the Simplified text of {@code sentence}. */
  public PageRefusal(int status, Text sentence) {
    super(sentence.of(), null, false, false);
    this.status = status;
  }

  /** The HTTP status of the page. */
  public int status() {
    return status;
  }
}
