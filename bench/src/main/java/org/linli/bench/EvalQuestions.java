package org.linli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.linli.kb.eval.EvalQuestion;

/**
 * The evaluation questions ({@code knowledge-base/eval/*.tsv}), which every benchmark cycles
 * through so that queries vary like real traffic: paraphrases, colloquial and Traditional
 * wordings, typos, and the small talk, off-topic and personal messages the bot must decline.
 *
 * <p>They are copied into the bench jar at build time ({@code linli/eval/}); the system property
 * {@code linli.bench.eval=DIR} reads another folder instead.
 */
public final class EvalQuestions {

  /** Classpath folder of the bundled questions. */
  public static final String RESOURCE = "linli/eval/";

  private EvalQuestions() {
  }

  /** Every question with its kind and expected answer, in file order. */
  public static List<EvalQuestion> all() {
    String override = System.getProperty("linli.bench.eval");
    if (override != null && !override.isBlank()) {
      return check(EvalQuestion.readAll(Path.of(override)), override);
    }
    URL url = EvalQuestions.class.getClassLoader().getResource(RESOURCE);
    if (url == null) {
      throw new IllegalStateException(RESOURCE + " is not on the classpath; build the bench module with Maven");
    }
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return check(EvalQuestion.readAll(Path.of(uri)), uri.toString());
      }
      synchronized (EvalQuestions.class) {
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
          return check(EvalQuestion.readAll(jar.provider().getPath(uri)), uri.toString());
        }
      }
    } catch (URISyntaxException | IOException e) {
      throw new UncheckedIOException(new IOException("Cannot read the evaluation questions: " + e.getMessage(), e));
    }
  }

  /** Just the question texts, in file order. */
  public static List<String> texts() {
    return all().stream().map(EvalQuestion::text).toList();
  }

  private static List<EvalQuestion> check(List<EvalQuestion> questions, String where) {
    if (questions.isEmpty()) {
      throw new IllegalStateException("No evaluation questions found in " + where);
    }
    return List.copyOf(questions);
  }
}
