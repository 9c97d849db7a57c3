package org.linli.bot.http.console;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.linli.bot.console.Role;
import org.linli.bot.errors.NotFound;
import org.linli.bot.http.DeadLetterApi;
import org.linli.bot.outbox.DeadLetter;
import org.linli.bot.outbox.Outbox;
import org.linli.bot.text.Text;

/**
 * The outboxes, for admins: {@code GET /console/outbox} (each queue's pending and dead counts and
 * its latest dead letters, a sealed one shown as sealed, never its payload) and {@code POST
 * /console/outbox/{queue}/{id}/replay} (puts the dead letter back in its queue, due now, as {@code
 * POST /api/v1/outbox/:queue/dead/:id/replay} does). Each replay is audited.
 */
public final class OutboxPages implements ConsoleModule {

  static final String OUTBOX = ConsoleRoutes.PATH + "/outbox";
  private static final int LISTED = 50;

  private final List<Outbox> queues;

  /** The pages over the queues {@code deadLetters} serves. */
  public OutboxPages(DeadLetterApi deadLetters) {
    this.queues = deadLetters.outboxes().stream().sorted(Comparator.comparing(Outbox::queue)).toList();
  }

  /** One queue as the page shows it. */
  public record Queue(String name, long pending, long dead, List<DeadLetter> letters) {
  }

  @Override
  public List<NavItem> nav() {
    return List.of(new NavItem(OUTBOX, Text.CONSOLE_NAV_OUTBOX, Set.of(Role.ADMIN)));
  }

  @Override
  public void mount(Router router, ConsoleKit kit) {
    router.get(OUTBOX).handler(kit.only(Role.ADMIN)).handler(ctx -> Future.all(queues.stream()
        .map(q -> Future.all(q.stats(), q.deadLetters(LISTED)).map(both -> {
          Outbox.Stats stats = both.resultAt(0);
          List<DeadLetter> letters = both.resultAt(1);
          return new Queue(q.queue(), stats.pending(), stats.dead(), letters);
        })).toList())
        .onSuccess(all -> kit.page(ctx, "outbox.jte", Text.CONSOLE_NAV_OUTBOX.of(),
            ConsoleRoutes.params("queues", all.<Queue>list())))
        .onFailure(ctx::fail));
    router.post(OUTBOX + "/:queue/:id/replay").handler(kit.only(Role.ADMIN)).handler(ctx -> {
      String name = ctx.pathParam("queue");
      String id = ctx.pathParam("id");
      Outbox outbox = queues.stream().filter(q -> q.queue().equals(name)).findFirst().orElse(null);
      if (outbox == null) {
        ctx.fail(new NotFound(Text.CONSOLE_OUTBOX_NO_QUEUE.of(name)));
        return;
      }
      outbox.replay(id)
          .compose(replayed -> replayed
              ? kit.audit(ctx, "outbox.replay", name + "/" + id)
              : Future.failedFuture(new NotFound(Text.CONSOLE_OUTBOX_NO_LETTER.of(id, name))))
          .onSuccess(v -> ConsoleKit.seeOther(ctx, OUTBOX))
          .onFailure(ctx::fail);
    });
  }
}
