package org.linli.bot.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Main code sends no command a Redis Cluster cannot route to the one node of its keys: no
 * {@code KEYS}, {@code SCAN}, {@code MULTI}/{@code EXEC}, {@code SCRIPT LOAD} (it would reach any
 * one node) or {@code FLUSHALL}, and a command over several keys only where they share a hash tag.
 * Atomic changes over several keys are Lua scripts, checked by {@link LuaScriptsTest}.
 */
class ClusterSafeCommandsTest {

  private static final Path MAIN = Path.of("src/main/java");
  private static final Pattern CALL = Pattern.compile("\\bredis\\.(\\w+)\\(");
  private static final List<String> NEVER = List.of("keys", "scan", "multi", "exec", "watch", "script", "flushall",
      "flushdb", "randomkey", "dbsize", "move", "select", "swapdb", "wait");
  private static final List<String> SEVERAL_KEYS = List.of("mget", "mset", "msetnx", "del", "unlink", "exists",
      "touch", "rename", "renamenx", "sunion", "sinter", "sdiff", "sunionstore", "sinterstore", "sdiffstore", "smove",
      "zunion", "zinter", "zdiff", "zunionstore", "zinterstore", "zdiffstore", "lmove", "rpoplpush", "blmove", "copy",
      "pfcount", "pfmerge", "bitop");
  /** Where a command over several keys is allowed, and why they share a slot. */
  private static final Map<String, String> REVIEWED = Map.of(
      "TicketIndex.java:zinter", "both keys are tickets:{index}:… (TicketStore.waitingFor)",
      "Sessions.java:del", "an account's sessions are all console:{console}:… (ConsoleKeys)",
      "LoginThrottle.java:mget", "both counters are console:{console}:… (ConsoleKeys)");
  /** Server commands the embedded Redis's own file maintenance sends; never used on an operator's Redis. */
  private static final Map<String, List<String>> EMBEDDED_ONLY = Map.of(
      "PersistenceRewrite.java", List.of("bgrewriteaof", "bgsave", "info"));

  @Test
  void main_code_sends_no_command_a_cluster_cannot_route_by_key() throws IOException {
    List<String> problems = new ArrayList<>();
    int calls = 0;
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String file = p.getFileName().toString();
        if (file.equals("EmbeddedRedis.java")) {
          continue; // speaks to its own child process, not through the service's client
        }
        String java = Files.readString(p);
        Matcher m = CALL.matcher(java);
        while (m.find()) {
          calls++;
          String command = m.group(1);
          String args = balanced(java, m.end());
          if (EMBEDDED_ONLY.getOrDefault(file, List.of()).contains(command)) {
            continue;
          }
          if (NEVER.contains(command) || command.equals("info") || command.startsWith("bg")) {
            problems.add(file + ": redis." + command + "(...)");
          } else if (SEVERAL_KEYS.contains(command) && !REVIEWED.containsKey(file + ":" + command)
              && !oneKey(args)) {
            problems.add(file + ": redis." + command + "(" + args + ") over several keys");
          }
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(calls).isGreaterThan(50);
  }

  @Test
  void a_command_is_over_one_key_only_when_it_is_given_a_list_of_one() {
    assertThat(oneKey("List.of(PREFIX + id)")).isTrue();
    assertThat(oneKey("List.of(key(\"a\"), other)")).isFalse();
    assertThat(oneKey("keys")).isFalse();
  }

  private static boolean oneKey(String args) {
    return args.startsWith("List.of(") && args.endsWith(")")
        && KeyTemplates.arguments(args.substring("List.of(".length(), args.length() - 1)).size() == 1;
  }

  /** The text from {@code from} to the parenthesis that closes the one opened just before it. */
  private static String balanced(String java, int from) {
    int depth = 1;
    int i = from;
    while (i < java.length() && depth > 0) {
      char c = java.charAt(i++);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    }
    return java.substring(from, i - 1);
  }
}
