package org.linli.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A set of named regular expressions read from a UTF-8 {@code .rules} resource, so rule
 * vocabularies (intent patterns, question aspects) live in data files rather than in Java
 * literals. The format:
 *
 * <pre>
 * # A comment: a line whose first non-blank character is #. Blank lines are ignored.
 * KIN = (孩子|小孩|老人|
 *     妈|爸)
 * PERSON = (人|{KIN})
 * </pre>
 *
 * <ul>
 *   <li>{@code NAME = value} at the start of a line defines a rule; the name is upper-case letters,
 *       digits and {@code _}, defined once per file.
 *   <li>An indented line continues the rule above it: it is stripped and appended with nothing in
 *       between, as the Java {@code +} of two literals was. Comment lines may sit in between.
 *   <li>Leading and trailing blanks of every line are dropped: a rule never starts or ends with a
 *       space.
 *   <li>{@code {NAME}} is replaced by the expanded value of a rule defined earlier in the file. A
 *       brace after {@code \p} or {@code \P} is a Unicode class ({@code \p{P}}), not a reference;
 *       a quantifier ({@code {0,8}}) never looks like one.
 * </ul>
 *
 * <p>Every rule must compile as a Java regular expression as written. Loading fails at once, naming
 * {@code file:line}, on a malformed line, a name defined twice, an unknown or later reference, or a
 * rule that does not compile; a class that loads its rules in static fields so fails as it loads.
 * A rule compiled another way ({@link #pattern(String, Function)}, e.g. folded first) fails the
 * same way when that compilation does not.
 */
public final class RuleFile {

  private static final Pattern DEFINITION = Pattern.compile("([A-Z][A-Z0-9_]*)\\s*=\\s*(.*)");
  private static final Pattern REFERENCE = Pattern.compile("(?<!\\\\[pP])\\{([A-Z][A-Z0-9_]*)}");

  private final String source;
  private final Map<String, String> texts;
  private final Map<String, Pattern> patterns;
  private final Map<String, Integer> lines;

  private RuleFile(
      String source, Map<String, String> texts, Map<String, Pattern> patterns, Map<String, Integer> lines) {
    this.source = source;
    this.texts = texts;
    this.patterns = patterns;
    this.lines = lines;
  }

  /** Reads a classpath resource such as {@code linli/intent/danger.rules}, compiling every rule. */
  public static RuleFile load(String resource) {
    try (InputStream in = RuleFile.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses rule text; {@code source} names it in errors. */
  public static RuleFile parse(String source, String text) {
    Map<String, StringBuilder> raw = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    String current = null;
    List<String> all = text.lines().toList();
    for (int i = 0; i < all.size(); i++) {
      String line = all.get(i);
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      String where = source + ":" + (i + 1);
      if (Character.isWhitespace(line.charAt(0))) {
        if (current == null) {
          throw new IllegalStateException(where + ": continuation line before any rule");
        }
        raw.get(current).append(stripped);
        continue;
      }
      Matcher m = DEFINITION.matcher(stripped);
      if (!m.matches()) {
        throw new IllegalStateException(where + ": expected NAME = value, got: " + stripped);
      }
      current = m.group(1);
      if (raw.containsKey(current)) {
        throw new IllegalStateException(where + ": " + current + " is defined twice");
      }
      raw.put(current, new StringBuilder(m.group(2).strip()));
      lines.put(current, i + 1);
    }
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, Pattern> patterns = new LinkedHashMap<>();
    for (Map.Entry<String, StringBuilder> rule : raw.entrySet()) {
      String name = rule.getKey();
      String where = source + ":" + lines.get(name);
      String expanded = expand(rule.getValue().toString(), texts, where);
      if (expanded.isEmpty()) {
        throw new IllegalStateException(where + ": " + name + " is empty");
      }
      texts.put(name, expanded);
      try {
        patterns.put(name, Pattern.compile(expanded));
      } catch (PatternSyntaxException e) {
        throw new IllegalStateException(where + ": " + name + " does not compile: " + e.getDescription(), e);
      }
    }
    return new RuleFile(source, Map.copyOf(texts), Map.copyOf(patterns), Map.copyOf(lines));
  }

  private static String expand(String value, Map<String, String> earlier, String where) {
    Matcher m = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String known = earlier.get(m.group(1));
      if (known == null) {
        throw new IllegalStateException(where + ": {" + m.group(1) + "} is not defined earlier in the file");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(known));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The compiled rule. */
  public Pattern pattern(String name) {
    return found(patterns.get(name), name);
  }

  /**
   * The rule compiled by {@code compiler} from its expanded text (e.g. folded like the text it
   * matches); fails naming {@code file:line} when that does not compile.
   */
  public Pattern pattern(String name, Function<String, Pattern> compiler) {
    String text = text(name);
    try {
      return compiler.apply(text);
    } catch (PatternSyntaxException e) {
      throw new IllegalStateException(
          source + ":" + lines.get(name) + ": " + name + " does not compile: " + e.getDescription(), e);
    }
  }

  /** The rule's source with its references expanded, as it was compiled. */
  public String text(String name) {
    return found(texts.get(name), name);
  }

  /** The names of the rules, for checks over a whole file. */
  public Set<String> names() {
    return texts.keySet();
  }

  private <T> T found(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(source + " defines no rule " + name);
    }
    return value;
  }
}
