package org.linli.kb.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BgeSmallZhEmbedderTest {

  @TempDir
  static Path data;

  @Test
  void closing_the_model_while_questions_are_embedded_waits_for_them_and_refuses_the_next() throws Exception {
    BgeSmallZhEmbedder embedder = BgeSmallZhEmbedder.load(data, 1);
    String question = "我家老人今年八十五岁了，腿脚不太方便，听说有高龄津贴，请问要准备哪些材料，去哪里办理？";
    int threads = 4;
    CountDownLatch running = new CountDownLatch(threads);
    AtomicInteger embedded = new AtomicInteger();
    AtomicReference<Throwable> unexpected = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        running.countDown();
        try {
          while (true) {
            assertThat(embedder.embed(question)).hasSize(embedder.dimensions());
            embedded.incrementAndGet();
          }
        } catch (IllegalStateException closed) {
          if (!"The embedding model is closed".equals(closed.getMessage())) {
            unexpected.set(closed);
          }
        } catch (Throwable e) {
          unexpected.set(e);
        }
      });
      worker.start();
      workers.add(worker);
    }
    running.await();
    Thread.sleep(300);

    // Before the lock, this closed the native session under a run: the JVM died with SIGSEGV.
    embedder.close();
    for (Thread worker : workers) {
      worker.join(10_000);
    }

    assertThat(unexpected.get()).isNull();
    assertThat(embedded.get()).isPositive();
    assertThat(workers).noneMatch(Thread::isAlive);
    assertThatThrownBy(() -> embedder.embed(question)).isInstanceOf(IllegalStateException.class)
        .hasMessage("The embedding model is closed");
  }
}
