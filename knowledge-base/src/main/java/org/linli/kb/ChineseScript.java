package org.linli.kb;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Script folding for Chinese text: Traditional to Simplified (ICU {@code Traditional-Simplified})
 * for matching, and back to Traditional for replying to someone who wrote in Traditional.
 *
 * <p>ICU transliterators are not safe for concurrent use, so each call borrows one under a lock;
 * folded results of short texts are cached, as the same questions come back again and again.
 */
public final class ChineseScript {

  private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");
  private static final Transliterator TO_TRADITIONAL = Transliterator.getInstance("Simplified-Traditional");
  private static final int CACHE_LIMIT = 50_000;
  private static final ConcurrentHashMap<String, String> FOLDED = new ConcurrentHashMap<>();

  private ChineseScript() {
  }

  /**
   * Folds text for matching: Unicode compatibility forms (full-width letters and digits become
   * ASCII), Traditional becomes Simplified, Latin letters lower-case; a lone surrogate (half an
   * emoji, as a JSON {@code \ud83d} decodes to) becomes U+FFFD, and the code points that only glue
   * or dress emoji (variation selectors, zero-width joiner, keycap, skin tones, tags) are dropped,
   * and so are other invisible format characters and combining marks that NFKC could not compose:
   * 1️⃣ is 1, 丁️ and 丁̀ are 丁.
   */
  public static String fold(String text) {
    if (text.length() <= 200) {
      String cached = FOLDED.get(text);
      if (cached != null) {
        return cached;
      }
    }
    String nfkc = Normalizer.normalize(wellFormed(text), Normalizer.Form.NFKC);
    String simplified;
    synchronized (TO_SIMPLIFIED) {
      simplified = TO_SIMPLIFIED.transliterate(nfkc);
    }
    // Marks last: lower-casing İ makes i and a combining dot.
    String folded = withoutMarks(SwappedPairs.settled(simplified).toLowerCase(Locale.ROOT));
    if (text.length() <= 200) {
      if (FOLDED.size() > CACHE_LIMIT) {
        FOLDED.clear();
      }
      FOLDED.put(text, folded);
    }
    return folded;
  }

  /**
   * The characters ICU's Traditional-Simplified turns into each other (苧 ↔ 苎): folding once more
   * would undo the first fold, so each such pair folds to one of the two, the lower code point.
   * Found once, over the CJK blocks of the Basic Multilingual Plane, when first needed.
   */
  private static final class SwappedPairs {

    private static final Map<Character, Character> SETTLED = find();

    private static Map<Character, Character> find() {
      Map<Character, Character> pairs = new HashMap<>();
      synchronized (TO_SIMPLIFIED) {
        for (char c = 0x3400; c <= 0x9fff; c++) {
          String once = TO_SIMPLIFIED.transliterate(String.valueOf(c));
          if (once.length() == 1 && once.charAt(0) != c
              && TO_SIMPLIFIED.transliterate(once).equals(String.valueOf(c))) {
            pairs.put(c, (char) Math.min(c, once.charAt(0)));
          }
        }
      }
      return Collections.unmodifiableMap(pairs); // not Map.copyOf: neighbouring chars probe long runs
    }

    static String settled(String text) {
      StringBuilder out = null;
      for (int i = 0; i < text.length(); i++) {
        Character to = SETTLED.get(text.charAt(i));
        if (to != null && to != text.charAt(i)) {
          if (out == null) {
            out = new StringBuilder(text);
          }
          out.setCharAt(i, to);
        }
      }
      return out == null ? text : out.toString();
    }
  }

  /** The text with each lone surrogate replaced by U+FFFD (the text itself when it has none). */
  public static String wellFormed(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1));
      if (pair) {
        if (out != null) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        out.append('\uFFFD');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private static String withoutMarks(String text) {
    if (text.codePoints().noneMatch(ChineseScript::mark)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().filter(cp -> !mark(cp)).forEach(out::appendCodePoint);
    return out.toString();
  }

  private static boolean mark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK // variation selectors among them
        || type == Character.ENCLOSING_MARK // the keycap among them
        || type == Character.FORMAT // zero-width joiner and space, bidi marks, tags, BOM
        || (cp >= 0x1F3FB && cp <= 0x1F3FF); // skin-tone modifiers
  }

  /** Simplified to Traditional, for replies to residents who write in Traditional. */
  public static String toTraditional(String text) {
    synchronized (TO_TRADITIONAL) {
      return TO_TRADITIONAL.transliterate(text);
    }
  }

  /**
   * True when the text is written in Traditional characters: at least two of its Han characters
   * change when folded to Simplified (one could be a character shared by both scripts' usage).
   */
  public static boolean isTraditional(String text) {
    // Compare with the (cached) folded form; only Han characters count, and NFKC never changes them
    // into other Han characters, so the positions of the two strings line up for those.
    String folded = fold(text);
    if (folded.length() != text.length()) {
      String simplified;
      synchronized (TO_SIMPLIFIED) {
        simplified = TO_SIMPLIFIED.transliterate(text);
      }
      folded = simplified;
    }
    int changed = 0;
    int han = 0;
    for (int i = 0; i < Math.min(text.length(), folded.length()); i++) {
      if (Character.UnicodeScript.of(text.charAt(i)) == Character.UnicodeScript.HAN) {
        han++;
        if (text.charAt(i) != folded.charAt(i)) {
          changed++;
        }
      }
    }
    return changed >= 2 || (changed == 1 && han <= 4);
  }

}
