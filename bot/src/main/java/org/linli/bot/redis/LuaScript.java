package org.linli.bot.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Lua script kept as the resource {@code lua/<name>.lua}, read once and run by its SHA
 * (EVALSHA); a node that does not know it (after a restart, a SCRIPT FLUSH, a failover, or any
 * master of a cluster the first time) is sent the source once with EVAL, routed by the keys like
 * EVALSHA, which caches it there. Every change that must be atomic is one of these.
 *
 * <p>The script's header names its inputs, in order: {@code -- KEYS: poll, votes} and {@code --
 * ARGV: voter, now} ({@code (none)} for none; a last name ending in {@code ...} takes the rest).
 * Callers pass them by name through {@link #call()}; a call that misses a name, gives an unknown
 * one, or passes keys of different hash slots fails before it reaches Redis, so every script runs
 * on one cluster slot.
 */
public final class LuaScript {

  private final String name;
  private final String source;
  private final String sha;
  private final Names keys;
  private final Names args;

  private LuaScript(String name, String source) {
    this.name = name;
    this.source = source;
    this.sha = sha1(source);
    this.keys = Names.parse(name, source, "KEYS", "key");
    this.args = Names.parse(name, source, "ARGV", "argument");
  }

  /** The script in resource {@code lua/<name>.lua}; fails at once if it is missing or its header is not valid. */
  public static LuaScript load(String name) {
    String path = "lua/" + name + ".lua";
    try (InputStream in = LuaScript.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no Lua script " + path + " on the classpath");
      }
      return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path, e);
    }
  }

  /** A script from its source text, named {@code name} in errors (for tests of the header rules). */
  static LuaScript of(String name, String source) {
    return new LuaScript(name, source);
  }

  /** The names of the script's KEYS, in order (a last one ending in {@code ...} takes the rest). */
  public List<String> keyNames() {
    return keys.declared();
  }

  /** The names of the script's ARGV, in order (a last one ending in {@code ...} takes the rest). */
  public List<String> argNames() {
    return args.declared();
  }

  /** Starts a call: give every key and argument by name, then {@link Call#run}. */
  public Call call() {
    return new Call();
  }

  /**
   * The part of a key Redis Cluster hashes: the text between the first {@code {} and the next
   * {@code }} when that is not empty, else the whole key.
   */
  static String hashTag(String key) {
    int open = key.indexOf('{');
    if (open >= 0) {
      int close = key.indexOf('}', open + 1);
      if (close > open + 1) {
        return key.substring(open + 1, close);
      }
    }
    return key;
  }

  /** One run of the script with named keys and arguments. */
  public final class Call {

    private final Map<String, List<String>> givenKeys = new HashMap<>();
    private final Map<String, List<String>> givenArgs = new HashMap<>();

    private Call() {
    }

    /** The key named {@code keyName} in the header. */
    public Call key(String keyName, String value) {
      put(keys, givenKeys, keyName, List.of(value), false);
      return this;
    }

    /** The keys of the header's last, open-ended key name ({@code name...}). */
    public Call keys(String keyName, List<String> values) {
      put(keys, givenKeys, keyName, List.copyOf(values), true);
      return this;
    }

    /** The argument named {@code argName} in the header. */
    public Call arg(String argName, String value) {
      put(args, givenArgs, argName, List.of(value), false);
      return this;
    }

    /** The argument named {@code argName} in the header, as a decimal number. */
    public Call arg(String argName, long value) {
      return arg(argName, String.valueOf(value));
    }

    /** The arguments of the header's last, open-ended argument name ({@code name...}). */
    public Call args(String argName, List<String> values) {
      put(args, givenArgs, argName, List.copyOf(values), true);
      return this;
    }

    /** Runs the script; throws {@link IllegalArgumentException} when a name is missing or the keys span slots. */
    public Future<Response> run(RedisAPI redis) {
      List<String> keyValues = keys.ordered(givenKeys);
      List<String> argValues = args.ordered(givenArgs);
      for (String key : keyValues) {
        if (!hashTag(key).equals(hashTag(keyValues.get(0)))) {
          throw new IllegalArgumentException("Lua script " + name + ": keys " + keyValues.get(0) + " and " + key
              + " are in different hash slots; give them one hash tag {...}");
        }
      }
      List<String> bySha = command(sha, keyValues, argValues);
      // EVAL, like EVALSHA, goes to the node of the keys (SCRIPT LOAD would go to any one node),
      // and leaves the script cached there for the next EVALSHA.
      return redis.evalsha(bySha).recover(e -> noScript(e)
          ? redis.eval(command(source, keyValues, argValues))
          : Future.failedFuture(e));
    }

    private static List<String> command(String script, List<String> keyValues, List<String> argValues) {
      List<String> all = new ArrayList<>(2 + keyValues.size() + argValues.size());
      all.add(script);
      all.add(String.valueOf(keyValues.size()));
      all.addAll(keyValues);
      all.addAll(argValues);
      return all;
    }

    private static boolean noScript(Throwable e) {
      return e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT");
    }

    private void put(Names names, Map<String, List<String>> given, String n, List<String> values, boolean many) {
      if (!names.declared().contains(many ? n + "..." : n)) {
        throw new IllegalArgumentException("Lua script " + name + " declares no " + names.kind() + " " + n
            + (many ? "..." : "") + "; it declares " + names.declared());
      }
      if (given.put(n, values) != null) {
        throw new IllegalArgumentException("Lua script " + name + ": " + names.kind() + " " + n + " given twice");
      }
    }
  }

  /** The names of one header line ({@code -- KEYS:} or {@code -- ARGV:}). */
  private record Names(String script, String kind, List<String> declared) {

    static Names parse(String script, String source, String label, String kind) {
      String prefix = "-- " + label + ":";
      for (String line : source.split("\n")) {
        if (!line.startsWith("--")) {
          break;
        }
        if (line.startsWith(prefix)) {
          String list = line.substring(prefix.length()).strip();
          List<String> names = list.equals("(none)")
              ? List.of()
              : Arrays.stream(list.split(",")).map(String::strip).toList();
          check(script, kind, names);
          return new Names(script, kind, names);
        }
      }
      throw new IllegalStateException("Lua script " + script + " has no header line '" + prefix + " ...'");
    }

    private static void check(String script, String kind, List<String> names) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < names.size(); i++) {
        String n = names.get(i);
        boolean last = i == names.size() - 1;
        String bare = n.endsWith("...") && last ? n.substring(0, n.length() - 3) : n;
        if (!bare.matches("[a-z][A-Za-z0-9]*") || !seen.add(bare)) {
          throw new IllegalStateException("Lua script " + script + ": " + kind + " name '" + n
              + "' is not a unique lower camel case name (only the last may end in ...)");
        }
      }
    }

    /** The values in declared order; every name must have been given. */
    List<String> ordered(Map<String, List<String>> given) {
      List<String> out = new ArrayList<>();
      for (String n : declared) {
        String bare = n.endsWith("...") ? n.substring(0, n.length() - 3) : n;
        List<String> values = given.get(bare);
        if (values == null) {
          throw new IllegalArgumentException("Lua script " + script + ": " + kind + " " + n + " not given");
        }
        out.addAll(values);
      }
      return out;
    }
  }

  private static String sha1(String source) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
    }
  }
}
