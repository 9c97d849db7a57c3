package org.linli.kb.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.kb.ChineseScript;

/**
 * The words residents use for what the guides call by their administrative names: colloquial and
 * dialect words (咋整, 莫得, 屋企, 侬) and Taiwan and Hong Kong terms (健保, 户政事务所, 公屋), each
 * rewritten to the term the guides use, so a question meets its guide in words and in vectors.
 *
 * <p>The shipped list is {@code linli/lexicon.tsv}: {@code from<TAB>to<TAB>kind<TAB>note} lines,
 * and {@code !word} lines naming longer words that must be left as they are (娃娃菜 is not a child).
 * Rewriting scans left to right taking the longest word known at each position, so a guard
 * or a longer entry always beats a shorter one starting at the same place.
 */
public final class ResidentLexicon {

  /** Where the shipped lexicon lives on the class path. */
  public static final String RESOURCE = "linli/lexicon.tsv";

  /** What kind of speech an entry comes from; the file must use one of these. */
  public static final Set<String> KINDS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
      "colloquial",
      "dialect-north",
      "dialect-southwest",
      "dialect-yue",
      "dialect-wu",
      "tw-hk",
      "typo")));

  /** One line of the lexicon: {@code from} is rewritten to {@code to}. */
  public record Rule(String from, String to, String kind, String note) {
  }

  private static final int MAX_PASSES = 3;
  private static volatile ResidentLexicon shipped;

  private final List<Rule> rules;
  private final Set<String> guards;
  /** Words by their first character, longest first; a guard maps to itself. */
  private final Map<Character, String[][]> byFirst;
  /** Which characters start a known word: most characters of a question do not, and skip the map. */
  private final boolean[] starts = new boolean[Character.MAX_VALUE + 1];

  private ResidentLexicon(List<Rule> rules, Set<String> guards) {
    this.rules = List.copyOf(rules);
    this.guards = Collections.unmodifiableSet(new HashSet<>(guards));
    Map<Character, List<String[]>> grouped = new HashMap<>();
    for (Rule rule : rules) {
      grouped.computeIfAbsent(rule.from().charAt(0), c -> new ArrayList<>()).add(new String[]{rule.from(), rule.to()});
    }
    for (String guard : guards) {
      grouped.computeIfAbsent(guard.charAt(0), c -> new ArrayList<>()).add(new String[]{guard, guard});
    }
    Map<Character, String[][]> index = new HashMap<>();
    grouped.forEach(
        (first, words) -> {
          words.sort(Comparator.comparingInt((String[] w) -> w[0].length()).reversed());
          index.put(first, words.toArray(new String[0][]));
          starts[first] = true;
        });
    // A hash map, not Map.copyOf: neighbouring characters have neighbouring hashes, and its open
    // addressing would probe long runs of them.
    this.byFirst = Collections.unmodifiableMap(index);
  }

  /**
   * What the knowledge base matches on, for guides and questions alike: the text folded
   * ({@link ChineseScript#fold}) and residents' words rewritten with the shipped lexicon.
   */
  public static String matchForm(String text) {
    return shipped().normalise(withoutSymbols(ChineseScript.fold(text)));
  }

  /**
   * The text without pictographs, other symbols and modifier symbols (😂 🙏 🐶 ☀ 🇨🇳 ˂ ¨): they
   * say how a resident feels, not what they ask, and the embedding model would otherwise read them
   * as meaning (and the tokenizer would glue a modifier symbol to a digit).
   */
  static String withoutSymbols(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length();) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
      } else if (out != null) {
        out.appendCodePoint(cp);
      }
      i = next;
    }
    return out == null ? text : out.toString();
  }

  /** The lexicon shipped with Linli, read once. */
  public static ResidentLexicon shipped() {
    ResidentLexicon lexicon = shipped;
    if (lexicon == null) {
      synchronized (ResidentLexicon.class) {
        lexicon = shipped;
        if (lexicon == null) {
          lexicon = parse(readResource(), RESOURCE);
          shipped = lexicon;
        }
      }
    }
    return lexicon;
  }

  /**
   * Reads a lexicon from its text; {@code origin} names it in messages. A line that is not a
   * comment, a guard or four (or three) tab-separated columns with a known kind is refused, as is
   * a word that is not already folded (Simplified, lower-case), since it could never match.
   */
  public static ResidentLexicon parse(String text, String origin) {
    List<Rule> rules = new ArrayList<>();
    Set<String> guards = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    String[] lines = text.replace("\r\n", "\n").replaceFirst("^\uFEFF", "").split("\n");
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n];
      String where = origin + " line " + (n + 1);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("!")) {
        String guard = folded(line.substring(1).strip(), where);
        if (!guards.add(guard)) {
          throw new IllegalArgumentException(where + ": guard '" + guard + "' is listed twice");
        }
        continue;
      }
      String[] columns = line.split("\t", -1);
      if (columns.length < 3 || columns.length > 4) {
        throw new IllegalArgumentException(where + ": expected from<TAB>to<TAB>kind<TAB>note, got '" + line + "'");
      }
      String from = folded(columns[0].strip(), where);
      String to = folded(columns[1].strip(), where);
      String kind = columns[2].strip();
      if (!KINDS.contains(kind)) {
        throw new IllegalArgumentException(where + ": unknown kind '" + kind + "', expected one of " + KINDS);
      }
      if (from.equals(to)) {
        throw new IllegalArgumentException(where + ": '" + from + "' is rewritten to itself");
      }
      if (!seen.add(from)) {
        throw new IllegalArgumentException(where + ": '" + from + "' is listed twice");
      }
      rules.add(new Rule(from, to, kind, columns.length == 4 ? columns[3].strip() : ""));
    }
    for (String guard : guards) {
      if (seen.contains(guard)) {
        throw new IllegalArgumentException(origin + ": '" + guard + "' is both a guard and an entry");
      }
    }
    return new ResidentLexicon(rules, guards);
  }

  /**
   * Rewrites residents' words to the guides' words in {@code text}, which must already be folded
   * ({@link ChineseScript#fold}). Text the lexicon does not know is kept as it is.
   */
  public String normalise(String text) {
    // A rewritten word and the text after it can form another known word (几多 + 钿 -> 多少钿):
    // a second pass catches it, so the result is stable when normalised again.
    String out = text;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      String next = pass(out);
      if (next.equals(out)) {
        return out;
      }
      out = next;
    }
    return out;
  }

  private String pass(String text) {
    StringBuilder out = null;
    int length = text.length();
    for (int i = 0; i < length;) {
      char c = text.charAt(i);
      String[][] words = starts[c] ? byFirst.get(c) : null;
      String[] match = null;
      if (words != null) {
        for (String[] word : words) {
          if (text.startsWith(word[0], i)) {
            match = word;
            break;
          }
        }
      }
      if (match == null) {
        if (out != null) {
          out.append(c);
        }
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(length + 16).append(text, 0, i);
      }
      out.append(match[1]);
      i += match[0].length();
    }
    return out == null ? text : out.toString();
  }

  /** Every entry, in file order. */
  public List<Rule> rules() {
    return rules;
  }

  /** The words that are kept as they are although a shorter entry starts inside them. */
  public Set<String> guards() {
    return guards;
  }

  private static String folded(String word, String where) {
    if (word.isEmpty()) {
      throw new IllegalArgumentException(where + ": empty word");
    }
    if (!ChineseScript.fold(word).equals(word)) {
      throw new IllegalArgumentException(
          where + ": '" + word + "' is not folded; write it as '" + ChineseScript.fold(word) + "'");
    }
    return word;
  }

  private static String readResource() {
    try (InputStream in = ResidentLexicon.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The lexicon " + RESOURCE + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }
}
