package org.linli.bot.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Java expression a key is built from, as written at a call site of a {@link LuaScript},
 * into a template of literal text and unknowns ({@code "poll:{" + pollId + "}:tally"} is
 * {@code poll:{«pollId»}:tally}), following string constants, fields set once in a constructor and
 * one-line key helpers ({@code part(pollId, "tally")}) through the main sources. Its hash tag is
 * then the template between the first braces: two keys of one call whose tags are the same
 * template share a slot for every value of the unknowns. An expression it cannot follow stays an
 * unknown, so a key it does not understand is reported, never passed.
 */
final class KeyTemplates {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_]\\w*");
  private static final Pattern QUALIFIED = Pattern.compile("([A-Z]\\w*)\\.([A-Za-z_]\\w*)");
  private static final Pattern CALL = Pattern.compile("(?:([A-Za-z_]\\w*)\\.)?([a-z]\\w*)\\((.*)\\)", Pattern.DOTALL);
  private static final Pattern STREAM_MAP = Pattern.compile(
      "\\w+\\.stream\\(\\)\\.map\\((\\w+)::(\\w+)\\)\\.toList\\(\\)");

  private final Map<String, String> sources;

  /** {@code sources}: the main code, simple class name to source text. */
  KeyTemplates(Map<String, String> sources) {
    this.sources = sources;
  }

  /** The template of a key expression written in class {@code cls}. */
  String template(String cls, String expression) {
    return render(eval(cls, expression, Map.of(), 0));
  }

  /** The template of each key of a {@code .keys(name, list)} expression (one element stands for all). */
  String listTemplate(String cls, String expression) {
    Matcher stream = STREAM_MAP.matcher(expression.strip());
    if (stream.matches()) {
      // this::key names a helper of the class itself, as Owner::key does.
      String owner = stream.group(1).equals("this") ? cls : owner(cls, stream.group(1));
      List<Part> each = method(owner, stream.group(2), List.of(List.of(symbol("each"))), 0);
      return render(each == null ? List.of(symbol(expression)) : each);
    }
    Matcher call = CALL.matcher(expression.strip());
    if (call.matches()) {
      String owner = owner(cls, call.group(1));
      Matcher body = Pattern.compile("List<String> " + call.group(2) + "\\(\\)\\s*\\{(.*?)\\n  }", Pattern.DOTALL)
          .matcher(sources.getOrDefault(owner, ""));
      if (body.find()) {
        Matcher add = Pattern.compile("\\.add\\((.+?)\\);").matcher(body.group(1));
        if (add.find()) {
          return render(eval(owner, add.group(1), Map.of(), 1));
        }
      }
    }
    return render(List.of(symbol(expression)));
  }

  /** The hash tag of a template: between the first braces when not empty, else the whole template. */
  static String tag(String template) {
    int open = template.indexOf('{');
    if (open >= 0) {
      int close = template.indexOf('}', open + 1);
      if (close > open + 1) {
        return template.substring(open + 1, close);
      }
    }
    return template;
  }

  /** Whether a tag has no unknown in it (every key with it is in one fixed slot). */
  static boolean fixed(String tag) {
    return !tag.contains("«");
  }

  /** The Redis Cluster slot of a key: CRC16 (XMODEM) of its hash tag, modulo 16,384. */
  static int slot(String key) {
    int crc = 0;
    for (byte b : LuaScript.hashTag(key).getBytes(StandardCharsets.UTF_8)) {
      crc ^= (b & 0xff) << 8;
      for (int i = 0; i < 8; i++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
      crc &= 0xffff;
    }
    return crc % 16384;
  }

  private record Part(boolean literal, String text) {
  }

  private static Part symbol(String expression) {
    return new Part(false, expression.replaceAll("\\s+", ""));
  }

  private static String render(List<Part> parts) {
    StringBuilder out = new StringBuilder();
    parts.forEach(p -> out.append(p.literal() ? p.text() : "«" + p.text() + "»"));
    return out.toString();
  }

  private List<Part> eval(String cls, String expression, Map<String, List<Part>> bound, int depth) {
    String e = expression.strip();
    if (depth > 12) {
      return List.of(symbol(e));
    }
    List<String> terms = split(e);
    if (terms.size() > 1) {
      List<Part> out = new ArrayList<>();
      terms.forEach(t -> out.addAll(eval(cls, t, bound, depth + 1)));
      return out;
    }
    if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") && e.indexOf('"', 1) == e.length() - 1) {
      return List.of(new Part(true, e.substring(1, e.length() - 1)));
    }
    if (IDENTIFIER.matcher(e).matches()) {
      if (bound.containsKey(e)) {
        return bound.get(e);
      }
      String value = field(cls, e);
      return value == null ? List.of(symbol(e)) : eval(cls, value, Map.of(), depth + 1);
    }
    Matcher qualified = QUALIFIED.matcher(e);
    if (qualified.matches() && sources.containsKey(qualified.group(1))) {
      String value = field(qualified.group(1), qualified.group(2));
      return value == null ? List.of(symbol(e)) : eval(qualified.group(1), value, Map.of(), depth + 1);
    }
    Matcher call = CALL.matcher(e);
    if (call.matches() && (call.group(1) == null || sources.containsKey(call.group(1)))) {
      List<List<Part>> args = new ArrayList<>();
      for (String arg : arguments(call.group(3))) {
        args.add(eval(cls, arg, bound, depth + 1));
      }
      List<Part> result = method(owner(cls, call.group(1)), call.group(2), args, depth + 1);
      return result == null ? List.of(symbol(e)) : result;
    }
    return List.of(symbol(e));
  }

  private String owner(String cls, String qualifier) {
    return qualifier == null ? cls : qualifier;
  }

  /** A one-line {@code String name(String a, ...) { return ...; }} of class {@code cls}, applied. */
  private List<Part> method(String cls, String name, List<List<Part>> args, int depth) {
    Matcher m = Pattern.compile("String " + name + "\\(([^)]*)\\)\\s*\\{\\s*return ([^;]+);\\s*}")
        .matcher(sources.getOrDefault(cls, ""));
    if (!m.find()) {
      return null;
    }
    List<String> params = m.group(1).isBlank() ? List.of() : List.of(m.group(1).split(","));
    if (params.size() != args.size()) {
      return null;
    }
    Map<String, List<Part>> bound = new HashMap<>();
    for (int i = 0; i < params.size(); i++) {
      String[] typeAndName = params.get(i).strip().split("\\s+");
      bound.put(typeAndName[typeAndName.length - 1], args.get(i));
    }
    return eval(cls, m.group(2), bound, depth);
  }

  /** A string field's initializer, or the one value a constructor gives it; null when neither. */
  private String field(String cls, String name) {
    String source = sources.getOrDefault(cls, "");
    Matcher init = Pattern.compile("final String " + name + " = ([^;]+);").matcher(source);
    if (init.find()) {
      return init.group(1);
    }
    Matcher assigned = Pattern.compile("this\\." + name + " = ([^;]+);").matcher(source);
    if (!assigned.find()) {
      return null;
    }
    String value = assigned.group(1);
    return assigned.find() || value.strip().equals(name) ? null : value;
  }

  /** Top-level terms of a string concatenation. */
  private static List<String> split(String e) {
    return topLevel(e, '+');
  }

  /** Top-level, comma-separated arguments. */
  static List<String> arguments(String list) {
    if (list.isBlank()) {
      return new ArrayList<>();
    }
    return new ArrayList<>(topLevel(list, ',').stream().map(String::strip).toList());
  }

  /** The parts of {@code text} between the {@code separator}s outside quotes and parentheses. */
  private static List<String> topLevel(String text, char separator) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == separator && depth == 0) {
        out.add(text.substring(start, i));
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    return out;
  }

}
