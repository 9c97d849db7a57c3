package org.linli.kb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one guide file: YAML front matter between {@code ---} lines, then the Markdown body.
 * Required: {@code id}, {@code title} and a body; unknown fields are kept in {@link Entry#extra()},
 * {@code aliases} as a checked list of texts.
 */
public final class EntryParser {

  private static final Pattern CLOSING = Pattern.compile("(?m)^---[ \t]*$");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");
  private static final List<String> KNOWN = List.of("id", "title", "questions", "tags", "office", "source", "updated");

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  /** Parses the text of a file; {@code origin} names it in messages. */
  public Entry parse(String text, String origin) throws EntryFormatException {
    String normalized = text.replace("\r\n", "\n").replaceFirst("^\uFEFF", "");
    if (!normalized.startsWith("---\n")) {
      throw new EntryFormatException("does not start with a '---' front matter line");
    }
    Matcher closing = CLOSING.matcher(normalized);
    if (!closing.find(3)) {
      throw new EntryFormatException("front matter is not closed by a '---' line");
    }
    String frontMatter = closing.start() <= 4 ? "" : normalized.substring(4, closing.start());
    String body = normalized.substring(closing.end()).strip();

    Map<String, Object> fields = readYaml(frontMatter);
    String id = text(fields, "id");
    String title = text(fields, "title");
    if (id.isEmpty()) {
      throw new EntryFormatException("front matter has no 'id'");
    }
    if (!ID.matcher(id).matches()) {
      throw new EntryFormatException(
          "id '" + id + "' must be lower-case letters, digits, '.', '_' or '-' (at most 80)");
    }
    if (title.isEmpty()) {
      throw new EntryFormatException("front matter has no 'title'");
    }
    if (body.isEmpty()) {
      throw new EntryFormatException("has no body after the front matter");
    }
    // The category groups guides in the /guides list: one name, kept with the other extra fields.
    text(fields, "category");
    Map<String, Object> extra = new LinkedHashMap<>(fields);
    KNOWN.forEach(extra::remove);
    extra.values().removeIf(v -> v == null);
    // Extra names of the topic, searched like the title (see Entry#aliases).
    extra.remove("aliases");
    List<String> aliases = list(fields, "aliases");
    if (!aliases.isEmpty()) {
      extra.put("aliases", aliases);
    }
    return new Entry(
        id,
        title,
        list(fields, "questions"),
        list(fields, "tags"),
        text(fields, "office"),
        text(fields, "source"),
        text(fields, "updated"),
        body,
        extra,
        origin);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> readYaml(String frontMatter) throws EntryFormatException {
    try {
      Object tree = yaml.readValue(frontMatter.isBlank() ? "{}" : frontMatter, Object.class);
      if (!(tree instanceof Map)) {
        throw new EntryFormatException("front matter is not a set of 'key: value' lines");
      }
      return (Map<String, Object>) tree;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (line " + (e.getLocation().getLineNr() + 1) + ")";
      throw new EntryFormatException("front matter is not valid YAML" + where + ": " + e.getOriginalMessage());
    }
  }

  private static String text(Map<String, Object> fields, String name) throws EntryFormatException {
    Object value = fields.get(name);
    if (value == null) {
      return "";
    }
    if (value instanceof Map || value instanceof List) {
      throw new EntryFormatException("'" + name + "' must be a single value");
    }
    return value.toString().strip();
  }

  private static List<String> list(Map<String, Object> fields, String name) throws EntryFormatException {
    Object value = fields.get(name);
    if (value == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof Map || item instanceof List) {
          throw new EntryFormatException("'" + name + "' must be a list of texts");
        }
        if (item != null && !item.toString().isBlank()) {
          out.add(item.toString().strip());
        }
      }
    } else if (!value.toString().isBlank()) {
      out.add(value.toString().strip());
    }
    return out;
  }
}
