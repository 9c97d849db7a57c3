package org.linli.bot.consultation.publish;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.function.Supplier;
import org.linli.bot.consultation.ChartMaker;
import org.linli.bot.consultation.PollStore;
import org.linli.bot.consultation.Tally;
import org.linli.webhooks.Reply;

/**
 * The charts sent with a poll's result: drawn on the workers, with the chart page's address
 * ({@code <public url>/polls/<id>/chart.png}) only when the service has a public address the
 * platforms can reach.
 *
 * @param publicUrl the service's address as it is known when a chart is drawn
 * @param reachable whether that address is a configured public one
 */
public record PublishedCharts(ResultChart chart, WorkerExecutor workers, Supplier<String> publicUrl,
    boolean reachable) implements ChartMaker {

  @Override
  public Future<Reply.Image> chart(PollStore.Stored stored, Tally tally) {
    return chart.render(workers, PublishedResult.from(stored, tally, List.of()))
        .map(png -> new Reply.Image(png,
            reachable ? publicUrl.get() + "/polls/" + stored.poll().id() + "/chart.png" : ""));
  }
}
