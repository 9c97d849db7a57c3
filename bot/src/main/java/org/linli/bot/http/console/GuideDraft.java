package org.linli.bot.http.console;

import org.linli.kb.Entry;

/**
 * What the guide editor ({@code guide-edit.jte}) shows: the guide's id (typed in for a new one),
 * its Markdown, and after a preview either the guide as it would be published or the parser's
 * sentence saying why it cannot be read; {@code notice} says what was just done ("" for nothing).
 */
public record GuideDraft(String id, boolean fresh, String markdown, Entry preview, String problem, String notice) {

  /** True when the last check refused the text. */
  public boolean refused() {
    return problem != null && !problem.isEmpty();
  }
}
