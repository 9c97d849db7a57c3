package org.linli.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the documentation whole: a short README, every page under {@code docs/} reachable from it,
 * no relative link to a missing file or heading, no Markdown table split by a blank line, and every
 * setting documented once, with its environment variable, on {@code docs/settings.md}.
 */
class DocsTest {

  private static final Path ROOT = repositoryRoot();
  private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
  private static final Pattern VARIABLE = Pattern.compile("LINLI_[A-Z0-9]+(?:_[A-Z0-9]+)*");

  @Test
  void the_readme_is_at_most_200_lines() throws IOException {
    assertThat(Files.readAllLines(ROOT.resolve("README.md"))).hasSizeLessThanOrEqualTo(200);
  }

  @Test
  void every_docs_page_is_reached_by_links_from_the_readme() {
    Set<Path> reached = new HashSet<>();
    Deque<Path> todo = new ArrayDeque<>(List.of(ROOT.resolve("README.md").normalize()));
    while (!todo.isEmpty()) {
      Path page = todo.pop();
      if (!reached.add(page) || !Files.isRegularFile(page)) {
        continue;
      }
      for (String target : relativeLinks(read(page))) {
        Path file = page.getParent().resolve(target.replaceFirst("#.*$", "")).normalize();
        if (file.toString().endsWith(".md")) {
          todo.push(file);
        }
      }
    }

    List<String> unreached = pages().stream().filter(page -> !reached.contains(page))
        .map(page -> ROOT.relativize(page).toString()).toList();

    assertThat(unreached).as("pages no link from README.md leads to").isEmpty();
  }

  @Test
  void every_relative_link_points_to_an_existing_file_and_heading() {
    List<String> broken = new ArrayList<>();
    for (Path page : readmeAndPages()) {
      for (String target : relativeLinks(read(page))) {
        String file = target.replaceFirst("#.*$", "");
        String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
        Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!Files.exists(linked)) {
          broken.add(ROOT.relativize(page) + ": " + target + " (no such file)");
        } else if (!anchor.isEmpty() && linked.toString().endsWith(".md") && !anchors(read(linked)).contains(anchor)) {
          broken.add(ROOT.relativize(page) + ": " + target + " (no such heading)");
        }
      }
    }

    assertThat(broken).isEmpty();
  }

  @Test
  void no_markdown_table_is_split_by_a_blank_line() {
    List<String> split = new ArrayList<>();
    for (Path page : readmeAndPages()) {
      splitTables(read(page)).forEach(line -> split.add(ROOT.relativize(page) + ":" + line));
    }

    assertThat(split).as("table rows after a blank line that starts no new table").isEmpty();
  }

  @Test
  void the_table_check_finds_a_blank_line_inside_a_table_and_allows_two_tables_apart() {
    String broken = "| command | what |\n|---|---|\n| `/ask` | ask |\n\n| `/help` | a ticket |\n";
    String twoTables = "| a | b |\n|---|---|\n| 1 | 2 |\n\n| c | d |\n|---|---|\n| 3 | 4 |\n";
    String fenced = "```\n| not | a table |\n\n| still | code |\n```\n";

    assertThat(splitTables(broken)).containsExactly(5);
    assertThat(splitTables(twoTables)).isEmpty();
    assertThat(splitTables(fenced)).isEmpty();
  }

  @Test
  void headings_are_named_the_way_github_names_their_anchors() {
    String page = "# Feishu / Lark (飞书)\n## Flags of `/poll`\n```\n## not a heading\n```\n## Results\n## Results\n";

    assertThat(anchors(page)).containsExactlyInAnyOrder("feishu--lark-飞书", "flags-of-poll", "results", "results-1");
  }

  @Test
  void every_setting_is_on_the_settings_page_with_its_variable() {
    String settingsPage = read(ROOT.resolve("docs/settings.md"));
    Set<String> paths = new TreeSet<>(yamlSettings());
    paths.addAll(recordSettings(Settings.class, ""));

    assertThat(paths).hasSizeGreaterThan(40);
    assertThat(paths).allSatisfy(path -> assertThat(settingsPage)
        .contains("| `" + path + "` | `" + SettingsLoader.variableFor(path) + "` |"));
    assertThat(settingsPage).contains("`" + SettingsLoader.FILE_VARIABLE + "`");
  }

  @Test
  void the_settings_in_the_records_and_in_application_yaml_are_the_same() {
    assertThat(new TreeSet<>(recordSettings(Settings.class, ""))).isEqualTo(new TreeSet<>(yamlSettings()));
  }

  @Test
  void every_variable_named_in_the_docs_is_a_setting() {
    assertThat(unknownVariables(readmeAndPages())).isEmpty();
  }

  @Test
  void every_variable_named_in_the_deployment_files_is_a_setting() {
    List<Path> files = List.of(ROOT.resolve("Dockerfile"), ROOT.resolve("compose.yaml"),
        ROOT.resolve("deploy/linli.env.example"), ROOT.resolve("deploy/linli.service"));

    assertThat(files).allMatch(Files::isRegularFile);
    assertThat(unknownVariables(files)).isEmpty();
  }

  /** The {@code LINLI_…} names in {@code files} that are no setting, each with its file. */
  private static List<String> unknownVariables(List<Path> files) {
    Set<String> known = new HashSet<>();
    yamlSettings().forEach(path -> known.add(SettingsLoader.variableFor(path)));
    known.add(SettingsLoader.FILE_VARIABLE);
    List<String> unknown = new ArrayList<>();
    for (Path page : files) {
      Matcher m = VARIABLE.matcher(read(page));
      while (m.find()) {
        if (!known.contains(m.group())) {
          unknown.add(ROOT.relativize(page) + ": " + m.group());
        }
      }
    }
    return unknown;
  }

  /** The 1-based numbers of table rows that follow a blank line without starting a new table. */
  static List<Integer> splitTables(String markdown) {
    List<String> lines = withoutFences(markdown);
    List<Integer> split = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!isRow(lines.get(i)) || i == 0 || !lines.get(i - 1).isBlank()) {
        continue;
      }
      int before = i - 1;
      while (before >= 0 && lines.get(before).isBlank()) {
        before--;
      }
      boolean startsTable = i + 1 < lines.size() && lines.get(i + 1).strip().matches("\\|?\\s*:?-{3,}.*");
      if (before >= 0 && isRow(lines.get(before)) && !startsTable) {
        split.add(i + 1);
      }
    }
    return split;
  }

  /** The anchors GitHub gives the headings of a page (code blocks skipped, repeats numbered). */
  static Set<String> anchors(String markdown) {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : withoutFences(markdown)) {
      if (!line.matches("#{1,6} .*")) {
        continue;
      }
      String text = line.replaceFirst("^#+ ", "").strip().replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
      String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M}_ -]", "").replace(' ', '-');
      int n = seen.merge(slug, 1, Integer::sum) - 1;
      anchors.add(n == 0 ? slug : slug + "-" + n);
    }
    return anchors;
  }

  private static boolean isRow(String line) {
    return line.startsWith("|");
  }

  /** The lines of a page with fenced code blocks blanked (kept as blank lines, so numbers hold). */
  private static List<String> withoutFences(String markdown) {
    List<String> out = new ArrayList<>();
    boolean fenced = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
        out.add("");
      } else {
        out.add(fenced ? "" : line);
      }
    }
    return out;
  }

  private static List<String> relativeLinks(String markdown) {
    List<String> links = new ArrayList<>();
    for (String line : withoutFences(markdown)) {
      Matcher m = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
      while (m.find()) {
        String target = m.group(1);
        if (!target.matches("[a-z][a-z0-9+.-]*:.*")) {
          links.add(target);
        }
      }
    }
    return links;
  }

  /** Every leaf of application.yaml as a dotted path (a list is one setting). */
  private static List<String> yamlSettings() {
    try {
      JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("config/application.yaml").toFile());
      List<String> paths = new ArrayList<>();
      leaves(tree, "", paths);
      return paths;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void leaves(JsonNode node, String prefix, List<String> paths) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (field.getValue().isObject()) {
        leaves(field.getValue(), prefix + field.getKey() + ".", paths);
      } else {
        paths.add(prefix + field.getKey());
      }
    }
  }

  /** Every leaf component of the settings records as a dotted path. */
  private static List<String> recordSettings(Class<?> type, String prefix) {
    List<String> paths = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getType().isRecord()) {
        paths.addAll(recordSettings(component.getType(), prefix + component.getName() + "."));
      } else {
        paths.add(prefix + component.getName());
      }
    }
    return paths;
  }

  private static List<Path> pages() {
    try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
      return files.filter(p -> p.toString().endsWith(".md")).map(Path::normalize).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> readmeAndPages() {
    List<Path> all = new ArrayList<>(List.of(ROOT.resolve("README.md").normalize()));
    all.addAll(pages());
    return all;
  }

  private static String read(Path page) {
    try {
      return Files.readString(page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder holding README.md, docs/ and config/, looked for upwards from where the test runs. */
  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))
          && Files.isRegularFile(dir.resolve("config/application.yaml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "No repository root (README.md, docs/, config/) above " + Path.of("").toAbsolutePath());
  }
}
