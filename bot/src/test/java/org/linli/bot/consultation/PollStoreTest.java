package org.linli.bot.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.redis.RealRedis;
import org.linli.bot.redis.RedisPerClass;

/** The poll store against a real (embedded) Redis. */
class PollStoreTest {

  @RegisterExtension
  static final RedisPerClass redis = new RedisPerClass();
  static Redis client;
  static PollStore store;
  static final AtomicInteger ids = new AtomicInteger();

  @BeforeAll
  static void start() {
    client = redis.get().client;
    store = new PollStore(redis.api());
  }

  private static Poll poll(Poll.Scale scale, Rule rule, int options, int multi) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= options; i++) {
      names.add("选项" + i);
    }
    Instant now = Instant.now();
    return new Poll("p" + ids.incrementAndGet(), "generic", "g1", "周六活动室开放时间", names, scale, rule,
        now.minusSeconds(60), now.plusSeconds(3600), null, multi, false, false);
  }

  private static PollStore.VoteResult vote(Poll p, String voter, String household, Integer... choices) {
    String ballot = p.byHousehold() ? "h:" + household : voter;
    return await(store.vote(Ballot.cast(p.id(), ballot, List.of(choices), System.currentTimeMillis())
        .fromHousehold(Optional.of(household)).castBy(voter)));
  }

  @Test
  void two_thousand_concurrent_votes_from_five_hundred_residents_give_the_exact_tally() {
    Poll p = poll(Poll.Scale.SMALL, Rule.MAJORITY, 3, 1);
    await(store.create(p, Map.of()));
    Random random = new Random(42);
    long[] expected = new long[3];
    List<Future<?>> residents = new ArrayList<>();
    for (int r = 0; r < 500; r++) {
      int[] choices = new int[4];
      for (int i = 0; i < 4; i++) {
        choices[i] = 1 + random.nextInt(3);
      }
      expected[choices[3] - 1]++;
      String voter = "u" + r;
      // Each resident's votes in order (a resident changes their mind), residents all at once.
      Future<?> chain = Future.succeededFuture();
      for (int choice : choices) {
        chain = chain.compose(
            v -> store.vote(Ballot.cast(p.id(), voter, List.of(choice), System.currentTimeMillis()).castBy(voter)));
      }
      residents.add(chain);
    }
    await(Future.all(residents));

    Tally tally = await(store.tally(p.id(), 3));
    assertThat(tally.votes()).containsExactly(expected[0], expected[1], expected[2]);
    assertThat(tally.ballots()).isEqualTo(500);
  }

  @Test
  void a_later_vote_from_another_member_of_the_household_replaces_the_earlier_one() {
    Poll p = poll(Poll.Scale.BIG, Rule.CIVIL_CODE_MAJOR, 2, 1);
    await(store.create(p, Map.of("3-1-201", 89_50L, "3-1-202", 120_00L)));

    assertThat(vote(p, "wife", "3-1-201", 1).status()).isEqualTo(PollStore.VoteResult.Status.COUNTED);
    PollStore.VoteResult second = vote(p, "husband", "3-1-201", 2);

    assertThat(second.status()).isEqualTo(PollStore.VoteResult.Status.CHANGED);
    assertThat(second.previous()).containsExactly(1);
    assertThat(second.previousCaster()).isEqualTo("wife");
    Tally tally = await(store.tally(p.id(), 2));
    assertThat(tally.votes()).containsExactly(0L, 1L);
    assertThat(tally.areas()).containsExactly(0L, 89_50L);
    assertThat(tally.ballots()).isEqualTo(1);
    assertThat(tally.participatingArea()).isEqualTo(89_50L);
    assertThat(tally.eligibleBallots()).isEqualTo(2);
    assertThat(tally.eligibleArea()).isEqualTo(209_50L);
  }

  @Test
  void only_households_on_the_register_vote_on_a_big_matter() {
    Poll p = poll(Poll.Scale.BIG, Rule.CIVIL_CODE_ORDINARY, 2, 1);
    await(store.create(p, Map.of("1-1-101", 100_00L)));

    assertThat(vote(p, "u1", "", 1).reason()).isEqualTo("unbound");
    assertThat(vote(p, "u2", "9-9-999", 1).reason()).isEqualTo("ineligible");
    assertThat(await(store.tally(p.id(), 2)).ballots()).isZero();
  }

  @Test
  void a_wrong_option_an_unknown_poll_or_a_closed_poll_is_refused_and_changes_nothing() {
    Poll p = poll(Poll.Scale.SMALL, Rule.MAJORITY, 2, 1);
    await(store.create(p, Map.of()));
    vote(p, "u1", "", 1);

    assertThat(vote(p, "u2", "", 3).reason()).isEqualTo("option");
    assertThat(vote(p, "u2", "", 1, 2).reason()).isEqualTo("count");
    assertThat(await(store.vote(Ballot.cast("no-such-poll", "u2", List.of(1), System.currentTimeMillis()).castBy("u2")))
        .reason())
        .isEqualTo("unknown");
    assertThat(await(store.close(p.id(), System.currentTimeMillis()))).isTrue();
    assertThat(vote(p, "u1", "", 2).reason()).isEqualTo("closed");

    Tally tally = await(store.tally(p.id(), 2));
    assertThat(tally.votes()).containsExactly(1L, 0L);
    assertThat(tally.ballots()).isEqualTo(1);
  }

  @Test
  void a_multiple_choice_poll_takes_up_to_its_limit_of_distinct_options() {
    Poll p = poll(Poll.Scale.SMALL, Rule.MAJORITY, 3, 2);
    await(store.create(p, Map.of()));

    assertThat(vote(p, "u1", "", 1, 3).status()).isEqualTo(PollStore.VoteResult.Status.COUNTED);
    assertThat(vote(p, "u2", "", 1, 2, 3).reason()).isEqualTo("count");
    assertThat(vote(p, "u3", "", 2, 2).reason()).isEqualTo("option");
    assertThat(await(store.tally(p.id(), 3)).votes()).containsExactly(1L, 0L, 1L);
  }

  @Test
  void a_poll_closes_exactly_once_however_many_callers_race() {
    Poll p = poll(Poll.Scale.SMALL, Rule.MAJORITY, 2, 1);
    await(store.create(p, Map.of()));
    List<Future<Boolean>> closes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      closes.add(store.close(p.id(), System.currentTimeMillis()));
    }
    await(Future.all(closes));

    assertThat(closes.stream().filter(Future::result).count()).isEqualTo(1);
  }

  @Test
  void a_second_poll_with_the_same_id_is_refused_and_changes_nothing() {
    Poll p = poll(Poll.Scale.BIG, Rule.CIVIL_CODE_ORDINARY, 2, 1);
    await(store.create(p, Map.of("1-1-101", 100_00L)));

    assertThat(store.create(p, Map.of("1-1-101", 1L, "2-2-202", 1L)).toCompletionStage().toCompletableFuture())
        .failsWithin(10, TimeUnit.SECONDS);
    Tally tally = await(store.tally(p.id(), 2));
    assertThat(tally.eligibleBallots()).isEqualTo(1);
    assertThat(tally.eligibleArea()).isEqualTo(100_00L);
    assertThat(vote(p, "u1", "2-2-202", 1).reason()).isEqualTo("ineligible");
  }

  private static Poll secret(Poll.Scale scale, Rule rule) {
    Poll p = poll(scale, rule, 2, 1);
    return new Poll(p.id(), p.channel(), p.chat(), p.question(), p.options(), p.scale(), p.rule(), p.opensAt(),
        p.closesAt(), null, 1, true, false);
  }

  private static PollStore.VoteResult secretVote(Poll p, String identity, String household, int choice) {
    PollStore.Stored stored = await(store.find(p.id()));
    return await(store.vote(Ballot.cast(p.id(), stored.ballotKey(identity, household), List.of(choice),
        System.currentTimeMillis()).fromHousehold(Optional.of(household)).because("理由：楼下太吵")));
  }

  /** Every key, hash field and value in Redis, as text. */
  private static String everythingIn(String pollId) {
    StringBuilder all = new StringBuilder();
    RedisAPI api = RedisAPI.api(client);
    for (var key : await(api.keys("*"))) {
      all.append(key).append('\n');
      String type = await(api.type(key.toString())).toString();
      switch (type) {
        case "hash" -> await(api.hgetall(key.toString())).forEach(v -> all.append(v).append('\n'));
        case "string" -> all.append(await(api.get(key.toString()))).append('\n');
        case "zset" -> await(api.zrange(List.of(key.toString(), "0", "-1"))).forEach(v -> all.append(v).append('\n'));
        default -> all.append(type).append('\n');
      }
    }
    return all.toString();
  }

  @Test
  void a_secret_ballot_keeps_no_voter_or_household_id_in_redis_and_gives_each_voter_a_receipt() {
    Poll small = secret(Poll.Scale.SMALL, Rule.MAJORITY);
    Poll big = secret(Poll.Scale.BIG, Rule.CIVIL_CODE_ORDINARY);
    await(store.create(small, Map.of()));
    await(store.create(big, Map.of("7-1-101", 80_00L, "7-1-102", 90_00L)));

    PollStore.VoteResult first = secretVote(small, "generic:resident-alice", "", 1);
    PollStore.VoteResult changed = secretVote(small, "generic:resident-alice", "", 2);
    secretVote(small, "telegram:resident-bob", "", 2);
    secretVote(big, "generic:resident-carol", "7-1-101", 1);
    PollStore.VoteResult household = secretVote(big, "generic:resident-dave", "7-1-101", 2);

    assertThat(first.receipt()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
    assertThat(changed.status()).isEqualTo(PollStore.VoteResult.Status.CHANGED);
    assertThat(changed.receipt()).isEqualTo(first.receipt());
    assertThat(household.status()).isEqualTo(PollStore.VoteResult.Status.CHANGED);
    assertThat(household.previousCaster()).isEmpty();
    String redis = everythingIn(small.id());
    assertThat(redis).doesNotContain("resident-", "7-1-101|", "h:7-1-101");
    assertThat(await(store.tally(small.id(), 2)).votes()).containsExactly(0L, 2L);
    assertThat(await(store.receipts(small.id()))).extracting(PollStore.Receipt::code).contains(first.receipt())
        .hasSize(2);
    assertThat(await(store.reasons(small.id()))).containsOnly("理由：楼下太吵");
  }

  @Test
  void closing_a_secret_ballot_destroys_its_key_so_no_ballot_can_be_linked_to_a_voter_afterwards() {
    Poll p = secret(Poll.Scale.SMALL, Rule.MAJORITY);
    await(store.create(p, Map.of()));
    assertThat(await(store.find(p.id())).ballotSecret()).hasSize(32);

    await(store.close(p.id(), System.currentTimeMillis(), "chat"));

    PollStore.Stored closed = await(store.find(p.id()));
    assertThat(closed.ballotSecret()).isNull();
    assertThat(closed.closedBy()).isEqualTo("chat");
  }

  /** A secret vote as the chat casts it: under the household's keyed hash, with the voter's keyed hash. */
  private static PollStore.VoteResult memberVote(Poll p, String identity, String household, int choice) {
    PollStore.Stored stored = await(store.find(p.id()));
    return await(store.vote(Ballot.cast(p.id(), stored.ballotKey(identity, household), List.of(choice),
        System.currentTimeMillis()).fromHousehold(Optional.of(household)).ofVoter(stored.voterTag(identity))));
  }

  @Test
  void each_member_of_a_household_keeps_their_own_receipt_and_a_replaced_one_is_published_as_replaced() {
    Poll big = secret(Poll.Scale.BIG, Rule.CIVIL_CODE_ORDINARY);
    await(store.create(big, Map.of("8-1-101", 80_00L, "8-1-102", 90_00L)));

    PollStore.VoteResult a = memberVote(big, "generic:member-a", "8-1-101", 2);
    PollStore.VoteResult b = memberVote(big, "generic:member-b", "8-1-101", 1);
    PollStore.VoteResult c = memberVote(big, "generic:member-c", "8-1-102", 1);

    assertThat(b.status()).isEqualTo(PollStore.VoteResult.Status.CHANGED);
    assertThat(List.of(a.receipt(), b.receipt(), c.receipt())).doesNotHaveDuplicates();
    assertThat(await(store.receipts(big.id()))).containsExactlyInAnyOrder(
        new PollStore.Receipt(a.receipt(), List.of(), true),
        new PollStore.Receipt(b.receipt(), List.of(1), false),
        new PollStore.Receipt(c.receipt(), List.of(1), false));
    assertThat(await(store.tally(big.id(), 2)).votes()).containsExactly(2L, 0L);

    // Member a votes again: their own receipt holds the household's ballot, and b's is the replaced one.
    PollStore.VoteResult again = memberVote(big, "generic:member-a", "8-1-101", 2);
    assertThat(again.receipt()).isEqualTo(a.receipt());
    await(store.close(big.id(), System.currentTimeMillis(), "chat"));

    assertThat(await(store.receipts(big.id()))).containsExactlyInAnyOrder(
        new PollStore.Receipt(a.receipt(), List.of(2), false),
        new PollStore.Receipt(b.receipt(), List.of(), true),
        new PollStore.Receipt(c.receipt(), List.of(1), false));
    assertThat(await(store.tally(big.id(), 2)).votes()).containsExactly(1L, 1L);
    assertThat(await(redis.api().exists(List.of("poll:{" + big.id() + "}:voters"))).toInteger()).isZero();
  }

  @Test
  void a_secret_vote_adds_no_floor_area_and_the_areas_are_counted_from_the_ballots_while_open_and_at_the_close() {
    Poll big = secret(Poll.Scale.BIG, Rule.CIVIL_CODE_ORDINARY);
    await(store.create(big, Map.of("9-1-101", 73_41L, "9-1-102", 112_07L, "9-1-103", 95_00L, "9-1-104", 60_00L)));

    memberVote(big, "generic:m1", "9-1-101", 2);
    memberVote(big, "generic:m2", "9-1-101", 1);
    memberVote(big, "generic:m3", "9-1-102", 2);
    memberVote(big, "generic:m4", "9-1-103", 1);

    // Nothing a vote wrote carries an area: no area tally, no participating area.
    RedisAPI api = redis.api();
    assertThat(await(api.exists(List.of("poll:{" + big.id() + "}:area"))).toInteger()).isZero();
    assertThat(await(api.hget("poll:{" + big.id() + "}", "participatingArea")).toString()).isEqualTo("0");
    Tally open = await(store.tally(big.id(), 2));
    assertThat(open.areas()).containsExactly(73_41L + 95_00L, 112_07L);
    assertThat(open.participatingArea()).isEqualTo(73_41L + 112_07L + 95_00L);
    assertThat(open.votes()).containsExactly(2L, 1L);

    await(store.close(big.id(), System.currentTimeMillis(), "chat"));

    Tally closed = await(store.tally(big.id(), 2));
    assertThat(closed).isEqualTo(open);
    assertThat(await(store.find(big.id())).ballotSecret()).isNull();
  }

  @Test
  void votes_that_come_in_while_the_close_counts_a_secret_polls_areas_are_in_the_areas_it_keeps() {
    Poll big = secret(Poll.Scale.BIG, Rule.CIVIL_CODE_ORDINARY);
    Map<String, Long> register = new HashMap<>();
    for (int h = 0; h < 300; h++) {
      register.put("H" + h, 50_00L + h);
    }
    await(store.create(big, register));
    PollStore.Stored stored = await(store.find(big.id()));
    List<Future<PollStore.VoteResult>> votes = new ArrayList<>();
    Future<Boolean> closing = null;
    for (int h = 0; h < 300; h++) {
      String household = "H" + h;
      votes.add(store.vote(Ballot.cast(big.id(), stored.ballotKey("generic:r" + h, household), List.of(1 + h % 2),
          System.currentTimeMillis()).fromHousehold(Optional.of(household)).ofVoter(stored.voterTag("generic:r" + h))));
      if (h == 100) {
        closing = store.close(big.id(), System.currentTimeMillis(), "api");
      }
    }
    await(Future.join(new ArrayList<>(votes)));
    assertThat(await(closing)).isTrue();

    long[] areas = new long[2];
    long participating = 0;
    long counted = 0;
    for (int h = 0; h < 300; h++) {
      if (votes.get(h).result().status() == PollStore.VoteResult.Status.COUNTED) {
        areas[h % 2] += 50_00L + h;
        participating += 50_00L + h;
        counted++;
      }
    }
    Tally tally = await(store.tally(big.id(), 2));
    assertThat(tally.ballots()).isEqualTo(counted);
    assertThat(tally.areas()).containsExactly(areas[0], areas[1]);
    assertThat(tally.participatingArea()).isEqualTo(participating);
  }

  @Test
  void the_key_of_a_secret_poll_is_kept_in_redis_only_sealed_and_only_the_sealing_key_opens_it() {
    Poll p = secret(Poll.Scale.SMALL, Rule.MAJORITY);
    await(store.create(p, Map.of()));
    byte[] key = await(store.find(p.id())).ballotSecret();

    String everything = everythingIn(p.id());
    assertThat(everything).doesNotContain(java.util.Base64.getEncoder().encodeToString(key),
        java.util.HexFormat.of().formatHex(key));
    assertThat(await(redis.api().hget("poll:{" + p.id() + "}", "sealedBallotKey")).toString()).startsWith("v1:");
    PollStore other = new PollStore(redis.api(), BallotKeys.ephemeral());
    assertThat(other.find(p.id()).toCompletionStage().toCompletableFuture()).failsWithin(10, TimeUnit.SECONDS);
  }

  @Test
  void closing_a_secret_ballot_writes_its_ballots_again_in_key_order_so_the_order_of_voting_is_gone() {
    Poll p = secret(Poll.Scale.SMALL, Rule.MAJORITY);
    await(store.create(p, Map.of()));
    for (int i = 0; i < 20; i++) {
      memberVote(p, "generic:voter-" + i, "", 1 + i % 2);
    }

    await(store.close(p.id(), System.currentTimeMillis(), "chat"));

    List<String> fields = new ArrayList<>();
    await(redis.api().hkeys("poll:{" + p.id() + "}:ballots")).forEach(f -> fields.add(f.toString()));
    assertThat(fields).hasSize(20).isSorted();
  }

  @Test
  void the_deadline_closes_a_poll_only_once_its_possibly_extended_deadline_has_passed() {
    Poll p = poll(Poll.Scale.SMALL, Rule.MAJORITY, 2, 1);
    await(store.create(p, Map.of()));
    long deadline = p.closesAt().toEpochMilli();

    assertThat(await(store.close(p.id(), deadline - 1, "deadline"))).isFalse();
    assertThat(await(store.extend(p.id(), p.closesAt().plusSeconds(600)))).isTrue();
    assertThat(await(store.close(p.id(), deadline + 1, "deadline"))).isFalse();
    assertThat(await(store.close(p.id(), deadline + 600_001, "deadline"))).isTrue();
    assertThat(await(store.extend(p.id(), p.closesAt().plusSeconds(6000)))).isFalse();
  }

  static <T> T await(Future<T> future) {
    return RealRedis.await(future);
  }
}
