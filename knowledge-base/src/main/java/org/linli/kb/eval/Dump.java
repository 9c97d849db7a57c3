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
import java.util.function.BiFunction;
import org.linli.kb.search.Ranking;
import org.linli.kb.search.Sample;
import org.linli.kb.search.ScoringModel;

/**
 * Writes, for error analysis, one row per question of every set with the confidence features of
 * its top guide under a model fitted on the <em>other</em> sets ({@code --dump DIR}).
 */
final class Dump {

  private Dump() {
  }

  static void write(
      Path file,
      Collection<Evidence> sets,
      BiFunction<List<Sample>, List<Sample>, EvaluationCommand.Fitted> fit) {
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
            Sample s = to.full().get(i);
            EvalQuestion q = to.questions().get(i);
            if (!s.searched()) {
              continue;
            }
            Ranking r = Ranking.of(s.candidates(), model);
            StringBuilder row = new StringBuilder();
            row.append(to.name()).append('\t').append(q.kind()).append('\t').append(q.expected()).append('\t')
                .append(r.top()).append('\t').append(String.format("%.3f", r.confidence()));
            for (double f : r.features()) {
              row.append('\t').append(String.format("%.4f", f));
            }
            out.println(row.append('\t').append(q.text()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
