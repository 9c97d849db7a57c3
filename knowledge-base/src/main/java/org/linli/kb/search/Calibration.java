package org.linli.kb.search;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fitted scoring models shipped with the service: one for hybrid retrieval (words and
 * vectors), one for lexical-only deployments, and the shortcut of the hybrid mode: a words-only
 * model whose threshold is so high that above it the answer is taken without running the
 * embedding model (a third of the CPU of a question, saved where words already settle it).
 * Written by the evaluation command, read at start.
 */
public record Calibration(ScoringModel hybrid, ScoringModel lexical, ScoringModel shortcut, String fittedOn) {

  /** Classpath location of the shipped calibration. */
  public static final String RESOURCE = "linli/calibration.json";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The model for the given mode. */
  public ScoringModel model(boolean semantic) {
    return semantic ? hybrid : lexical;
  }

  /** Reads the shipped calibration. */
  public static Calibration shipped() {
    try (InputStream in = Calibration.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing; run the evaluation command with --write");
      }
      return JSON.readValue(in, Calibration.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a calibration written by {@link #write} (the evaluation command's {@code --write}). */
  public static Calibration read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return JSON.readValue(in, Calibration.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the calibration " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes this calibration as JSON. */
  public void write(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      JSON.writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
