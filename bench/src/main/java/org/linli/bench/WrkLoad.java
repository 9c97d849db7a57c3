package org.linli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load from wrk (Debian's package), a load generator written in C: on a 2-core machine where
 * the generator shares the CPU with the service and Redis, it takes a fraction of the CPU the Java
 * generator needs, so more of the machine measures the service. A Lua script makes each request's
 * body from a template whose {@code %s} cycles through {@code ids}. One warm-up run (not counted),
 * then the measured run with {@code --latency}.
 */
final class WrkLoad {

  private final HttpLoad.Options options;

  WrkLoad(HttpLoad.Options options) {
    this.options = options;
  }

  /** True when wrk is on the PATH. */
  static boolean available() {
    try {
      Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      p.waitFor(5, TimeUnit.SECONDS);
      return true;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Runs the warm-up and the measured run; {@code ids} replace the template's %s in turn. */
  HttpLoad.Result run(String label, int idCount) throws IOException, InterruptedException {
    Path script = Files.createTempFile("linli-wrk-", ".lua");
    try {
      Files.writeString(script, lua(idCount), StandardCharsets.UTF_8);
      if (options.warmupSeconds() > 0) {
        wrk(script, List.of(), "", options.warmupSeconds());
      }
      return parse(label, wrk(script, List.of(), "", options.durationSeconds()), options.durationSeconds());
    } finally {
      Files.deleteIfExists(script);
    }
  }

  /**
   * Runs a ready-made script (which builds its own requests) against {@code options.path()}: the
   * warm-up, not counted, then the measured run. {@code scriptArgs} go after wrk's {@code --}.
   */
  HttpLoad.Result runScript(String label, Path script, List<String> scriptArgs)
      throws IOException, InterruptedException {
    if (options.warmupSeconds() > 0) {
      wrk(script, scriptArgs, options.path(), options.warmupSeconds());
    }
    return parse(label, wrk(script, scriptArgs, options.path(), options.durationSeconds()), options.durationSeconds());
  }

  private String lua(int idCount) {
    StringBuilder headers = new StringBuilder("[\"Content-Type\"]=\"application/json\"");
    for (Map.Entry<String, String> h : options.headers().entrySet()) {
      headers.append(", [\"").append(h.getKey()).append("\"]=\"").append(h.getValue()).append('"');
    }
    String[] parts = options.bodyTemplate().split("%s", 2);
    return "counter = 0\n"
        + "request = function()\n"
        + "  counter = counter + 1\n"
        + "  local body = " + luaString(parts[0]) + " .. 'r' .. (counter % " + idCount + ") .. " + luaString(parts[1])
        + "\n"
        + "  return wrk.format('POST', " + luaString(options.path()) + ", {" + headers + "}, body)\n"
        + "end\n";
  }

  private static String luaString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private String wrk(Path script, List<String> scriptArgs, String path, int seconds)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c" + options.concurrency(), "-d" + seconds + "s",
        "--timeout", (options.timeoutMillis() / 1000) + "s", "--latency", "-s", script.toString(),
        "http://127.0.0.1:" + options.port() + path));
    if (!scriptArgs.isEmpty()) {
      command.add("--");
      command.addAll(scriptArgs);
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("wrk failed: " + out);
    }
    return out;
  }

  static HttpLoad.Result parse(String label, String out, int seconds) {
    long completed = number(out, "(\\d+) requests in");
    long non2xx = number(out, "Non-2xx or 3xx responses: (\\d+)");
    long socketErrors = 0;
    Matcher s = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
        .matcher(out);
    if (s.find()) {
      for (int i = 1; i <= 4; i++) {
        socketErrors += Long.parseLong(s.group(i));
      }
    }
    double rps = Double.parseDouble(group(out, "Requests/sec:\\s+([\\d.]+)"));
    return new HttpLoad.Result(label, completed, completed - non2xx, non2xx + socketErrors,
        non2xx + socketErrors == 0 ? Map.of() : Map.of("non-2xx", non2xx, "socket", socketErrors),
        completed / rps, millis(out, "50%"), millis(out, "90%"), millis(out, "99%"),
        millis(group(out, "Latency\\s+\\S+\\s+\\S+\\s+(\\S+)")), 0);
  }

  private static double millis(String out, String percentile) {
    return millis(group(out, "\\s" + Pattern.quote(percentile) + "\\s+(\\S+)"));
  }

  private static double millis(String value) {
    Matcher m = Pattern.compile("([\\d.]+)(us|ms|s|m)").matcher(value);
    if (!m.matches()) {
      return Double.NaN;
    }
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> v / 1000;
      case "ms" -> v;
      case "s" -> v * 1000;
      default -> v * 60_000;
    };
  }

  private static long number(String out, String regex) {
    Matcher m = Pattern.compile(regex).matcher(out);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static String group(String out, String regex) {
    Matcher m = Pattern.compile(regex).matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("unexpected wrk output (no " + regex + "):\n" + out);
    }
    return m.group(1);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "wrk -t1 -c%d", options.concurrency());
  }
}
