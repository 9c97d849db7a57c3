package org.linli.kb.intent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores the classifier on a labelled set, one {@code label<TAB>text} a line ({@code #} starts a
 * comment): labels are {@code urgent}, {@code help}, {@code question} and {@code chitchat}. Prints
 * accuracy, the confusions and every miss with the rule that decided, so a rule can be fixed where
 * it went wrong: {@code java -cp ... org.linli.kb.intent.IntentCheck labelled.tsv}.
 */
public final class IntentCheck {

  /** One labelled message. */
  public record Case(String label, String text) {
  }

  /** How the classifier did: confusions are counted as {@code expected -> got}. */
  public record Result(int total, int correct, Map<String, Integer> confusions, List<String> misses) {

    /** A few lines for a terminal. */
    public String summary() {
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT, "%d/%d correct (%.1f%%)%n", correct, total,
          total == 0 ? 0 : 100.0 * correct / total));
      confusions.forEach((k, v) -> out.append(String.format(Locale.ROOT, "  %-22s %d%n", k, v)));
      misses.forEach(m -> out.append("  miss ").append(m).append('\n'));
      return out.toString();
    }
  }

  private IntentCheck() {
  }

  /** The label the classifier gives a message. */
  public static String label(Intent intent) {
    if (intent.urgent()) {
      return "urgent";
    }
    return switch (intent.kind()) {
      case HELP_REQUEST -> "help";
      case QUESTION -> "question";
      case CHITCHAT -> "chitchat";
    };
  }

  /** Parses {@code label<TAB>text} lines, skipping blanks and comments. */
  public static List<Case> parse(List<String> lines) {
    List<Case> cases = new ArrayList<>();
    for (String line : lines) {
      int tab = line.indexOf('\t');
      if (line.isBlank() || line.startsWith("#") || tab < 0) {
        continue;
      }
      cases.add(new Case(line.substring(0, tab).strip().toLowerCase(Locale.ROOT), line.substring(tab + 1)));
    }
    return cases;
  }

  /** Classifies every case and compares. */
  public static Result run(IntentClassifier classifier, List<Case> cases) {
    int correct = 0;
    Map<String, Integer> confusions = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    for (Case c : cases) {
      Intent intent = classifier.classify(c.text());
      String got = label(intent);
      if (got.equals(c.label())) {
        correct++;
      } else {
        confusions.merge(c.label() + " -> " + got, 1, Integer::sum);
        misses.add(c.label() + " -> " + got + " [" + intent.rule() + "] " + c.text());
      }
    }
    return new Result(cases.size(), correct, confusions, misses);
  }

  /** Scores the file given as the only argument. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: IntentCheck labelled.tsv   (label<TAB>text; labels urgent, help, question, chitchat)");
      System.exit(2);
    }
    List<Case> cases = parse(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8));
    System.out.print(run(new IntentClassifier(), cases).summary());
  }
}
