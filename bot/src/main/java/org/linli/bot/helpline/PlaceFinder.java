package org.linli.bot.helpline;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linli.bot.text.Words;
import org.linli.kb.ChineseScript;

/**
 * Finds where a request for help is: a building, unit and room ({@code 7号楼1单元302}, {@code
 * 3栋2单元}, {@code 5-1-101}, a street number) or a named place of the community ({@code 东门},
 * {@code 地下车库}, {@code 小区花园}). The words are {@code place.address} and {@code place.named}
 * of {@code words.properties}; Traditional text is folded to Simplified first.
 */
final class PlaceFinder {

  private static final Pattern ADDRESS = Words.PLACE_ADDRESS.pattern();
  private static final Pattern NAMED = Words.PLACE_NAMED.pattern();

  /** The first place {@code text} names, a building address before a named place; empty when none. */
  Optional<String> find(String text) {
    String folded = ChineseScript.fold(text == null ? "" : text);
    Matcher address = ADDRESS.matcher(folded);
    if (address.find()) {
      return Optional.of(address.group());
    }
    Matcher named = NAMED.matcher(folded);
    return named.find() ? Optional.of(named.group()) : Optional.empty();
  }
}
