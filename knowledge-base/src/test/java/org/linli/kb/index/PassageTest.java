package org.linli.kb.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.kb.Entry;
import org.linli.kb.EntryFormatException;
import org.linli.kb.EntryParser;

/**
 * A guide's passages are well-formed text whatever stands at a long section's cut (240 UTF-16
 * units): the half of a character cut there is dropped by folding, never passed to the embedding
 * model's tokenizer.
 */
class PassageTest {

  @Test
  void a_long_section_cut_inside_a_character_outside_the_bmp_leaves_no_half_character_in_any_passage()
      throws EntryFormatException {
    // 239 characters, then a rare character (U+20BB7, 𠮷) and an emoji, each two UTF-16 units,
    // straddling the cut at 240 units.
    String section = "办".repeat(239) + "\uD842\uDFB7" + "\uD83D\uDCDE" + "结尾";
    Entry entry = new EntryParser().parse("---\nid: a\ntitle: 标题\n---\n## 办理地点\n" + section + "\n", "a.md");

    List<Passage> passages = Passage.of(entry);

    assertThat(passages).isNotEmpty().allSatisfy(p -> assertThat(wellFormed(p.text())).as(p.text()).isTrue());
    assertThat(passages).anySatisfy(p -> assertThat(p.kind()).isEqualTo(VectorKind.SECTION));
  }

  /** Well-formed UTF-16: UTF-8 can encode it (a lone surrogate it cannot). */
  private static boolean wellFormed(String text) {
    return StandardCharsets.UTF_8.newEncoder().canEncode(text);
  }
}
