package org.linli.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads the settings in three layers: the documented defaults ({@code application.yaml} on the
 * classpath), then an optional operator file, then environment variables.
 *
 * <p>The environment rule: {@code LINLI_} followed by the setting's path in upper snake case, with
 * camelCase split into words: {@code http.port} is {@code LINLI_HTTP_PORT}, {@code
 * telegram.apiUrl} is {@code LINLI_TELEGRAM_API_URL}. A {@code LINLI_} variable that names no
 * setting is reported, because it is almost always a typo.
 */
public final class SettingsLoader {

  /** The variable naming an optional extra settings file. */
  public static final String FILE_VARIABLE = "LINLI_CONFIG";

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private final List<String> warnings = new ArrayList<>();

  /** Loads with the process environment. */
  public static Settings load() {
    return new SettingsLoader().load(System.getenv());
  }

  /** Loads with the given environment (tests pass their own). */
  public Settings load(Map<String, String> env) {
    ObjectNode tree = defaults();
    String file = env.get(FILE_VARIABLE);
    if (file != null && !file.isBlank()) {
      merge(tree, readFile(Path.of(file)), "");
    }
    applyEnvironment(tree, env);
    try {
      return yaml.treeToValue(tree, Settings.class);
    } catch (JsonMappingException e) {
      // A record that refused a value says which one, in words: pass that on, and nothing else
      // (the section around it may hold secrets).
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof SettingsException refused) {
          throw new SettingsException("Settings are not valid: " + refused.getMessage(), e);
        }
      }
      String path = e.getPath().stream()
          .map(JsonMappingException.Reference::getFieldName)
          .filter(Objects::nonNull)
          .collect(Collectors.joining("."));
      if (path.isEmpty()) {
        throw new SettingsException("Settings are not valid: " + e.getOriginalMessage(), e);
      }
      JsonNode value = tree.at("/" + path.replace('.', '/'));
      boolean shown = value.isValueNode() && !path.matches("(?i).*(token|secret|key|password).*");
      throw new SettingsException(
          "Settings are not valid: " + path + " (" + variableFor(path) + ") has a value that does not fit"
              + (shown ? ": " + value : "") + " (" + e.getOriginalMessage() + ")",
          e);
    } catch (JsonProcessingException e) {
      throw new SettingsException("Settings are not valid: " + e.getOriginalMessage(), e);
    } catch (IllegalArgumentException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new SettingsException("Settings are not valid: " + cause.getMessage(), e);
    }
  }

  /** Problems worth a log line that did not stop loading, such as unknown variables. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** The environment variable for a dotted setting path. */
  public static String variableFor(String path) {
    StringBuilder name = new StringBuilder("LINLI");
    for (String part : path.split("\\.")) {
      name.append('_').append(part.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
    }
    return name.toString();
  }

  private ObjectNode defaults() {
    try (InputStream in = SettingsLoader.class.getResourceAsStream("/application.yaml")) {
      if (in == null) {
        throw new SettingsException("application.yaml is missing from the classpath");
      }
      return (ObjectNode) yaml.readTree(in);
    } catch (IOException e) {
      throw new SettingsException("application.yaml cannot be read: " + e.getMessage(), e);
    }
  }

  private JsonNode readFile(Path path) {
    try {
      JsonNode node = yaml.readTree(Files.readString(path));
      if (node == null || !node.isObject()) {
        throw new SettingsException(path + " holds no settings (expected a YAML mapping)");
      }
      return node;
    } catch (IOException e) {
      throw new SettingsException("Settings file " + path + " cannot be read: " + e.getMessage(), e);
    }
  }

  private void merge(ObjectNode into, JsonNode from, String prefix) {
    Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String path = prefix + field.getKey();
      JsonNode existing = into.get(field.getKey());
      if (existing == null) {
        throw new SettingsException("Unknown setting '" + path + "' in the settings file");
      }
      if (existing.isObject() && field.getValue().isObject()) {
        merge((ObjectNode) existing, field.getValue(), path + ".");
      } else {
        into.set(field.getKey(), field.getValue());
      }
    }
  }

  private void applyEnvironment(ObjectNode tree, Map<String, String> env) {
    List<String> known = new ArrayList<>();
    overlay(tree, "", env, known);
    known.add(FILE_VARIABLE);
    env.keySet().stream()
        .filter(name -> name.startsWith("LINLI_") && !known.contains(name))
        .sorted()
        .forEach(name -> warnings.add("Environment variable " + name + " names no setting; ignored"));
  }

  private void overlay(ObjectNode node, String prefix, Map<String, String> env, List<String> known) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    List<Map.Entry<String, JsonNode>> snapshot = new ArrayList<>();
    fields.forEachRemaining(snapshot::add);
    for (Map.Entry<String, JsonNode> field : snapshot) {
      String path = prefix + field.getKey();
      if (field.getValue().isObject()) {
        overlay((ObjectNode) field.getValue(), path + ".", env, known);
        continue;
      }
      String variable = variableFor(path);
      known.add(variable);
      String value = env.get(variable);
      if (value != null && field.getValue().isArray()) {
        // Lists are written comma-separated in a variable: LINLI_OUTBOX_RETRY_SECONDS=1,2,5
        ArrayNode list = node.arrayNode();
        for (String item : value.split(",")) {
          if (!item.isBlank()) {
            list.add(item.strip());
          }
        }
        node.set(field.getKey(), list);
      } else if (value != null) {
        node.set(field.getKey(), TextNode.valueOf(value));
      }
    }
  }
}
