package org.linli.bot.consultation.proposal;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.time.Clock;
import java.util.List;
import org.linli.bot.outbox.Poster;
import org.linli.bot.text.Text;
import org.linli.bot.timer.LeasedTimers;
import org.linli.bot.timer.TimerDriven;
import org.linli.bot.timer.TimerLoop;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;

/**
 * The end of a proposal's days: kept in Redis ({@code proposals:{deadlines}}, member = proposal id,
 * score = its deadline) and claimed under a lease by one instance at a time, as poll timers are. A
 * proposal still collecting supports then is closed as expired and its chat is told (through the
 * outbox, once: {@code expired:<id>}); one that reached the agenda is left as it is.
 */
public final class ProposalDeadlines implements TimerDriven {

  static final String KEY = "proposals:{deadlines}";
  private static final long LEASE_MILLIS = 60_000;

  private final RedisAPI redis;
  private final ProposalStore store;
  private final Poster poster;
  private final Clock clock;
  private final TimerLoop<LeasedTimers.Claimed> loop;

  public ProposalDeadlines(RedisAPI redis, ProposalStore store, Poster poster, Clock clock) {
    this.redis = redis;
    this.store = store;
    this.poster = poster;
    this.clock = clock;
    this.loop = new LeasedTimers(redis, KEY).loop("Proposal deadlines", clock::millis, LEASE_MILLIS, this::run);
  }

  @Override
  public TimerLoop<?> loop() {
    return loop;
  }

  /** Plans the end of a new proposal's days. */
  public Future<Void> plan(Proposal p) {
    return redis.zadd(List.of(KEY, String.valueOf(p.deadline().toEpochMilli()), p.id())).mapEmpty();
  }

  private Future<Void> run(LeasedTimers.Claimed job) {
    // Whoever closed it (this job, or a reader that found it past its days), the chat is told once.
    return store.find(job.member(), clock.instant()).compose(p -> p == null || p.status() != Proposal.Status.EXPIRED
        ? Future.succeededFuture()
        : poster.post("expired:" + p.id(), new Outgoing(p.channel(),
            new ChatEvent.Chat(p.chat(), ChatEvent.ChatType.GROUP),
            Reply.text(Text.PROPOSAL_CLOSED_EXPIRED.of(p.id(), p.title())))).mapEmpty());
  }

}
