package org.linli.kb;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One service guide of the knowledge base: front matter plus a Markdown body. Fields other than
 * the known ones are kept in {@code extra}, so an office can add its own without breaking anything.
 */
public record Entry(
    String id,
    String title,
    List<String> questions,
    List<String> tags,
    String office,
    String source,
    String updated,
    String body,
    Map<String, Object> extra,
    String origin) {

  public Entry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    questions = List.copyOf(questions == null ? List.of() : questions);
    tags = List.copyOf(tags == null ? List.of() : tags);
    office = office == null ? "" : office;
    source = source == null ? "" : source;
    updated = updated == null ? "" : updated;
    extra = Map.copyOf(extra == null ? Map.of() : extra);
    origin = origin == null ? "" : origin;
  }

  /**
   * Other names residents use for the topic ({@code aliases: [暂住证, 居住证件]} in the front matter),
   * searched like the title and the questions; empty when the guide has none.
   */
  public List<String> aliases() {
    return extra.get("aliases") instanceof List<?> names
        ? names.stream().map(String::valueOf).toList()
        : List.of();
  }

  /** The guide's category from its {@code category:} front matter (户籍证件, 社会救助 ...), or "" when it has none. */
  public String category() {
    Object value = extra.get("category");
    return value == null ? "" : value.toString().strip();
  }

  /** The body split into its summary and titled sections. */
  public GuideBody guide() {
    return GuideBody.parse(body);
  }
}
