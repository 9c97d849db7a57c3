package org.linli.kb.property;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.linli.kb.KnowledgeBase;
import org.linli.kb.embed.BgeSmallZhEmbedder;
import org.linli.kb.search.Calibration;

/**
 * The knowledge base with the sentence-embedding model answers any text with a well-formed answer.
 * The model is loaded and the shipped guides embedded once; texts are kept short enough that a few
 * hundred tries embed in seconds.
 */
class HybridKnowledgeBasePropertyTest {

  private static KnowledgeBase kb;

  @BeforeContainer
  static void load_the_model_and_the_shipped_guides() {
    try {
      Path data = Files.createTempDirectory("linli-kb-properties");
      kb = new KnowledgeBase(null, BgeSmallZhEmbedder.load(data, 1), Calibration.shipped().model(true), 3,
          data.resolve("index"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    kb.reload();
  }

  @AfterContainer
  static void close() {
    kb.close();
  }

  @Provide
  Arbitrary<String> texts() {
    return ResidentTexts.texts(300);
  }

  @Property(tries = 300)
  void any_text_gets_a_well_formed_answer(@ForAll("texts") String text) {
    AnswerChecks.wellFormed(kb.ask(text), 3);
  }
}
