package org.linli.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads guides from a directory of {@code *.md} files or from the set shipped inside the jar. A bad
 * file never stops loading: it is reported with its name and reason, and skipped.
 */
public final class EntryLoader {

  /** Classpath folder of the shipped entries. */
  public static final String SHIPPED = "linli/entries/";

  private final EntryParser parser = new EntryParser();

  /**
   * What a load produced: the good entries, the files that were skipped, and the Markdown each
   * entry was read from (by id).
   */
  public record Loaded(List<Entry> entries, List<Problem> problems, Map<String, String> sources) {
    public Loaded {
      entries = List.copyOf(entries);
      problems = List.copyOf(problems);
      sources = Map.copyOf(sources);
    }

    /** A load whose sources are not kept. */
    public Loaded(List<Entry> entries, List<Problem> problems) {
      this(entries, problems, Map.of());
    }

    /**
     * These guides with the office's edits applied ({@code edits}: id → Markdown published in the
     * console): an edit replaces the guide of its id or adds a new one; a blank edit withdraws the
     * guide; an edit that does not parse, or whose front matter names another id, is a problem and
     * the guide stays as it was.
     */
    public Loaded withEdits(Map<String, String> edits, EntryParser parser) {
      if (edits.isEmpty()) {
        return this;
      }
      Map<String, Entry> byId = new LinkedHashMap<>();
      entries.forEach(e -> byId.put(e.id(), e));
      Map<String, String> text = new HashMap<>(sources);
      List<Problem> found = new ArrayList<>(problems);
      for (Map.Entry<String, String> edit : new TreeMap<>(edits).entrySet()) {
        String origin = "edited:" + edit.getKey();
        if (edit.getValue().isBlank()) {
          byId.remove(edit.getKey());
          text.remove(edit.getKey());
          continue;
        }
        try {
          Entry entry = parser.parse(edit.getValue(), origin);
          if (!entry.id().equals(edit.getKey())) {
            found.add(new Problem(origin, "its front matter says id '" + entry.id() + "'"));
            continue;
          }
          byId.put(entry.id(), entry);
          text.put(entry.id(), edit.getValue());
        } catch (EntryFormatException e) {
          found.add(new Problem(origin, e.getMessage()));
        }
      }
      return new Loaded(new ArrayList<>(byId.values()), found, text);
    }
  }

  /** A skipped file and why. */
  public record Problem(String file, String reason) {
    @Override
    public String toString() {
      return file + ": " + reason;
    }
  }

  /** Loads every {@code *.md} file under a directory (not hidden ones). */
  public Loaded fromDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      return new Loaded(List.of(), List.of(new Problem(dir.toString(), "is not a directory")));
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".md"))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Collector collector = new Collector();
    for (Path file : files) {
      String name = dir.relativize(file).toString();
      try {
        byte[] bytes = Files.readAllBytes(file);
        collector.add(name, decode(bytes));
      } catch (CharacterCodingException e) {
        collector.problems.add(new Problem(name, "is not UTF-8 text"));
      } catch (IOException e) {
        collector.problems.add(new Problem(name, "cannot be read: " + e.getMessage()));
      }
    }
    return collector.done();
  }

  /** Loads the entries shipped inside the jar (or the classes folder, when run from a build). */
  public Loaded shipped() {
    URL url = EntryLoader.class.getClassLoader().getResource(SHIPPED);
    if (url == null) {
      return new Loaded(List.of(), List.of(new Problem(SHIPPED, "no entries are shipped on the classpath")));
    }
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return fromDirectory(Path.of(uri));
      }
      // The jar's file system is opened per load and closed after; loads are serialised.
      synchronized (EntryLoader.class) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return fromDirectory(jar.provider().getPath(uri));
        }
      }
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("The shipped entries cannot be listed: " + e.getMessage(), e);
    }
  }

  private static String decode(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private final class Collector {
    final List<Entry> entries = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    final Map<String, String> seen = new HashMap<>();
    final Map<String, String> sources = new HashMap<>();

    void add(String name, String text) {
      try {
        Entry entry = parser.parse(text, name);
        String earlier = seen.putIfAbsent(entry.id(), name);
        if (earlier != null) {
          problems.add(new Problem(name, "id '" + entry.id() + "' is already used by " + earlier));
          return;
        }
        entries.add(entry);
        sources.put(entry.id(), text);
      } catch (EntryFormatException e) {
        problems.add(new Problem(name, e.getMessage()));
      }
    }

    Loaded done() {
      return new Loaded(entries, problems, sources);
    }
  }
}
