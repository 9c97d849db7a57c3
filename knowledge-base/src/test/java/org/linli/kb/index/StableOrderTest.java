package org.linli.kb.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.kb.Entry;
import org.linli.kb.EntryLoader;
import org.linli.kb.analysis.LinliAnalyzer;

/**
 * Scores do not depend on the JVM run: the collections the ranker and the analysis iterate have an
 * order fixed by their contents, not by the salt {@code Set.of} and {@code Map.copyOf} draw at each
 * start (the evaluation's figures moved by a question from run to run while they did).
 */
class StableOrderTest {

  private static final Pattern SALTED = Pattern.compile("\\b(Set|Map)\\.(of|copyOf|ofEntries)\\(");
  private static final List<Path> SCORING_CODE = List.of(
      Path.of("src/main/java/org/linli/kb/index"), Path.of("src/main/java/org/linli/kb/analysis"));

  @TempDir
  Path root;

  @Test
  void theRankerAndTheAnalysisKeepNoCollectionWhoseOrderChangesFromRunToRun() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path folder : SCORING_CODE) {
      assertThat(folder).isDirectory();
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          List<String> lines = Files.readAllLines(file);
          for (int i = 0; i < lines.size(); i++) {
            String code = lines.get(i).replaceAll("//.*", "");
            if (!code.trim().startsWith("*") && SALTED.matcher(code).find()) {
              found.add(file.getFileName() + ":" + (i + 1) + ": " + code.trim());
            }
          }
        }
      }
    }
    assertThat(found).as("use EntryTerms.frozen, List.copyOf or an unmodifiable Linked/HashMap").isEmpty();
  }

  @Test
  void theIndexListsItsGuidesInTheOrderTheyWereLoaded() {
    List<Entry> entries = new EntryLoader().shipped().entries();
    try (KbIndex index = KbIndex.build(entries, new LinliAnalyzer(), null, root)) {
      assertThat(index.entries()).extracting(Entry::id)
          .containsExactlyElementsOf(entries.stream().map(Entry::id).toList());
    }
  }

  @Test
  void aFrozenSetHasTheSameMembersAndRefusesChange() {
    var frozen = EntryTerms.frozen(List.of("低保", "居住", "低保"));
    assertThat(frozen).containsExactlyInAnyOrder("低保", "居住");
    assertThatThrownBy(() -> frozen.add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
