package org.linli.bot.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of the Lua scripts, read from their files: a header that names every KEYS and
 * ARGV, the names bound to locals at the top and used from then on, and no key name built inside a
 * script (Redis Cluster routes a script by its declared keys, so every key must be one of them).
 * That the keys of one call share a hash tag is checked by {@link LuaScript} on every call, so the
 * store tests, which run every script against a real Redis, check it for each caller.
 */
class LuaScriptsTest {

  private static final Path SCRIPTS = Path.of("src/main/resources/lua");
  private static final Path MAIN = Path.of("src/main/java");
  private static final Pattern REDIS_CALL = Pattern.compile("redis\\.p?call\\(");
  private static final Pattern LITERAL_INDEX = Pattern.compile("\\b(KEYS|ARGV)\\[\\s*\\d+\\s*]");
  private static final Pattern VARIABLE_INDEX = Pattern.compile("\\b(KEYS|ARGV)\\[\\s*[A-Za-z_]\\w*\\s*]");
  private static final Pattern BINDING = Pattern.compile("local ([\\w, ]+) = (.+)");
  private static final Pattern INPUT = Pattern.compile("(?:tonumber\\()?(KEYS|ARGV)\\[(\\d+)]\\)?");
  private static final Pattern LOAD = Pattern.compile("LuaScript\\.load\\(\"([^\"]+)\"\\)");
  private static final Pattern CONSTANT = Pattern.compile("(\\w+) = LuaScript\\.load\\(\"([^\"]+)\"\\)");
  private static final Pattern NAMED = Pattern.compile("\\.(keys?|args?)\\(\"(\\w+)\"");

  static Map<String, String> scripts = new TreeMap<>();

  @BeforeAll
  static void read() throws IOException {
    try (Stream<Path> files = Files.list(SCRIPTS)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".lua")).toList()) {
        scripts.put(p.getFileName().toString().replace(".lua", ""), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void there_are_the_scripts_of_every_store() {
    assertThat(scripts).hasSize(38).containsKeys("poll-vote", "ticket-note", "household-bind", "outbox-claim",
        "ticket-sync", "ticket-due",
        "dedupe-release",
        "feedback-vote", "gap-record", "leadership-renew", "timers-claim");
  }

  @Test
  void every_script_declares_its_keys_and_arguments_in_its_header() {
    scripts.forEach((name, source) -> {
      LuaScript script = LuaScript.of(name, source);
      assertThat(script.keyNames()).as(name + " touches at least one key").isNotEmpty();
    });
  }

  @Test
  void every_script_binds_its_declared_names_to_locals_at_the_top() {
    scripts.forEach((name, source) -> assertThat(bindingProblems(name, source)).as(name).isEmpty());
  }

  @Test
  void no_script_reads_an_input_by_position_after_binding_it() {
    scripts.forEach((name, source) -> assertThat(positionalReads(name, source)).as(name).isEmpty());
  }

  @Test
  void no_redis_call_is_given_a_key_the_script_builds_or_did_not_declare() {
    scripts.forEach((name, source) -> assertThat(undeclaredKeys(name, source)).as(name).isEmpty());
  }

  @Test
  void every_script_is_loaded_by_main_code_and_every_loaded_script_exists() throws IOException {
    Set<String> loaded = new TreeSet<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = LOAD.matcher(Files.readString(p));
        while (m.find()) {
          loaded.add(m.group(1));
        }
      }
    }
    assertThat(loaded).isEqualTo(scripts.keySet());
  }

  @Test
  void every_call_in_main_code_names_exactly_the_keys_and_arguments_its_script_declares() throws IOException {
    List<String> problems = new ArrayList<>();
    int calls = 0;
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String java = Files.readString(p);
        Matcher constant = CONSTANT.matcher(java);
        while (constant.find()) {
          LuaScript script = LuaScript.of(constant.group(2), scripts.get(constant.group(2)));
          Matcher call = Pattern.compile("\\b" + constant.group(1) + "\\.call\\(\\)(.*?)\\.run\\(", Pattern.DOTALL)
              .matcher(java);
          while (call.find()) {
            calls++;
            List<String> keys = new ArrayList<>();
            List<String> args = new ArrayList<>();
            Matcher named = NAMED.matcher(call.group(1));
            while (named.find()) {
              String name = named.group(2) + (named.group(1).endsWith("s") ? "..." : "");
              (named.group(1).startsWith("key") ? keys : args).add(name);
            }
            if (!Set.copyOf(keys).equals(Set.copyOf(script.keyNames()))
                || !Set.copyOf(args).equals(Set.copyOf(script.argNames()))) {
              problems.add(p.getFileName() + " calls " + constant.group(2) + " with keys " + keys + " and arguments "
                  + args + "; it declares " + script.keyNames() + " and " + script.argNames());
            }
          }
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(calls).isGreaterThanOrEqualTo(scripts.size());
  }

  /**
   * Statically, for every call of a script in main code: the Java expressions given as its keys,
   * followed through constants, constructor-set fields and one-line key helpers, have one hash tag
   * — the same literal ({@code tickets:{index}:…}) or the same expression ({@code poll:{«pollId»}…})
   * — so they share a slot whatever the values. (The run-time check in {@link LuaScript} catches a
   * value-dependent mistake this reading could miss, on every store test.)
   */
  @Test
  void at_every_call_site_the_keys_given_to_a_script_have_one_hash_tag() throws IOException {
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.putIfAbsent(p.getFileName().toString().replace(".java", ""), Files.readString(p));
      }
    }
    KeyTemplates templates = new KeyTemplates(sources);
    List<String> problems = new ArrayList<>();
    Map<String, Set<String>> fixedTags = new TreeMap<>();
    Map<String, Set<String>> registerTags = new TreeMap<>();
    int calls = 0;
    int keys = 0;
    for (Map.Entry<String, String> file : sources.entrySet()) {
      Matcher constant = CONSTANT.matcher(file.getValue());
      while (constant.find()) {
        Matcher call = Pattern.compile("\\b" + constant.group(1) + "\\.call\\(\\)(.*?)\\.run\\(", Pattern.DOTALL)
            .matcher(file.getValue());
        while (call.find()) {
          calls++;
          Map<String, String> tagOf = new TreeMap<>();
          for (String[] given : keyArguments(call.group(1))) {
            keys++;
            String template = given[0].equals("keys")
                ? templates.listTemplate(file.getKey(), given[2])
                : templates.template(file.getKey(), given[2]);
            tagOf.put(given[1] + " = " + template, KeyTemplates.tag(template));
          }
          Set<String> tags = new TreeSet<>(tagOf.values());
          if (tags.size() != 1) {
            problems.add(file.getKey() + " calls " + constant.group(2) + " with keys of " + tags.size()
                + " hash tags: " + tagOf.keySet());
          } else if (KeyTemplates.fixed(tags.iterator().next())) {
            fixedTags.computeIfAbsent(tags.iterator().next(), t -> new TreeSet<>()).add(constant.group(2));
          }
          if (constant.group(2).startsWith("household-")) {
            registerTags.computeIfAbsent(constant.group(2), s -> new TreeSet<>()).addAll(tagOf.values());
          }
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(calls).isGreaterThanOrEqualTo(scripts.size());
    assertThat(keys).isGreaterThan(100);
    // Scripts whose keys sit in one fixed slot whatever the call: on a cluster each of these is
    // served by one master (docs/operations.md#redis-topologies names them).
    assertThat(fixedTags.keySet()).containsExactlyInAnyOrder("index", "gaps", "events", "console");
    // The register's scripts sit in one slot per community: every key of every call has the one tag
    // the register builds from its community ({register} or {register:<id>}, HouseholdRegisterTest).
    assertThat(registerTags).containsOnlyKeys("household-upsert", "household-issue", "household-bind",
        "household-list", "household-unbind");
    registerTags.forEach((script, tags) -> assertThat(tags).as(script).containsExactly("«tag»"));
  }

  @Test
  void the_key_reader_follows_helpers_and_fields_and_keeps_what_it_cannot_follow_unknown() {
    KeyTemplates templates = new KeyTemplates(Map.of("Store", """
        final class Store {
          static final String PREFIX = "households:{register}";
          private final String base;
          Store(String queue) {
            this.base = "outbox:{" + queue + "}:";
          }
          private static String meta(String id) {
            return "poll:{" + id + "}";
          }
          private static String part(String id, String part) {
            return meta(id) + ":" + part;
          }
          private String key(String name) {
            return base + name;
          }
        }
        """));

    assertThat(templates.template("Store", "part(poll.id(), \"tally\")")).isEqualTo("poll:{«poll.id()»}:tally");
    assertThat(templates.template("Store", "PREFIX + \" tries \" + identity"))
        .isEqualTo("households:{register} tries «identity»");
    assertThat(templates.template("Store", "key(\"due\")")).isEqualTo("outbox:{«queue»}:due");
    assertThat(templates.template("Store", "other(id)")).isEqualTo("«other(id)»");
    assertThat(templates.listTemplate("Store", "names.stream().map(this::key).toList()"))
        .isEqualTo("outbox:{«queue»}:«each»");
    assertThat(KeyTemplates.tag("poll:{«p»}:tally")).isEqualTo("«p»");
    assertThat(KeyTemplates.tag("«other(id)»")).isEqualTo("«other(id)»");
  }

  @Test
  void the_slot_of_a_key_is_the_crc16_of_its_hash_tag() {
    // Values from the Redis Cluster specification and CLUSTER KEYSLOT on Redis 7.
    assertThat(KeyTemplates.slot("123456789")).isEqualTo(12739);
    assertThat(KeyTemplates.slot("foo")).isEqualTo(12182);
    assertThat(KeyTemplates.slot("{user1000}.following")).isEqualTo(KeyTemplates.slot("user1000"));
    assertThat(KeyTemplates.slot("tickets:{index}:timers")).isEqualTo(KeyTemplates.slot("index"));
  }

  /** Each {@code .key("name", expression)} or {@code .keys("name", expression)} of a call chain: {kind, name, expression}. */
  private static List<String[]> keyArguments(String chain) {
    List<String[]> out = new ArrayList<>();
    Matcher m = Pattern.compile("\\.(keys?)\\(\"(\\w+)\",").matcher(chain);
    while (m.find()) {
      int depth = 1;
      int end = m.end();
      while (depth > 0) {
        char c = chain.charAt(end++);
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      }
      out.add(new String[]{m.group(1), m.group(2), chain.substring(m.end(), end - 1).strip()});
    }
    return out;
  }

  @Test
  void the_rules_catch_a_key_built_inside_an_undeclared_key_and_a_positional_read() {
    String bad = """
        -- KEYS: poll
        -- ARGV: id, voter
        local poll = KEYS[1]
        local id = ARGV[1]
        redis.call('HSET', 'poll:' .. id .. ':votes', ARGV[2], 1)
        redis.call('SADD', id, 'x')
        redis.call('HGET', poll, KEYS[2])
        """;

    assertThat(undeclaredKeys("bad", bad)).hasSize(2);
    assertThat(positionalReads("bad", bad)).hasSize(2);
    assertThat(bindingProblems("bad", bad)).containsExactly("bad: ARGV bound as [id], declared [id, voter]");
  }

  @Test
  void a_header_without_its_argument_line_or_with_a_name_twice_is_refused() {
    assertThatThrownBy(() -> LuaScript.of("no-argv", "-- KEYS: a\nlocal a = KEYS[1]\nreturn 1\n"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("-- ARGV:");
    assertThatThrownBy(() -> LuaScript.of("twice", "-- KEYS: a, a\n-- ARGV: (none)\nreturn 1\n"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'a'");
    assertThatThrownBy(() -> LuaScript.of("open-middle", "-- KEYS: a..., b\n-- ARGV: (none)\nreturn 1\n"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("'a...'");
  }

  /**
   * The first code lines ({@code local a, b = KEYS[1], KEYS[2]}, one or more) bind the declared
   * names, in order, to KEYS[1..n] and ARGV[1..n] (an argument may be read through tonumber).
   */
  static List<String> bindingProblems(String name, String source) {
    LuaScript script = LuaScript.of(name, source);
    Map<String, List<String>> names = new TreeMap<>(Map.of("KEYS", new ArrayList<>(), "ARGV", new ArrayList<>()));
    List<String> problems = new ArrayList<>();
    for (String line : code(source).subList(0, bindingLines(source))) {
      Matcher m = BINDING.matcher(line);
      m.matches();
      List<String> locals = List.of(m.group(1).split(",\\s*"));
      List<String> values = List.of(m.group(2).split(",\\s*"));
      if (locals.size() != values.size()) {
        problems.add(name + ": " + line);
        continue;
      }
      for (int i = 0; i < values.size(); i++) {
        Matcher v = INPUT.matcher(values.get(i));
        v.matches();
        List<String> bound = names.get(v.group(1));
        if (Integer.parseInt(v.group(2)) != bound.size() + 1) {
          problems.add(name + ": " + locals.get(i) + " is bound to " + values.get(i) + " out of order");
        }
        bound.add(locals.get(i));
      }
    }
    for (String kind : List.of("KEYS", "ARGV")) {
      List<String> declared = bare(kind.equals("KEYS") ? script.keyNames() : script.argNames());
      if (!names.get(kind).equals(declared)) {
        problems.add(name + ": " + kind + " bound as " + names.get(kind) + ", declared " + declared);
      }
    }
    return problems;
  }

  /** KEYS[n] or ARGV[n] after the binding lines; KEYS[i] or ARGV[i] unless the last name is open-ended. */
  static List<String> positionalReads(String name, String source) {
    LuaScript script = LuaScript.of(name, source);
    List<String> code = code(source);
    List<String> problems = new ArrayList<>();
    for (String line : code.subList(bindingLines(source), code.size())) {
      Matcher literal = LITERAL_INDEX.matcher(line);
      while (literal.find()) {
        problems.add(name + ": reads " + literal.group() + " by position: " + line.strip());
      }
      Matcher variable = VARIABLE_INDEX.matcher(line);
      while (variable.find()) {
        List<String> names = variable.group(1).equals("KEYS") ? script.keyNames() : script.argNames();
        if (names.isEmpty() || !names.get(names.size() - 1).endsWith("...")) {
          problems.add(name + ": " + variable.group() + " but the header declares no open-ended name: " + line.strip());
        }
      }
    }
    return problems;
  }

  /** Every redis.call's key (its second argument) is a declared key name, or KEYS[i] of the open-ended rest. */
  static List<String> undeclaredKeys(String name, String source) {
    LuaScript script = LuaScript.of(name, source);
    Set<String> keys = Set.copyOf(bare(script.keyNames()));
    boolean openEnded = !script.keyNames().isEmpty()
        && script.keyNames().get(script.keyNames().size() - 1).endsWith("...");
    List<String> problems = new ArrayList<>();
    Matcher m = REDIS_CALL.matcher(source);
    while (m.find()) {
      List<String> args = arguments(source, m.end());
      String key = args.size() < 2 ? "" : args.get(1);
      boolean declared = keys.contains(key) || (openEnded && key.matches("KEYS\\[[A-Za-z_]\\w*]"));
      if (!declared) {
        problems.add(name + ": redis.call(" + String.join(", ", args) + ") is given key " + key
            + (key.contains("..") ? ", built inside the script" : ", which is not a declared key"));
      }
    }
    return problems;
  }

  /** How many code lines at the top only bind KEYS[n] and ARGV[n] to locals. */
  private static int bindingLines(String source) {
    List<String> code = code(source);
    int n = 0;
    while (n < code.size() && binding(code.get(n))) {
      n++;
    }
    return n;
  }

  private static boolean binding(String line) {
    Matcher m = BINDING.matcher(line);
    return m.matches() && Stream.of(m.group(2).split(",\\s*")).allMatch(v -> INPUT.matcher(v).matches());
  }

  /** The names without the open-ended last one (which is read in a loop, not bound). */
  private static List<String> bare(List<String> names) {
    return names.stream().filter(n -> !n.endsWith("...")).toList();
  }

  private static List<String> code(String source) {
    return source.lines().filter(l -> !l.isBlank() && !l.strip().startsWith("--")).toList();
  }

  /** The top-level, comma-separated arguments of the call whose opening parenthesis ends at {@code from}. */
  private static List<String> arguments(String source, int from) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    char quote = 0;
    for (int i = from; i < source.length(); i++) {
      char c = source.charAt(i);
      if (quote != 0) {
        current.append(c);
        if (c == '\\') {
          current.append(source.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        if (depth == 0) {
          out.add(current.toString().strip());
          return out;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(current.toString().strip());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    throw new IllegalStateException("unclosed redis.call");
  }
}
