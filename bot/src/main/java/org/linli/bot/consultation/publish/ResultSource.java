package org.linli.bot.consultation.publish;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;
import org.linli.bot.consultation.PollMessages;
import org.linli.bot.consultation.PollStore;
import org.linli.bot.text.Text;

/** Where the publishing handlers get a poll's result: the poll with this id, or null if there is none. */
@FunctionalInterface
public interface ResultSource {

  /** The publishable result of poll {@code pollId}; succeeds with null when there is no such poll. */
  Future<PublishedResult> find(String pollId);

  /** Results read from the poll store, with no receipts. */
  static ResultSource of(PollStore store) {
    return of(store, id -> Future.succeededFuture(List.of()));
  }

  /**
   * Results read from the poll store, with the receipts of an anonymous poll from {@code receipts}
   * (asked only for anonymous polls that have closed).
   */
  static ResultSource of(PollStore store, Function<String, Future<List<PublishedResult.Receipt>>> receipts) {
    return id -> store.find(id).compose(stored -> {
      if (stored == null) {
        return Future.succeededFuture(null);
      }
      Future<List<PublishedResult.Receipt>> published = !stored.open() && stored.poll().anonymous()
          ? receipts.apply(id)
          : Future.succeededFuture(List.of());
      return Future.all(store.tally(id, stored.poll().options().size()), published)
          .map(all -> PublishedResult.from(stored, all.resultAt(0), all.resultAt(1)));
    });
  }

  /** Results read from the poll store, with the receipts of an anonymous poll once it has closed. */
  static ResultSource withReceipts(PollStore store) {
    return of(store, id -> Future.all(store.find(id), store.receipts(id)).map(all -> {
      PollStore.Stored stored = all.resultAt(0);
      List<PollStore.Receipt> receipts = all.resultAt(1);
      return receipts.stream()
          .map(r -> new PublishedResult.Receipt(r.code(),
              r.replaced() ? Text.PAGE_POLL_RECEIPT_REPLACED.of() : PollMessages.names(stored.poll(), r.choices())))
          .toList();
    }));
  }
}
