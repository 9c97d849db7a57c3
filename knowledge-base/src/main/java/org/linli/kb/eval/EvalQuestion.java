package org.linli.kb.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One question of an evaluation set: its kind and what should happen: an entry id, {@code none}
 * (decline), {@code forward} (a personal case or a request for action: offer the help-line) or
 * {@code urgent} (an emergency: forward at once).
 *
 * <p>Kinds a guide answers: paraphrase, colloquial, dialect, traditional, typo, detail (a fact
 * inside one body), context (several sentences), alarming (an information question with alarming
 * words). Kinds to decline: neartopic (the same words, another matter), offtopic, chitchat. Kinds
 * for the help-line: personal, emergency.
 */
public record EvalQuestion(String kind, String expected, String text, String file, int line) {

  /** Kinds that a guide should answer. */
  public static final Set<String> IN_SCOPE = Set.of("paraphrase", "colloquial", "dialect", "traditional", "typo",
      "detail", "context", "alarming");

  /** Every kind, in the order the evaluation prints them. */
  public static final List<String> KINDS = List.of(
      "paraphrase", "colloquial", "dialect", "traditional", "typo", "detail", "context", "alarming",
      "neartopic", "offtopic", "chitchat", "personal", "emergency");

  /** True when a guide should answer this question. */
  public boolean inScope() {
    return IN_SCOPE.contains(kind);
  }

  /** True when the message should go to the help-line (a personal case or an emergency). */
  public boolean forHelpline() {
    return expected.equals("forward") || expected.equals("urgent");
  }

  /** True when the message is an emergency. */
  public boolean urgent() {
    return expected.equals("urgent");
  }

  /** Reads every {@code *.tsv} in a folder: header {@code kind<TAB>expected<TAB>question}. */
  public static List<EvalQuestion> readAll(Path dir) {
    List<EvalQuestion> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
          String line = lines.get(i);
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] cols = line.split("\t");
          if (cols.length != 3) {
            throw new IllegalArgumentException(file.getFileName() + ":" + (i + 1) + " needs 3 tab-separated columns");
          }
          out.add(new EvalQuestion(cols[0].strip(), cols[1].strip(), cols[2].strip(), file.getFileName().toString(),
              i + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
