package org.linli.bot.http.console;

import io.vertx.core.Future;
import java.util.List;
import org.linli.bot.community.Community;

/**
 * A community's figures as its page shows them: labelled counts (households on the register, open
 * polls, open tickets…), each read from the store that owns it.
 */
public interface CommunityFigures {

  /** One figure: its label (Simplified Chinese) and its value. */
  record Figure(String label, long value) {
  }

  /** The figures of {@code community}, in the order the page shows them. */
  Future<List<Figure>> of(Community community);

}
