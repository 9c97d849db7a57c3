package org.linli.bot.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.redis.RedisPerClass;

/** Poll timers in a real Redis: claimed by one caller at a time, kept until done. */
class PollScheduleTest {

  @RegisterExtension
  static final RedisPerClass redis = new RedisPerClass();
  static PollSchedule schedule;

  @BeforeAll
  static void start() {
    schedule = new PollSchedule(redis.api());
  }

  @org.junit.jupiter.api.BeforeEach
  void empty() {
    redis.flush();
  }

  private static Poll poll(String id, Instant closesAt, Instant remindAt) {
    Instant now = Instant.now();
    return new Poll(id, "generic", "g1", "议题", List.of("同意", "不同意"), Poll.Scale.SMALL, Rule.MAJORITY,
        now, closesAt, remindAt, 1, false, false);
  }

  @Test
  void a_due_job_is_claimed_by_one_caller_and_again_only_after_its_lease_ends() {
    long now = System.currentTimeMillis();
    PollStoreTest.await(schedule.plan(poll("s1", Instant.ofEpochMilli(now + 1000), null)));

    assertThat(PollStoreTest.await(schedule.claim(now + 500, 60_000, 10))).isEmpty();
    List<PollSchedule.Job> first = PollStoreTest.await(schedule.claim(now + 1500, 60_000, 10));
    List<PollSchedule.Job> second = PollStoreTest.await(schedule.claim(now + 1500, 60_000, 10));
    List<PollSchedule.Job> afterLease = PollStoreTest.await(schedule.claim(now + 62_000, 60_000, 10));

    assertThat(first).extracting(PollSchedule.Job::pollId).containsExactly("s1");
    assertThat(second).isEmpty();
    assertThat(afterLease).extracting(PollSchedule.Job::pollId).containsExactly("s1");
    PollStoreTest.await(schedule.done(afterLease.get(0)));
    assertThat(PollStoreTest.await(schedule.claim(now + 200_000, 60_000, 10))).isEmpty();
  }

  @Test
  void a_job_rescheduled_while_claimed_is_not_forgotten_when_the_old_run_finishes() {
    long now = System.currentTimeMillis();
    PollStoreTest.await(schedule.plan(poll("s2", Instant.ofEpochMilli(now + 1000), Instant.ofEpochMilli(now + 500))));
    List<PollSchedule.Job> claimed = PollStoreTest.await(schedule.claim(now + 2000, 60_000, 10));
    assertThat(claimed).extracting(PollSchedule.Job::kind)
        .containsExactlyInAnyOrder(PollSchedule.Kind.REMIND, PollSchedule.Kind.CLOSE);

    PollStoreTest.await(schedule.reschedule("s2", Instant.ofEpochMilli(now + 100_000), null));
    claimed.forEach(job -> PollStoreTest.await(schedule.done(job)));

    List<PollSchedule.Job> later = PollStoreTest.await(schedule.claim(now + 100_001, 60_000, 10));
    assertThat(later).extracting(PollSchedule.Job::kind).containsExactly(PollSchedule.Kind.CLOSE);
  }
}
