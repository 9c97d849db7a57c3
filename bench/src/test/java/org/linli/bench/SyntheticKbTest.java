package org.linli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.kb.Entry;
import org.linli.kb.EntryLoader;
import org.linli.kb.index.Passage;

class SyntheticKbTest {

  private final List<Entry> shipped = new EntryLoader().shipped().entries();

  @Test
  void isDeterministicAndUnique() {
    List<Entry> a = SyntheticKb.generate(shipped, 500, SyntheticKb.SEED);
    List<Entry> b = SyntheticKb.generate(shipped, 500, SyntheticKb.SEED);
    assertThat(a).hasSize(500).isEqualTo(b);
    assertThat(new HashSet<>(a.stream().map(Entry::id).toList())).hasSize(500);
    assertThat(a.subList(0, shipped.size())).containsExactlyInAnyOrderElementsOf(shipped);
  }

  @Test
  void variantsAreShortAndReadBack(@TempDir Path dir) {
    List<Entry> entries = SyntheticKb.generate(shipped, 300, SyntheticKb.SEED);
    SyntheticKb.write(entries, dir);
    EntryLoader.Loaded loaded = new EntryLoader().fromDirectory(dir);
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.entries()).hasSize(300);
    for (Entry e : loaded.entries()) {
      if (e.id().matches(".*-\\d{4}")) {
        assertThat(e.questions()).hasSize(2);
        assertThat(e.guide().sections()).hasSize(1);
        assertThat(e.guide().summary()).isEmpty();
        assertThat(e.guide().sections().get(0).text().length()).isBetween(100, 400);
        assertThat(Passage.of(e)).hasSize(4);
      }
    }
  }
}
