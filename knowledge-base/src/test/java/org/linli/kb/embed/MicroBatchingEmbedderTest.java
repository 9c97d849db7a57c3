package org.linli.kb.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Questions that arrive together share model runs, but only with questions of like length: a run
 * is padded to its longest text, so a long question in a run of short ones would make every one
 * of them pay for its length.
 */
class MicroBatchingEmbedderTest {

  /** A stand-in model: each text's vector is its length and first char; every run is recorded. */
  private static final class RecordingEmbedder implements Embedder {
    final List<List<String>> runs = new CopyOnWriteArrayList<>();
    final CountDownLatch gate = new CountDownLatch(1);
    final CountDownLatch firstRunStarted = new CountDownLatch(1);

    @Override
    public int dimensions() {
      return 2;
    }

    @Override
    public float[] embed(String text) {
      return embedAll(List.of(text)).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
      runs.add(List.copyOf(texts));
      firstRunStarted.countDown();
      try {
        gate.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      List<float[]> out = new ArrayList<>();
      for (String t : texts) {
        out.add(new float[]{t.length(), t.charAt(0)});
      }
      return out;
    }

    @Override
    public String name() {
      return "recording";
    }
  }

  @Test
  void questions_waiting_together_are_run_in_groups_of_like_length_and_each_caller_gets_its_own_vector()
      throws Exception {
    RecordingEmbedder model = new RecordingEmbedder();
    MicroBatchingEmbedder batching = new MicroBatchingEmbedder(model, 1, 8);
    Map<String, float[]> results = new ConcurrentHashMap<>();

    // The first question holds the only model slot until the gate opens; the others queue behind it.
    Thread first = start("先到的问题", batching, results);
    assertThat(model.firstRunStarted.await(10, TimeUnit.SECONDS)).isTrue();
    List<String> queued = List.of(
        "狗证",
        "低保",
        "居住证怎么办",
        "身份证丢了怎么补",
        "我家老人八十多岁了，高龄津贴怎么申请，要带什么材料，能不能让子女代办？",
        "楼上天天晚上装修，电钻声吵得孩子睡不着觉，跟物业说了好几次都没用，我该找谁管？");
    List<Thread> threads = new ArrayList<>();
    for (String q : queued) {
      threads.add(start(q, batching, results));
    }
    // Every one of them is waiting in embed(), i.e. has queued its question.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (threads.stream().anyMatch(t -> t.getState() != Thread.State.TIMED_WAITING) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    model.gate.countDown();
    first.join(10_000);
    for (Thread t : threads) {
      t.join(10_000);
    }

    for (String q : queued) {
      assertThat(results.get(q)).containsExactly((float) q.length(), q.charAt(0));
    }
    List<List<String>> afterFirst = model.runs.subList(1, model.runs.size());
    assertThat(afterFirst.stream().mapToInt(List::size).sum()).isEqualTo(queued.size());
    assertThat(afterFirst).as("the shortest ones ran together, and the two long ones together")
        .anyMatch(run -> run.containsAll(List.of("狗证", "低保")))
        .anyMatch(run -> run.size() == 2 && run.stream().allMatch(q -> q.length() > 30));
    for (List<String> run : afterFirst) {
      int shortest = run.stream().mapToInt(String::length).min().orElseThrow();
      int longest = run.stream().mapToInt(String::length).max().orElseThrow();
      assertThat(longest).as("run %s", run).isLessThanOrEqualTo((int) (shortest * MicroBatchingEmbedder.SPREAD)
          + MicroBatchingEmbedder.SLACK);
    }
  }

  @Test
  void groups_break_where_the_next_text_is_much_longer_than_the_first_of_its_group() {
    List<Integer> lengths = List.of(2, 3, 6, 9, 14, 20, 40, 59, 70, 150);
    assertThat(MicroBatchingEmbedder.groups(lengths, Integer::intValue))
        .containsExactly(List.of(2, 3, 6), List.of(9, 14), List.of(20), List.of(40, 59), List.of(70), List.of(150));
  }

  private static Thread start(String question, Embedder embedder, Map<String, float[]> results) {
    Thread t = new Thread(() -> results.put(question, embedder.embed(question)));
    t.start();
    return t;
  }
}
