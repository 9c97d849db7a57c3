package org.linli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class HttpLoadTest {

  @Test
  void bodiesAreValidJson() {
    String text = "他说\"居住证\"要带\\什么\n材料\t吗 \u0001 🏠";
    String body = HttpLoad.body("{\"chat\":\"c\",\"text\":\"%s\"}", text);
    assertThat(new JsonObject(body).getString("text")).isEqualTo(text);
  }

  @Test
  void percentilesAreNearestRank() {
    long[] ns = new long[100];
    for (int i = 0; i < 100; i++) {
      ns[i] = (i + 1) * 1_000_000L;
    }
    assertThat(HttpLoad.percentile(ns, 50)).isEqualTo(50.0);
    assertThat(HttpLoad.percentile(ns, 99)).isEqualTo(99.0);
    assertThat(HttpLoad.percentile(ns, 100)).isEqualTo(100.0);
    assertThat(HttpLoad.percentile(new long[0], 50)).isNaN();
  }

  @Test
  void loadGeneratorPassesItsSelfTest() throws Exception {
    assertThat(SelfTest.run(8, 1, 2)).isTrue();
  }
}
