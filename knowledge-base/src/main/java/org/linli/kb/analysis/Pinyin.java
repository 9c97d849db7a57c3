package org.linli.kb.analysis;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Toneless pinyin of a Han character (ICU {@code Han-Latin}), so that homophone typos such as
 * 低宝 for 低保 or 生鱼 for 生育 still meet. A polyphonic character gets ICU's one reading, the same
 * at index and query time.
 */
public final class Pinyin {

  private static final Transliterator HAN_LATIN = Transliterator.getInstance("Han-Latin; Latin-ASCII");
  private static final ConcurrentHashMap<Integer, String> CACHE = new ConcurrentHashMap<>();

  private Pinyin() {
  }

  /** The syllable for one code point, or the character itself when it is not Han. */
  public static String of(int codePoint) {
    return CACHE.computeIfAbsent(codePoint, Pinyin::compute);
  }

  private static String compute(int codePoint) {
    String text = new String(Character.toChars(codePoint));
    if (Character.UnicodeScript.of(codePoint) != Character.UnicodeScript.HAN) {
      return text;
    }
    synchronized (HAN_LATIN) {
      return HAN_LATIN.transliterate(text).strip().toLowerCase(Locale.ROOT);
    }
  }
}
