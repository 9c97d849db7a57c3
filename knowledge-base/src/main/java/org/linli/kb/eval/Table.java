package org.linli.kb.eval;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linli.kb.intent.Intent;
import org.linli.kb.intent.MessageKind;
import org.linli.kb.search.Calibrator;

/**
 * Prints what the service did with each question of a set, by kind, and the headline figures:
 * in-scope answered with the right guide, out-of-scope declined, confidently wrong (a guide given
 * where it was the wrong one or none was wanted, as a share of all questions) and emergency recall.
 */
final class Table {

  /** The headline figures of one table, for summaries. */
  record Figures(double inScopeTop1, double declined, double confidentlyWrong, double emergencyRecall, int n) {
  }

  private Table() {
  }

  static Figures print(
      PrintStream out, String title, Evidence evidence, Calibrator.Decision[] decisions, boolean verbose) {
    out.println();
    out.println("== " + title);
    out.printf("%-12s %5s %10s %10s %10s %10s %10s%n", "kind", "n", "answered✓", "top-1 any", "declined", "forwarded",
        "wrong");
    Map<String, int[]> byKind = new LinkedHashMap<>();
    EvalQuestion.KINDS.forEach(k -> byKind.put(k, new int[6]));
    int inN = 0, inOk = 0, outN = 0, outDeclined = 0, wrong = 0, urgentN = 0, urgentOk = 0;
    for (int i = 0; i < decisions.length; i++) {
      EvalQuestion q = evidence.questions().get(i);
      Intent intent = evidence.intents().get(i);
      Calibrator.Decision d = decisions[i];
      int[] c = byKind.computeIfAbsent(q.kind(), k -> new int[6]);
      boolean right = q.expected().equals(d.top());
      boolean forwarded = intent.kind() == MessageKind.HELP_REQUEST;
      boolean wrongAnswer = d.answered() && !right;
      c[0]++;
      c[1] += d.answered() && right ? 1 : 0;
      c[2] += right ? 1 : 0;
      c[3] += d.answered() ? 0 : 1;
      c[4] += forwarded ? 1 : 0;
      c[5] += wrongAnswer ? 1 : 0;
      wrong += wrongAnswer ? 1 : 0;
      if (q.inScope()) {
        inN++;
        inOk += d.answered() && right ? 1 : 0;
      } else if (!q.forHelpline()) {
        outN++;
        outDeclined += d.answered() ? 0 : 1;
      }
      if (q.urgent()) {
        urgentN++;
        urgentOk += forwarded && intent.urgent() ? 1 : 0;
      }
      boolean miss = q.inScope() ? !(d.answered() && right) : q.forHelpline() ? !forwarded : d.answered();
      if (verbose && miss) {
        out.printf("  miss [%s] %s -> %s %s, wanted %s (%s)%n", q.kind(), q.text(),
            forwarded ? "forwarded" : d.answered() ? "answered" : "declined", d.top(), q.expected(), intent.rule());
      }
    }
    for (Map.Entry<String, int[]> e : byKind.entrySet()) {
      int[] c = e.getValue();
      if (c[0] > 0) {
        out.printf("%-12s %5d %10s %10s %10s %10s %10s%n", e.getKey(), c[0], pct(c[1], c[0]), pct(c[2], c[0]),
            pct(c[3], c[0]), pct(c[4], c[0]), pct(c[5], c[0]));
      }
    }
    int n = decisions.length;
    out.printf("in-scope top-1 %s of %d | out-of-scope declined %s of %d | confidently wrong %s of %d"
        + " | emergency recall %s of %d%n", pct(inOk, inN), inN, pct(outDeclined, outN), outN, pct(wrong, n), n,
        pct(urgentOk, urgentN), urgentN);
    return new Figures(share(inOk, inN), share(outDeclined, outN), share(wrong, n), share(urgentOk, urgentN), n);
  }

  /** Precision and recall of the intent classifier for each class, on one set. */
  static void printIntents(PrintStream out, Evidence evidence) {
    List<String> classes = List.of("emergency", "help request", "question", "small talk");
    int[][] counts = new int[classes.size()][3]; // true positives, predicted, actual
    for (int i = 0; i < evidence.questions().size(); i++) {
      int actual = classes.indexOf(actual(evidence.questions().get(i)));
      int predicted = classes.indexOf(predicted(evidence.intents().get(i)));
      counts[predicted][1]++;
      counts[actual][2]++;
      if (actual == predicted) {
        counts[actual][0]++;
      }
    }
    out.println();
    out.println("== intent on " + evidence.name() + " (" + evidence.questions().size() + " messages)");
    out.printf("%-13s %6s %10s %10s%n", "class", "n", "precision", "recall");
    for (int k = 0; k < classes.size(); k++) {
      out.printf("%-13s %6d %10s %10s%n", classes.get(k), counts[k][2], pct(counts[k][0], counts[k][1]),
          pct(counts[k][0], counts[k][2]));
    }
  }

  private static String actual(EvalQuestion q) {
    if (q.urgent()) {
      return "emergency";
    }
    if (q.forHelpline()) {
      return "help request";
    }
    return q.kind().equals("chitchat") ? "small talk" : "question";
  }

  private static String predicted(Intent intent) {
    return switch (intent.kind()) {
      case HELP_REQUEST -> intent.urgent() ? "emergency" : "help request";
      case CHITCHAT -> "small talk";
      case QUESTION -> "question";
    };
  }

  private static double share(int part, int whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }

  static String pct(int part, int whole) {
    return whole == 0 ? "-" : String.format("%.1f%%", 100.0 * part / whole);
  }
}
