package org.linli.kb.index;

import java.util.ArrayList;
import java.util.List;
import org.linli.kb.ChineseScript;
import org.linli.kb.Entry;
import org.linli.kb.GuideBody;

/** A piece of a guide that gets its own vector: its title, a question, the summary, a section. */
public record Passage(String entryId, VectorKind kind, String text) {

  private static final int SECTION_CHARS = 240;

  /** Every passage of an entry, folded to Simplified. */
  public static List<Passage> of(Entry entry) {
    List<Passage> out = new ArrayList<>();
    out.add(new Passage(entry.id(), VectorKind.TITLE, fold(entry.title())));
    for (String q : entry.questions()) {
      out.add(new Passage(entry.id(), VectorKind.QUESTION, fold(q)));
    }
    GuideBody body = entry.guide();
    if (!body.summary().isBlank()) {
      out.add(new Passage(entry.id(), VectorKind.SUMMARY, fold(entry.title() + "：" + body.summary())));
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
                fold(entry.title() + " " + section.heading() + "：" + text)));
      }
    }
    return out;
  }

  private static String fold(String text) {
    return ChineseScript.fold(text).strip();
  }
}
