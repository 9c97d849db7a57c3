package org.linli.bot.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What today's code still does against the house rules, written down so it can only shrink: each
 * entry says why it is allowed for now. Remove an entry when its class moves or changes.
 */
final class KnownExceptions {

  private KnownExceptions() {
  }

  /** Classes outside an http package that still use Vert.x HTTP server types. */
  static final Set<String> HTTP_CLASSES = Set.of(
      // The composition root starts the HTTP server on the router it builds.
      "org.linli.bot.LinliVerticle");

  static final DescribedPredicate<JavaClass> HTTP_OUTSIDE_HTTP = DescribedPredicate
      .describe("known to use HTTP outside http", c -> HTTP_CLASSES.contains(outer(c).getName()));

  /** The composition root builds everything and hands it round: it is on no ring by design. */
  static final Set<String> COMPOSITION_ROOT = Set.of("org.linli.bot.LinliVerticle", "org.linli.bot.Main");

  /** The groups of bot packages (below org.linli.bot) that depend on each other in a ring today. */
  static final List<Set<String>> CYCLES = List.of(
      // PersonalData (root) is used by consultation, gaps and helpline while Conversation (root) uses
      // them; helpline.Helpline uses http.TicketApi and Platforms (root) uses http.PlatformRoutes,
      // while http uses Conversation (root), answer and helpline.
      Set.of("(root)", "answer", "consultation", "gaps", "helpline", "household", "http"));

  private static JavaClass outer(JavaClass c) {
    JavaClass o = c;
    while (o.getEnclosingClass().isPresent()) {
      o = o.getEnclosingClass().get();
    }
    return o;
  }

  /**
   * The packages directly below {@code org.linli.bot} that sit on a dependency ring (each group is a
   * strongly connected set of two or more); asserts each group lies within one known group.
   */
  static void assertNoNewCycles(JavaClasses classes) {
    Set<Set<String>> rings = rings(classes);
    for (Set<String> ring : rings) {
      assertThat(CYCLES).as("bot packages on a dependency ring: %s (known: %s)", ring, CYCLES)
          .anySatisfy(known -> assertThat(known).containsAll(ring));
    }
  }

  static Set<Set<String>> rings(JavaClasses classes) {
    Map<String, Set<String>> edges = new TreeMap<>();
    for (JavaClass c : classes) {
      String from = slice(c);
      if (from == null) {
        continue;
      }
      edges.computeIfAbsent(from, k -> new TreeSet<>());
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String to = slice(d.getTargetClass());
        if (to != null && !to.equals(from)) {
          edges.get(from).add(to);
        }
      }
    }
    return new Tarjan(edges).rings();
  }

  /** The package directly below org.linli.bot that a class lives in (its root package is "(root)"). */
  private static String slice(JavaClass c) {
    if (COMPOSITION_ROOT.contains(outer(c).getName())) {
      return null;
    }
    String p = c.getPackageName();
    if (p.equals("org.linli.bot")) {
      return "(root)";
    }
    if (!p.startsWith("org.linli.bot.")) {
      return null;
    }
    String rest = p.substring("org.linli.bot.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  /** Tarjan's strongly connected components, keeping those of two or more. */
  private static final class Tarjan {
    private final Map<String, Set<String>> edges;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new HashSet<>();
    private final Set<Set<String>> rings = new HashSet<>();
    private int next;

    Tarjan(Map<String, Set<String>> edges) {
      this.edges = edges;
    }

    Set<Set<String>> rings() {
      edges.keySet().forEach(v -> {
        if (!index.containsKey(v)) {
          visit(v);
        }
      });
      return rings;
    }

    private void visit(String v) {
      index.put(v, next);
      low.put(v, next++);
      stack.push(v);
      onStack.add(v);
      for (String w : edges.getOrDefault(v, Set.of())) {
        if (!index.containsKey(w)) {
          visit(w);
          low.put(v, Math.min(low.get(v), low.get(w)));
        } else if (onStack.contains(w)) {
          low.put(v, Math.min(low.get(v), index.get(w)));
        }
      }
      if (low.get(v).equals(index.get(v))) {
        Set<String> component = new TreeSet<>();
        String w;
        do {
          w = stack.pop();
          onStack.remove(w);
          component.add(w);
        } while (!w.equals(v));
        if (component.size() > 1) {
          rings.add(component);
        }
      }
    }
  }
}
