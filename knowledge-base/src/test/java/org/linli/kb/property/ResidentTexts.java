package org.linli.kb.property;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Texts a resident can type, and some no keyboard makes: Han of the BMP and of CJK extension B,
 * Traditional characters, emoji in and out of the BMP (ZWJ families, skin tones, flags, keycaps,
 * variation selectors), combining marks, full-width forms, control characters, lone surrogates,
 * punctuation, Latin and pinyin, and long texts up to {@link #LIMIT} characters. Shared with the
 * bot's property tests (test-jar).
 */
public final class ResidentTexts {

  /** The longest question the service accepts, in UTF-16 chars. */
  public static final int LIMIT = 4_000;

  /** Questions the shipped guides answer, to be buried in noise. */
  public static final List<String> QUESTIONS = List.of("外地人怎么办居住证", "低保怎么申请", "养狗要登记吗", "垃圾分类怎么分", "怎么办理老年人优待证",
      "失业了怎么登记");

  private static final List<String> EMOJI = List.of(
      "😀", "🎉", "🐶", "🏠", "🙏", "😂", "🤔", "🥲", "🫠", "☀", "☎", "✅", "❤", "❤️", "⚡", "☺", "✌", "⭐",
      "👨‍👩‍👧", "👩‍💻", "🏳️‍🌈", "👨‍👨‍👦‍👦", "🧑🏽‍🦯",
      "👍🏻", "👋🏿", "🙏🏼", "👶🏾",
      "🇨🇳", "🇭🇰", "🇹🇼", "🇺🇸", "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
      "1️⃣", "#️⃣", "*️⃣", "9⃣",
      "\uFE0F", "\uFE0E", "\uDB40\uDD00", "\u200D");

  private static final List<String> CONTROL = List.of("\u0000", "\u0001", "\u0007", "\b", "\t", "\n", "\r", "\u001B",
      "\u007F", "\u0085", "\u009F",
      "\u200B", "\u200E", "\u200F", "\u202E", "\u2028", "\u2029", "\uFEFF", "\uFFFE", "\uFFFF", "\uE000");

  private static final List<String> LONE_SURROGATES = List.of("\uD83D", "\uDE00", "\uD800", "\uDBFF", "\uDC00",
      "\uDFFF");

  private static final List<String> PINYIN = List.of("dibao", "ju zhu zheng", "hukou", "WiFi", "shenqing", "zenme ban",
      "ok", "QQ", "App", "ID", "12345",
      "2024-05-01", "Hello", "diBAO", "ü", "lǜ", "nǚ", "İstanbul", "ΣΑΣ", "ß", "ǅ");

  private static final String TRADITIONAL = "國語學習證辦理戶籍醫療補貼養老們這個會員關於區鄉鎮鄰裡電話號碼請問應該麼樣還過";
  private static final String PUNCTUATION = "，。？！、…—“”‘’《》【】（）()?!.,;:~·@#$%^&*-_=+[]{}|\\/<>\"'`";

  private ResidentTexts() {
  }

  /** Any mix of the fragments above, from empty to {@link #LIMIT} chars. */
  public static Arbitrary<String> texts() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, mixed(0, 24)),
        net.jqwik.api.Tuple.of(2, questionInNoise()),
        net.jqwik.api.Tuple.of(1, only(emoji())),
        net.jqwik.api.Tuple.of(1, only(punctuation())),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(40)),
        net.jqwik.api.Tuple.of(1, longText()));
  }

  /** As {@link #texts()}, but at most {@code max} chars (for the slower embedding model). */
  public static Arbitrary<String> texts(int max) {
    return texts().map(t -> cut(t, max));
  }

  /**
   * A question a guide answers, with emoji around it. Keycaps are left out: 1️⃣ is the digit 1 with
   * a frame, and a digit is part of what the resident wrote.
   */
  public static Arbitrary<String> questionInNoise() {
    Arbitrary<String> pictographs = Arbitraries.of(EMOJI.stream().filter(e -> !e.contains("\u20E3")).toList());
    return Combinators
        .combine(Arbitraries.of(QUESTIONS), pictographs.list().ofMaxSize(3), pictographs.list().ofMaxSize(3))
        .as((q, before, after) -> String.join("", before) + q + String.join("", after));
  }

  /** Fragments of every kind, joined. */
  public static Arbitrary<String> mixed(int min, int max) {
    return fragment().list().ofMinSize(min).ofMaxSize(max).map(parts -> cut(String.join("", parts), LIMIT));
  }

  /** One fragment of one kind. */
  static Arbitrary<String> fragment() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, hanBmp()),
        net.jqwik.api.Tuple.of(3, Arbitraries.of(QUESTIONS)),
        net.jqwik.api.Tuple.of(1, codePoints(0x20000, 0x2A6DF)),
        net.jqwik.api.Tuple.of(2, Arbitraries.of(TRADITIONAL.chars().mapToObj(c -> String.valueOf((char) c)).toList())),
        net.jqwik.api.Tuple.of(3, emoji()),
        net.jqwik.api.Tuple.of(1, codePoints(0x1F300, 0x1FAFF)),
        net.jqwik.api.Tuple.of(1, codePoints(0x0300, 0x036F)),
        net.jqwik.api.Tuple.of(1, codePoints(0xFF01, 0xFF5E)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("\u3000", "ｄｉｂａｏ", "１２３", "㍿", "ﬁ", "Ⅻ", "①")),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(CONTROL)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(LONE_SURROGATES)),
        net.jqwik.api.Tuple.of(2, punctuation()),
        net.jqwik.api.Tuple.of(2, Arbitraries.of(PINYIN)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(" ", "  ", "\u00A0")),
        net.jqwik.api.Tuple.of(1, codePoints(0, 0x10FFFF)));
  }

  /** One emoji, sequence or modifier. */
  public static Arbitrary<String> emoji() {
    return Arbitraries.of(EMOJI);
  }

  static Arbitrary<String> punctuation() {
    return Arbitraries.of(PUNCTUATION.chars().mapToObj(c -> String.valueOf((char) c)).toList());
  }

  private static Arbitrary<String> hanBmp() {
    return codePoints(0x4E00, 0x9FFF).list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
  }

  private static Arbitrary<String> codePoints(int from, int to) {
    return Arbitraries.integers().between(from, to).map(cp -> new String(Character.toChars(cp)));
  }

  private static Arbitrary<String> only(Arbitrary<String> kind) {
    return kind.list().ofMinSize(1).ofMaxSize(20).map(l -> String.join("", l));
  }

  private static Arbitrary<String> longText() {
    return Combinators.combine(mixed(1, 12), Arbitraries.integers().between(500, LIMIT))
        .as((seed, length) -> {
          StringBuilder text = new StringBuilder(length);
          while (text.length() < length) {
            text.append(seed.isEmpty() ? "问" : seed);
          }
          return text.substring(0, length);
        });
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
