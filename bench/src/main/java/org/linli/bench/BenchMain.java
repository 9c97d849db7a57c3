package org.linli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linli.kb.Entry;
import org.linli.kb.EntryLoader;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/**
 * The one entry point of the benchmarks:
 *
 * <pre>
 * java -jar bench/target/linli-bench.jar [all|search|http|startup|votes|tickets|topology|ask|synth] [options]
 * </pre>
 *
 * {@code search} runs {@link SearchBenchmark} through the JMH runner and prints p50/p99 per
 * (kb, mode); {@code startup} runs {@link StartupTime}; {@code http} launches the service in
 * hybrid then lexical mode and runs {@link HttpLoad} against each (or against {@code --port}, or
 * the in-process {@code --self-test} server); {@code votes} runs {@link VoteBenchmark}; {@code ask}
 * loads {@code /api/v1/ask} with wrk over the mixed question set ({@link MixedQuestions}) and then
 * runs {@link AskLatency} on the same set, with the targets checked; {@code all}
 * runs search, startup, http and votes and ends
 * with a summary of every figure. Run from the repository root (the service jar is looked up at
 * {@code bot/target/linli.jar}). {@code --help} lists the options.
 *
 * <p>Exit status: 0 all ran, 1 something failed, 2 bad usage, 3 a part was skipped (no service
 * jar).
 */
public final class BenchMain {

  private static final String USAGE = """
      Usage: java -jar bench/target/linli-bench.jar [all|search|http|startup|votes|tickets|topology|ask|synth] [options]
        (run from the repository root; default command: all)

      search   knowledge-base latency, one thread, JMH sample time
        --kb shipped,synthetic5000     which knowledge bases
        --modes lexical,hybrid         which retrieval modes (also used by http)
        --warmup-iterations 2 --warmup-time 3 --iterations 3 --time 5   (seconds)
      startup  time from 'java -jar' to GET /health 200
        --runs 3                       first run cold (fresh data dir), the others warm
      http     closed-loop HTTP load on the service, launched once per mode (--modes hybrid,lexical)
        --port P                       load a service already running on 127.0.0.1:P instead
        --path /api/v1/ask             request path
        --body '{"text":"%s"}'         JSON body template; %s = the question, JSON-escaped
        -H 'Name: value'               extra header (repeatable), e.g. -H 'Authorization: Bearer T'
        --concurrency 64 --warmup 20 --duration 15 (seconds) --timeout-ms 10000
        --self-test                    check the load generator against an in-process server
      service options (startup, http, all)
        --bot-jar bot/target/linli.jar
        --env NAME=VALUE               extra environment for the service (repeatable)
        --jvm-arg ARG                  JVM option for the service (repeatable)
        --service-timeout 180          seconds to wait for /health
        --keep                         keep the temp folder (service data and logs)
      votes    votes/s through /webhooks/generic and of the vote Lua script alone, on one service
        --concurrency 64 --vote-warmup 10 --duration 15 (seconds)
      tickets  help requests/s accepted through /webhooks/generic; tickets accepted/s and delivered/s to a hub
      topology votes/s and help requests/s: 1 instance on standalone Redis against 2 on a 3-master Cluster
               on loopback at saturation and at steady rates, with created -> hub p50/p99
        --concurrency 64 --vote-warmup 10 --duration 15 (seconds)
        --ticket-rate 100 --ticket-seconds 30   the first steady rate; the second is the saturation intake
      ask      /api/v1/ask on the mixed question set: wrk on the service, then in-process latency
        --http-modes hybrid            service modes loaded with wrk (hybrid and/or lexical; none to skip)
        --concurrency 32 --warmup 20 --duration 30 (seconds, wrk)
        --kb shipped,synthetic5000 --modes lexical,hybrid   in-process (--kb none to skip)
        --inproc-warmup 10 --inproc-time 15 (seconds per kb and mode)
        --questions FILE               another question file (one a line) instead of the bundled set
        --vector-cache bench/target/ask-vector-cache   passage vectors kept between runs
      synth DIR [--count 5000]         write the synthetic knowledge base as Markdown files
      """;

  private final Args args;
  private final List<String> summary = new ArrayList<>();
  private boolean failed;
  private boolean skipped;

  private BenchMain(Args args) {
    this.args = args;
  }

  /** Parses the command line, runs, and exits with the status described above. */
  public static void main(String[] argv) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    int code;
    try {
      Args args = Args.parse(argv);
      if (args.flag("help")) {
        System.out.print(USAGE);
        code = 0;
      } else {
        code = new BenchMain(args).run();
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      code = 2;
    } catch (Exception e) {
      e.printStackTrace();
      code = 1;
    }
    System.exit(code);
  }

  private int run() throws Exception {
    String command = args.command();
    long t0 = System.nanoTime();
    String loadBefore = load();
    switch (command) {
      case "search" -> search();
      case "startup" -> withService(true, false);
      case "http" -> {
        if (args.flag("self-test")) {
          selfTest();
        } else {
          withService(false, true);
        }
      }
      case "votes" -> votes();
      case "tickets" -> tickets();
      case "topology" -> topology();
      case "ask" -> ask();
      case "all" -> {
        search();
        withService(true, true);
        votes();
        tickets();
      }
      case "synth" -> synth();
      default -> throw new IllegalArgumentException("Unknown command: " + command);
    }
    if (!command.equals("synth")) {
      printSummary(command, loadBefore, (System.nanoTime() - t0) / 1_000_000_000);
    }
    return failed ? 1 : skipped ? 3 : 0;
  }

  // ---------------------------------------------------------------- search

  private void search() throws Exception {
    List<String> kbs = args.list("kb", "shipped,synthetic5000");
    List<String> modes = args.list("modes", "lexical,hybrid");
    Path setupLog = Files.createTempFile("linli-bench-setup-", ".log");
    try {
      List<String> jvm = new ArrayList<>(List.of(
          "-Xmx3g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dlinli.bench.setupLog=" + setupLog));
      for (String property : List.of("linli.bench.entries", "linli.bench.eval")) {
        if (System.getProperty(property) != null) {
          jvm.add("-D" + property + "=" + System.getProperty(property));
        }
      }
      ChainedOptionsBuilder options = new OptionsBuilder()
          .include(Pattern.quote(SearchBenchmark.class.getName()) + "\\.ask")
          .param("kb", kbs.toArray(String[]::new))
          .param("mode", modes.toArray(String[]::new))
          .warmupIterations(args.integer("warmup-iterations", 2))
          .warmupTime(TimeValue.seconds(args.integer("warmup-time", 3)))
          .measurementIterations(args.integer("iterations", 3))
          .measurementTime(TimeValue.seconds(args.integer("time", 5)))
          .forks(1)
          .threads(1)
          .shouldFailOnError(true)
          .verbosity(VerboseMode.NORMAL)
          .jvmArgsAppend(jvm.toArray(String[]::new));
      System.out.println("== search: SearchBenchmark kb=" + kbs + " mode=" + modes);
      Collection<RunResult> results = new Runner(options.build()).run();
      Map<String, Map<String, String>> setups = readSetups(setupLog);

      List<String> table = new ArrayList<>();
      table.add("Search latency, one thread (JMH sample time, ms)");
      table.add(String.format(Locale.ROOT, "  %-14s %-8s %8s %8s %8s %8s %7s %10s %10s %8s",
          "kb", "mode", "p50", "p90", "p99", "mean", "guides", "samples", "build s", "right"));
      for (RunResult r : results) {
        BenchmarkParams p = r.getParams();
        Statistics s = r.getPrimaryResult().getStatistics();
        Map<String, String> setup = setups.getOrDefault(p.getParam("kb") + "/" + p.getParam("mode"), Map.of());
        double build = (Long.parseLong(setup.getOrDefault("model_ms", "0"))
            + Long.parseLong(setup.getOrDefault("index_ms", "0")))
            / 1000.0;
        table.add(String.format(Locale.ROOT, "  %-14s %-8s %8.2f %8.2f %8.2f %8.2f %7s %10d %10.1f %8s",
            p.getParam("kb"), p.getParam("mode"), s.getPercentile(50), s.getPercentile(90), s.getPercentile(99),
            s.getMean(), setup.getOrDefault("guides", "?"), s.getN(), build,
            setup.getOrDefault("answered_right", "?")));
      }
      table.add("  (build s = embedding model load + indexing, the trial setup; right = in-scope eval questions"
          + " answered with the expected guide, or a variant of it in synthetic5000)");
      System.out.println();
      table.forEach(System.out::println);
      summary.addAll(table);
    } catch (Exception e) {
      failed = true;
      summary.add("Search: FAILED: " + e);
      e.printStackTrace();
    } finally {
      Files.deleteIfExists(setupLog);
    }
  }

  private static Map<String, Map<String, String>> readSetups(Path log) throws IOException {
    Map<String, Map<String, String>> out = new HashMap<>();
    Pattern pair = Pattern.compile("(\\w+)=(\\S+)");
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      Map<String, String> fields = new LinkedHashMap<>();
      Matcher m = pair.matcher(line);
      while (m.find()) {
        fields.put(m.group(1), m.group(2));
      }
      out.put(fields.get("kb") + "/" + fields.get("mode"), fields);
    }
    return out;
  }

  // ---------------------------------------------------------------- startup and http

  private void withService(boolean startup, boolean http) throws Exception {
    HttpLoad.Options load = loadOptions();
    if (http && args.has("port")) {
      runLoad(load.withPort(args.integer("port", 0)), "http port " + args.integer("port", 0));
      if (!startup) {
        return;
      }
    }
    Path root = Files.createTempDirectory("linli-bench-service-");
    StartupTime launcher = launcher(root);
    boolean ok = true;
    try {
      if (!launcher.available()) {
        skipped = true;
        String why = launcher.jar() + " not found: build the bot first; startup and http skipped";
        System.out.println("== " + why);
        summary.add("Service: SKIPPED (" + why + ")");
        return;
      }
      Path data = root.resolve("data");
      if (startup) {
        System.out.println("== startup: " + args.integer("runs", 3) + " starts of " + launcher.jar());
        try {
          StartupTime.Result r = launcher.measure(data, args.integer("runs", 3));
          System.out.println(r.line());
          summary.add(r.line());
        } catch (Exception e) {
          ok = false;
          reportFailure("Startup", e);
        }
      }
      if (http && !args.has("port")) {
        for (String mode : args.list("modes", "hybrid,lexical")) {
          boolean semantic = semantic(mode, "--modes");
          System.out.println("== http: service with LINLI_KB_SEMANTIC=" + semantic);
          try (StartupTime.Service service = launcher.launch(data,
              Map.of("LINLI_KB_SEMANTIC", String.valueOf(semantic)))) {
            System.out.println("  started in " + service.startMillis() + " ms on port " + service.port());
            if (!runLoad(load.withPort(service.port()), "http " + mode)) {
              System.out.println("  service log: " + service.log());
            }
          } catch (Exception e) {
            ok = false;
            reportFailure("HTTP " + mode, e);
          }
        }
      }
    } finally {
      deleteOrKeep(root, ok);
    }
  }

  private HttpLoad.Options loadOptions() {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h : args.all("H")) {
      Map.Entry<String, String> e = HttpLoad.header(h);
      headers.put(e.getKey(), e.getValue());
    }
    return new HttpLoad.Options(
        0,
        args.value("path", "/api/v1/ask"),
        args.value("body", "{\"text\":\"%s\"}"),
        headers,
        args.integer("concurrency", 64),
        args.integer("warmup", 20),
        args.integer("duration", 15),
        args.integer("timeout-ms", 10_000));
  }

  /** Runs one load; returns false when it saw errors. */
  private boolean runLoad(HttpLoad.Options o, String label) throws InterruptedException {
    System.out.printf(Locale.ROOT,
        "  POST http://127.0.0.1:%d%s  body %s  headers %s  %d in flight, %d s warm-up + %d s%n",
        o.port(), o.path(), o.bodyTemplate(), HttpLoad.describeHeaders(o.headers()), o.concurrency(),
        o.warmupSeconds(), o.durationSeconds());
    HttpLoad.Result r = new HttpLoad(o, EvalQuestions.texts()).run(label + " (" + o.concurrency() + " in flight)");
    System.out.println(r.line());
    summary.add(r.line());
    return r.errors() == 0;
  }

  private void selfTest() throws Exception {
    boolean pass = SelfTest.run(args.integer("concurrency", 64), args.integer("warmup", 1),
        args.integer("duration", 3));
    summary.add("HttpLoad self-test: " + (pass ? "PASSED" : "FAILED"));
    failed |= !pass;
  }

  // ---------------------------------------------------------------- votes

  private void votes() throws Exception {
    Path root = Files.createTempDirectory("linli-bench-votes-");
    StartupTime launcher = launcher(root);
    if (!launcher.available()) {
      skipped = true;
      summary.add("Votes: SKIPPED (" + launcher.jar() + " not found: build the bot first)");
      return;
    }
    boolean ok = false;
    int redisPort = StartupTime.freePort();
    HttpLoad.Options load = new HttpLoad.Options(0, "/", "%s", Map.of(), args.integer("concurrency", 64),
        args.integer("vote-warmup", 10), args.integer("duration", 15), args.integer("timeout-ms", 10_000));
    System.out.println("== votes: service (lexical) with its embedded Redis on port " + redisPort);
    try (StartupTime.Service service = launcher.launch(root.resolve("data"), VoteBenchmark.environment(redisPort))) {
      summary.addAll(new VoteBenchmark(load).run(service.port(), redisPort));
      ok = true;
    } catch (Exception e) {
      reportFailure("Votes", e);
    } finally {
      deleteOrKeep(root, ok);
    }
  }

  // ---------------------------------------------------------------- topology

  private void topology() throws Exception {
    Path root = Files.createTempDirectory("linli-bench-topology-");
    StartupTime launcher = launcher(root);
    if (!launcher.available() || !RedisServers.available() || !WrkLoad.available()) {
      skipped = true;
      summary.add("Topology: SKIPPED (needs the bot jar, redis-server, redis-cli and wrk)");
      return;
    }
    boolean ok = false;
    HttpLoad.Options load = new HttpLoad.Options(0, "/", "%s", Map.of(), args.integer("concurrency", 64),
        args.integer("vote-warmup", 10), args.integer("duration", 15), args.integer("timeout-ms", 10_000));
    try {
      summary.addAll(new TopologyBenchmark(load, launcher, root).run());
      ok = true;
    } catch (Exception e) {
      reportFailure("Topology", e);
    } finally {
      deleteOrKeep(root, ok);
    }
  }

  // ---------------------------------------------------------------- tickets

  private void tickets() throws Exception {
    Path root = Files.createTempDirectory("linli-bench-tickets-");
    StartupTime launcher = launcher(root);
    if (!launcher.available()) {
      skipped = true;
      summary.add("Tickets: SKIPPED (" + launcher.jar() + " not found: build the bot first)");
      return;
    }
    boolean ok = false;
    TicketBenchmark bench = new TicketBenchmark(new HttpLoad.Options(0, "/", "%s", Map.of(),
        args.integer("concurrency", 64), args.integer("vote-warmup", 10), args.integer("duration", 15),
        args.integer("timeout-ms", 10_000)), args.integer("ticket-rate", 100), args.integer("ticket-seconds", 30));
    System.out.println("== tickets: service (lexical) forwarding to a hub in this process");
    try (StartupTime.Service service = launcher.launch(root.resolve("data"), bench.environment(bench.startHub()))) {
      summary.addAll(bench.run(service.port()));
      ok = true;
    } catch (Exception e) {
      reportFailure("Tickets", e);
    } finally {
      bench.close();
      deleteOrKeep(root, ok);
    }
  }

  // ---------------------------------------------------------------- ask (mixed questions)

  private void ask() throws Exception {
    Path file = args.has("questions") ? Path.of(args.value("questions", "")) : null;
    List<String> questions = MixedQuestions.load(file);
    System.out
        .println("== ask: " + questions.size() + " questions from " + (file == null ? MixedQuestions.RESOURCE : file));
    List<String> checks = new ArrayList<>();
    List<String> httpModes = args.list("http-modes", "hybrid").stream().filter(m -> !m.equals("none")).toList();
    if (!httpModes.isEmpty()) {
      askHttp(questions, httpModes, checks);
    }
    List<String> kbs = args.list("kb", "shipped,synthetic5000").stream().filter(k -> !k.equals("none")).toList();
    if (!kbs.isEmpty()) {
      AskLatency latency = new AskLatency(questions,
          Path.of(args.value("vector-cache", "bench/target/ask-vector-cache")).toAbsolutePath(),
          args.integer("inproc-warmup", 10), args.integer("inproc-time", 15));
      List<String> table = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      table.add("In-process KnowledgeBase.ask, one thread, mixed set (ms; exact percentiles over every timed call)");
      table.add(AskLatency.header());
      for (String kb : kbs) {
        System.out.println("== ask in-process: kb=" + kb + " modes=" + args.list("modes", "lexical,hybrid"));
        try {
          for (AskLatency.Figures f : latency.run(kb, args.list("modes", "lexical,hybrid"))) {
            System.out.println(f.line());
            table.add(f.line());
            notes.add(f.lengthLine());
            System.out.println(f.lengthLine());
            if (f.mode().equals("hybrid")) {
              System.out.println(f.shortcutLine());
              notes.add(f.shortcutLine());
            }
            if (kb.equals("synthetic5000")) {
              double target = f.mode().equals("hybrid") ? 15 : 2;
              checks.add(String.format(Locale.ROOT, "  in-process %s p99 < %.0f ms on 5,000 guides: %.2f ms  %s",
                  f.mode(), target, f.p99(), f.p99() < target ? "met" : "NOT met"));
            }
          }
        } catch (Exception e) {
          failed = true;
          table.add("  " + kb + ": FAILED: " + e);
          e.printStackTrace();
        }
      }
      table.addAll(notes);
      table.add("  (build s = model load + indexing, vectors from the cache when present; model = share of the"
          + " timed calls spent embedding the question; shortcut = questions answered by words alone, of those"
          + " that reached a search)");
      summary.addAll(table);
    }
    if (!checks.isEmpty()) {
      summary.add("Targets (issue 9 item 9):");
      summary.addAll(checks);
    }
  }

  private void askHttp(List<String> questions, List<String> modes, List<String> checks) throws Exception {
    if (!WrkLoad.available()) {
      failed = true;
      String why = "wrk is not installed (Debian/Ubuntu: apt-get install -y wrk; bench/run.sh installs it when run as root)";
      System.out.println("== " + why);
      summary.add("HTTP ask: FAILED: " + why);
      return;
    }
    Path root = Files.createTempDirectory("linli-bench-ask-");
    StartupTime launcher = launcher(root);
    boolean ok = true;
    try {
      if (!launcher.available()) {
        skipped = true;
        summary.add("HTTP ask: SKIPPED (" + launcher.jar() + " not found: build the bot first)");
        return;
      }
      Path[] files = MixedQuestions.writeForWrk(questions, root.resolve("wrk"));
      HttpLoad.Options o = new HttpLoad.Options(0, "/api/v1/ask", "%s", Map.of(), args.integer("concurrency", 32),
          args.integer("warmup", 20), args.integer("duration", 30), args.integer("timeout-ms", 10_000));
      for (String mode : modes) {
        boolean semantic = semantic(mode, "--http-modes");
        System.out.println("== ask http: service with LINLI_KB_SEMANTIC=" + semantic);
        try (StartupTime.Service service = launcher.launch(root.resolve("data-" + mode),
            Map.of("LINLI_KB_SEMANTIC", String.valueOf(semantic)))) {
          System.out.printf(Locale.ROOT, "  started in %d ms on port %d; wrk -t1 -c%d: %d s warm-up on the same mix,"
              + " then %d s measured%n", service.startMillis(), service.port(), o.concurrency(), o.warmupSeconds(),
              o.durationSeconds());
          HttpLoad.Result r = new WrkLoad(o.withPort(service.port()))
              .runScript("http ask " + mode + " (wrk -c" + o.concurrency() + ")", files[1],
                  List.of(files[0].toString()));
          System.out.println(r.line());
          summary.add(r.line());
          if (mode.equals("hybrid")) {
            checks.add(String.format(Locale.ROOT, "  http hybrid >= 450 req/s: %.1f  %s", r.requestsPerSecond(),
                r.requestsPerSecond() >= 450 ? "met" : "NOT met"));
            checks.add(String.format(Locale.ROOT, "  http hybrid p99 < 150 ms: %.2f ms  %s", r.p99(),
                r.p99() < 150 ? "met" : "NOT met"));
            checks.add(String.format(Locale.ROOT, "  http hybrid 0 non-2xx: %d  %s", r.errors(),
                r.errors() == 0 ? "met" : "NOT met"));
          }
          if (r.errors() > 0) {
            ok = false;
            System.out.println("  service log: " + service.log());
          }
        } catch (Exception e) {
          ok = false;
          reportFailure("HTTP ask " + mode, e);
        }
      }
    } finally {
      deleteOrKeep(root, ok);
    }
  }

  // ---------------------------------------------------------------- a service under test

  /** A launcher of the bot jar with the service data and logs under {@code root}. */
  private StartupTime launcher(Path root) {
    return new StartupTime(Path.of(args.value("bot-jar", StartupTime.DEFAULT_JAR.toString())),
        StartupTime.env(args.all("env")), args.all("jvm-arg"), Duration.ofSeconds(args.integer("service-timeout", 180)),
        root);
  }

  /** Whether a mode given to {@code option} (hybrid or lexical) runs the service with the embedding model. */
  private static boolean semantic(String mode, String option) {
    return switch (mode) {
      case "hybrid" -> true;
      case "lexical" -> false;
      default -> throw new IllegalArgumentException(option + " takes hybrid and/or lexical: " + mode);
    };
  }

  /** Marks the run failed and says which part failed, in the summary and at once. */
  private void reportFailure(String what, Exception e) {
    failed = true;
    summary.add(what + ": FAILED: " + e.getMessage());
    System.out.println(what + " FAILED: " + e.getMessage());
  }

  /** Deletes the service data and logs after a good run, unless {@code --keep}; else says where they are. */
  private void deleteOrKeep(Path root, boolean ok) {
    if (ok && !args.flag("keep")) {
      SearchBenchmark.deleteTree(root);
    } else {
      System.out.println("  service data and logs kept in " + root);
    }
  }

  // ---------------------------------------------------------------- synth

  private void synth() {
    if (args.positional().isEmpty()) {
      throw new IllegalArgumentException("synth needs a target folder");
    }
    Path dir = Path.of(args.positional().get(0));
    int count = args.integer("count", SearchBenchmark.SYNTHETIC_SIZE);
    List<Entry> entries = SyntheticKb.generate(new EntryLoader().shipped().entries(), count, SyntheticKb.SEED);
    SyntheticKb.write(entries, dir);
    System.out.println("Wrote " + entries.size() + " guides to " + dir.toAbsolutePath());
  }

  // ---------------------------------------------------------------- summary

  private void printSummary(String command, String loadBefore, long seconds) {
    System.out.println();
    System.out.println("==================== Linli bench summary (" + command + ") ====================");
    System.out.printf(Locale.ROOT, "%s, %d cores, Java %s, load average %s before / %s after, %d s in all%n",
        LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), loadBefore, load(), seconds);
    summary.forEach(System.out::println);
    System.out.println("=".repeat(76));
  }

  private static String load() {
    double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return l < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", l);
  }

  // ---------------------------------------------------------------- arguments

  /** A small command line: a command, positional words, {@code --name value} and flags. */
  static final class Args {
    private static final List<String> FLAGS = List.of("help", "self-test", "keep");
    private final List<String> positional = new ArrayList<>();
    private final Map<String, List<String>> options = new LinkedHashMap<>();

    static Args parse(String[] argv) {
      Args a = new Args();
      for (int i = 0; i < argv.length; i++) {
        String arg = argv[i];
        if (arg.equals("-h")) {
          a.options.computeIfAbsent("help", k -> new ArrayList<>()).add("true");
        } else if (arg.startsWith("--") || arg.equals("-H")) {
          String name = arg.equals("-H") ? "H" : arg.substring(2);
          String value;
          int eq = name.indexOf('=');
          if (eq > 0) {
            value = name.substring(eq + 1);
            name = name.substring(0, eq);
          } else if (FLAGS.contains(name)) {
            value = "true";
          } else if (i + 1 < argv.length) {
            value = argv[++i];
          } else {
            throw new IllegalArgumentException("Option " + arg + " needs a value");
          }
          a.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        } else {
          a.positional.add(arg);
        }
      }
      return a;
    }

    String command() {
      return positional.isEmpty() ? "all" : positional.get(0);
    }

    List<String> positional() {
      return positional.size() <= 1 ? List.of() : positional.subList(1, positional.size());
    }

    boolean has(String name) {
      return options.containsKey(name);
    }

    boolean flag(String name) {
      return has(name) && Boolean.parseBoolean(value(name, "false"));
    }

    String value(String name, String fallback) {
      List<String> v = options.get(name);
      return v == null ? fallback : v.get(v.size() - 1);
    }

    List<String> all(String name) {
      return options.getOrDefault(name, List.of());
    }

    List<String> list(String name, String fallback) {
      return List.of(value(name, fallback).split("\\s*,\\s*"));
    }

    int integer(String name, int fallback) {
      String v = value(name, null);
      try {
        return v == null ? fallback : Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--" + name + " needs a whole number: " + v);
      }
    }
  }
}
