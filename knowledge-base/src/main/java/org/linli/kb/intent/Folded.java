package org.linli.kb.intent;

import java.util.regex.Pattern;
import org.linli.kb.ChineseScript;

/**
 * Patterns folded like the text they match: written in Simplified, then passed through {@link
 * ChineseScript#fold}, so a character ICU maps on the way (跤 becomes 交) still matches. Sources must
 * not use upper-case escapes ({@code \P}, {@code \S}), which folding would lower.
 */
final class Folded {

  private Folded() {
  }

  static Pattern pattern(String regex) {
    return Pattern.compile(ChineseScript.fold(regex));
  }
}
