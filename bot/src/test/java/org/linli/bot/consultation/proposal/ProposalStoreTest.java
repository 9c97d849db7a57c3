package org.linli.bot.consultation.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.redis.RealRedis;
import org.linli.bot.redis.RedisPerClass;

/** Proposals and follow-ups against a real (embedded) Redis: thresholds, deadlines, decisions once. */
class ProposalStoreTest {

  @RegisterExtension
  static final RedisPerClass redis = new RedisPerClass();
  static ProposalStore store;
  static FollowUpStore followUps;

  @BeforeAll
  static void start() {
    store = new ProposalStore(redis.api());
    followUps = new FollowUpStore(redis.api());
  }

  private static Proposal raise(int threshold, Instant createdAt, Duration window, String proposer) {
    String id = RealRedis.await(store.nextId());
    return RealRedis.await(store.create(new Proposal(id, "generic", "g1", "东门加装雨棚", "", createdAt,
        createdAt.plus(window), threshold, 0, Proposal.Status.OPEN, "", ""), proposer));
  }

  private static ProposalStore.Support support(Proposal p, String who, Instant at) {
    return RealRedis.await(store.support(p.id(), who, at));
  }

  @Test
  void the_support_that_reaches_the_threshold_exactly_puts_the_proposal_on_the_agenda() {
    Instant now = Instant.now();
    Proposal p = raise(3, now, Duration.ofDays(1), "generic:a");
    assertThat(p.supports()).isEqualTo(1);
    assertThat(p.status()).isEqualTo(Proposal.Status.OPEN);

    assertThat(support(p, "generic:b", now).outcome()).isEqualTo(ProposalStore.Support.Outcome.COUNTED);
    assertThat(support(p, "generic:b", now).outcome()).isEqualTo(ProposalStore.Support.Outcome.AGAIN);
    ProposalStore.Support third = support(p, "generic:c", now);
    assertThat(third.outcome()).isEqualTo(ProposalStore.Support.Outcome.REACHED);
    assertThat(third.supports()).isEqualTo(3);
    ProposalStore.Support fourth = support(p, "generic:d", now);
    assertThat(fourth.outcome()).as("supports still count on the agenda")
        .isEqualTo(ProposalStore.Support.Outcome.COUNTED);
    assertThat(fourth.supports()).isEqualTo(4);
    assertThat(RealRedis.await(store.find(p.id(), now)).status()).isEqualTo(Proposal.Status.AGENDA);
  }

  @Test
  void a_threshold_of_one_puts_a_proposal_on_the_agenda_when_it_is_raised() {
    Proposal p = raise(1, Instant.now(), Duration.ofDays(1), "generic:a");

    assertThat(p.status()).isEqualTo(Proposal.Status.AGENDA);
    assertThat(raise(1, Instant.now(), Duration.ofDays(1), "").status())
        .as("raised without a proposer, nobody has supported it yet").isEqualTo(Proposal.Status.OPEN);
  }

  @Test
  void a_proposal_past_its_days_below_the_threshold_is_closed_as_expired_and_takes_no_more_supports() {
    Instant raised = Instant.now().minus(Duration.ofDays(8));
    Proposal p = raise(3, raised, Duration.ofDays(7), "generic:a");
    support(p, "generic:b", raised.plusSeconds(60));

    ProposalStore.Support late = support(p, "generic:c", Instant.now());

    assertThat(late.outcome()).isEqualTo(ProposalStore.Support.Outcome.EXPIRED);
    assertThat(late.supports()).isEqualTo(2);
    assertThat(support(p, "generic:d", Instant.now()).outcome()).isEqualTo(ProposalStore.Support.Outcome.CLOSED);
    assertThat(RealRedis.await(store.find(p.id(), Instant.now())).status()).isEqualTo(Proposal.Status.EXPIRED);
  }

  @Test
  void a_reader_closes_an_expired_proposal_and_one_on_the_agenda_does_not_expire() {
    Instant raised = Instant.now().minus(Duration.ofDays(8));
    Proposal quiet = raise(3, raised, Duration.ofDays(7), "generic:a");
    Proposal supported = raise(2, raised, Duration.ofDays(7), "generic:a");
    support(supported, "generic:b", raised.plusSeconds(60));

    assertThat(RealRedis.await(store.find(quiet.id(), Instant.now())).status()).isEqualTo(Proposal.Status.EXPIRED);
    assertThat(RealRedis.await(store.find(supported.id(), Instant.now())).status()).isEqualTo(Proposal.Status.AGENDA);
  }

  @Test
  void a_proposal_is_decided_once() {
    Instant now = Instant.now();
    Proposal p = raise(1, now, Duration.ofDays(1), "generic:a");

    assertThat(RealRedis.await(store.move(p.id(), Proposal.Status.AGENDA, Proposal.Status.ACCEPTED, now, "p9", "")))
        .isTrue();
    assertThat(RealRedis.await(store.move(p.id(), Proposal.Status.AGENDA, Proposal.Status.DECLINED, now, "", "x")))
        .isFalse();
    Proposal decided = RealRedis.await(store.find(p.id(), now));
    assertThat(decided.status()).isEqualTo(Proposal.Status.ACCEPTED);
    assertThat(decided.pollId()).isEqualTo("p9");
    assertThat(decided.reason()).isEmpty();
  }

  @Test
  void follow_up_steps_keep_their_order_and_none_is_added_once_the_matter_is_done() {
    Instant now = Instant.now();
    String poll = "p-followup";
    assertThat(RealRedis.await(followUps.add(poll, new FollowUp.Step(now, "已联系施工方", List.of(), false))).number())
        .isEqualTo(1);
    assertThat(RealRedis.await(followUps.add(poll,
        new FollowUp.Step(now.plusSeconds(1), "已完工", List.of("20261201-0001"), true))).number()).isEqualTo(2);
    FollowUpStore.Added late = RealRedis.await(followUps.add(poll, new FollowUp.Step(now, "再补一句", List.of(), false)));

    assertThat(late.recorded()).isFalse();
    FollowUp f = RealRedis.await(followUps.find(poll));
    assertThat(f.done()).isTrue();
    assertThat(f.steps()).extracting(FollowUp.Step::text).containsExactly("已联系施工方", "已完工");
    assertThat(f.steps().get(1).tickets()).containsExactly("20261201-0001");
  }
}
