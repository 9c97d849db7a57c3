package org.linli.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Markdown body of a guide as a summary paragraph and its {@code ## } sections, which is all
 * the structure a chat card and the embedding index need.
 */
public record GuideBody(String summary, List<Section> sections) {

  private static final RuleFile RULE_FILE = RuleFile.load("linli/guide-body.rules");

  /** The marker of a list item, from {@code linli/guide-body.rules}. */
  private static final Pattern LIST_ITEM = RULE_FILE.pattern("LIST_ITEM");

  /** The label some offices put before the summary, from {@code linli/guide-body.rules}. */
  private static final Pattern SUMMARY_LABEL = RULE_FILE.pattern("SUMMARY_LABEL");

  public GuideBody {
    sections = List.copyOf(sections);
  }

  /** One {@code ## heading} and the text under it, up to the next heading. */
  public record Section(String heading, String text) {

    /** The section's list items (lines starting with -, * or 1.), or its lines when it has none. */
    public List<String> items() {
      List<String> items = new ArrayList<>();
      List<String> lines = new ArrayList<>();
      for (String raw : text.split("\n")) {
        String line = raw.strip();
        if (line.isEmpty()) {
          continue;
        }
        String item = LIST_ITEM.matcher(line).replaceFirst("");
        if (!item.equals(line)) {
          items.add(item);
        }
        lines.add(item);
      }
      return items.isEmpty() ? lines : items;
    }
  }

  /** Splits a Markdown body; text before the first heading is the summary. */
  public static GuideBody parse(String markdown) {
    StringBuilder summary = new StringBuilder();
    List<Section> sections = new ArrayList<>();
    String heading = null;
    StringBuilder text = new StringBuilder();
    for (String line : markdown.split("\r?\n")) {
      if (line.startsWith("#")) {
        if (heading != null) {
          sections.add(new Section(heading, text.toString().strip()));
        }
        heading = line.replaceFirst("^#+\\s*", "").strip();
        text.setLength(0);
      } else if (heading == null) {
        summary.append(line).append('\n');
      } else {
        text.append(line).append('\n');
      }
    }
    if (heading != null) {
      sections.add(new Section(heading, text.toString().strip()));
    }
    String plainSummary = SUMMARY_LABEL.matcher(summary.toString().strip()).replaceFirst("");
    return new GuideBody(plainSummary, sections);
  }

  /** The first section whose heading contains any of the given words, if any. */
  public Optional<Section> section(String... words) {
    for (Section s : sections) {
      for (String w : words) {
        if (s.heading().contains(w)) {
          return Optional.of(s);
        }
      }
    }
    return Optional.empty();
  }
}
