package org.linli.kb.index;

import java.util.ArrayList;
import java.util.List;
import org.linli.kb.Entry;
import org.linli.kb.GuideBody;
import org.linli.kb.analysis.ResidentLexicon;

/** A piece of a guide that gets its own vector: its title, a question or alias, the summary, a section. */
public record Passage(String entryId, VectorKind kind, String text) {

  private static final int SECTION_CHARS = 240;

  /**
   * Every passage of an entry, folded to Simplified. Title and text are joined by ':', which is
   * what folding (NFKC) makes of the full-width colon anyway.
   */
  public static List<Passage> of(Entry entry) {
    List<Passage> out = new ArrayList<>();
    out.add(new Passage(entry.id(), VectorKind.TITLE, fold(entry.title())));
    for (String q : entry.questions()) {
      out.add(new Passage(entry.id(), VectorKind.QUESTION, fold(q)));
    }
    for (String alias : entry.aliases()) {
      out.add(new Passage(entry.id(), VectorKind.QUESTION, fold(alias)));
    }
    GuideBody body = entry.guide();
    if (!body.summary().isBlank()) {
      out.add(new Passage(entry.id(), VectorKind.SUMMARY, fold(entry.title() + ":" + body.summary())));
    }
    for (GuideBody.Section section : body.sections()) {
      String text = section.text().replaceAll("\\s+", " ");
      if (text.length() > SECTION_CHARS) {
        text = text.substring(0, SECTION_CHARS);
      }
      if (!text.isBlank()) {
        out.add(
            new Passage(
                entry.id(),
                VectorKind.SECTION,
                fold(entry.title() + " " + section.heading() + ":" + text)));
      }
      // Residents often ask about one detail (a material, a place, a fee): each list item gets
      // its own vector, so that detail is not drowned by the rest of its section.
      List<String> items = section.items();
      if (items.size() > 1) {
        for (String item : items) {
          String clean = item.replaceAll("\\*\\*", "").strip();
          if (clean.length() >= 6) {
            out.add(new Passage(entry.id(), VectorKind.ITEM,
                fold(entry.title() + " " + section.heading() + ":" + clean)));
          }
        }
      }
    }
    return out;
  }

  private static String fold(String text) {
    return ResidentLexicon.matchForm(text).strip();
  }
}
