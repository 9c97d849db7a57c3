package org.linli.kb.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.linli.kb.KnowledgeBase;
import org.linli.kb.search.Ranking;
import org.linli.kb.search.Sample;
import org.linli.kb.search.ScoringModel;

/**
 * Writes, for error analysis, one row per question of every set with the confidence features of
 * its top guide under a model fitted on the <em>other</em> sets ({@code --dump DIR}), followed by
 * one row per self-calibration sample of the set's own guides (kind {@code self-in}: a held-out
 * alternative question; {@code self-out}: an off-scope one), so that the features of residents'
 * questions and of the guides' own questions can be compared set by set.
 */
final class Dump {

  private Dump() {
  }

  static void write(
      Path file,
      Collection<Evidence> sets,
      BiFunction<List<Sample>, List<Sample>, EvaluationCommand.Fitted> fit,
      Map<String, KnowledgeBase.SelfSamples> selfs) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
        out.println("set\tkind\texpected\ttop\tconfidence\t" + String.join("\t", ScoringModel.FEATURES) + "\tquestion");
        for (Evidence to : sets) {
          List<Sample> full = new ArrayList<>();
          List<Sample> words = new ArrayList<>();
          sets.stream().filter(e -> e != to).forEach(e -> {
            full.addAll(e.full());
            words.addAll(e.words());
          });
          if (full.isEmpty()) {
            continue;
          }
          ScoringModel model = fit.apply(full, words).model();
          for (int i = 0; i < to.full().size(); i++) {
            EvalQuestion q = to.questions().get(i);
            row(out, to.name(), q.kind(), q.expected(), to.full().get(i), model, q.text());
          }
          for (Sample s : selfs.get(to.name()).real()) {
            row(out, to.name(), s.inScope() ? "self-in" : "self-out", s.expected(), s, model, "-");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void row(
      PrintWriter out, String set, String kind, String expected, Sample s, ScoringModel model, String text) {
    if (!s.searched()) {
      return;
    }
    Ranking r = Ranking.of(s.candidates(), model);
    StringBuilder row = new StringBuilder();
    row.append(set).append('\t').append(kind).append('\t').append(expected).append('\t').append(r.top())
        .append('\t').append(String.format("%.3f", r.confidence()));
    for (double f : r.features()) {
      row.append('\t').append(String.format("%.4f", f));
    }
    out.println(row.append('\t').append(text));
  }
}
