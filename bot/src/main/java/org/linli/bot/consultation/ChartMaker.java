package org.linli.bot.consultation;

import io.vertx.core.Future;
import org.linli.webhooks.Reply;

/** Draws the result chart of a poll (a PNG with its public address), or null when it has none. */
public interface ChartMaker {

  /** No charts. */
  ChartMaker NONE = (stored, tally) -> Future.succeededFuture(null);

  /** The chart of these results. */
  Future<Reply.Image> chart(PollStore.Stored stored, Tally tally);
}
