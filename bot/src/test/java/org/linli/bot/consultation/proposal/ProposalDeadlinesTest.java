package org.linli.bot.consultation.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.outbox.Poster;
import org.linli.bot.redis.RealRedis;
import org.linli.bot.redis.RedisPerClass;
import org.linli.webhooks.Outgoing;

/** The end of a proposal's days, against a real (embedded) Redis. */
class ProposalDeadlinesTest {

  @RegisterExtension
  static final RedisPerClass redis = new RedisPerClass();

  /** What was posted, by message id: like the outbox, a second message with an id is not sent. */
  private final Map<String, Outgoing> posted = new ConcurrentHashMap<>();
  private final Poster poster = (id, message) -> Future.succeededFuture(posted.putIfAbsent(id, message) == null);

  private Proposal raise(ProposalStore store, ProposalDeadlines deadlines, Instant at, int threshold) {
    String id = RealRedis.await(store.nextId());
    Proposal p = RealRedis.await(store.create(new Proposal(id, "generic", "g1", "东门加装雨棚", "", at,
        at.plus(Duration.ofDays(7)), threshold, 0, Proposal.Status.OPEN, "", ""), "generic:a"));
    RealRedis.await(deadlines.plan(p));
    return p;
  }

  @Test
  void at_the_end_of_its_days_a_proposal_below_the_threshold_closes_and_its_chat_is_told_once() {
    ProposalStore store = new ProposalStore(redis.api());
    Instant now = Instant.now();
    ProposalDeadlines today = new ProposalDeadlines(redis.api(), store, poster, Clock.systemUTC());
    Proposal quiet = raise(store, today, now, 3);
    Proposal supported = raise(store, today, now, 2);
    RealRedis.await(store.support(supported.id(), "generic:b", now));

    RealRedis.await(today.tick());
    assertThat(posted).as("nothing is due before the end of the days").isEmpty();

    ProposalDeadlines later = new ProposalDeadlines(redis.api(), store, poster,
        Clock.offset(Clock.systemUTC(), Duration.ofDays(8)));
    RealRedis.await(later.tick());
    RealRedis.await(later.tick());

    assertThat(RealRedis.await(store.find(quiet.id(), now)).status()).isEqualTo(Proposal.Status.EXPIRED);
    assertThat(RealRedis.await(store.find(supported.id(), now)).status()).isEqualTo(Proposal.Status.AGENDA);
    assertThat(posted).containsOnlyKeys("expired:" + quiet.id());
    Outgoing notice = posted.get("expired:" + quiet.id());
    assertThat(notice.chat().id()).isEqualTo("g1");
    assertThat(notice.reply().text()).contains(quiet.id(), "东门加装雨棚", "未达到附议门槛");
    assertThat(RealRedis.await(redis.api().zcard(ProposalDeadlines.KEY)).toInteger()).as("every deadline done")
        .isZero();
  }
}
