package org.linli.bot.text;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Simplified to Traditional for guide text quoted in replies (titles, summaries, items written by
 * the street office), as OpenCC's {@code s2tw} does: OpenCC's phrase and character dictionaries
 * (through opencc4j), then Taiwan's standard forms of the characters ({@code tw-variants.properties}:
 * 羣 is 群, 裏 is 裡, 爲 is 為). Unlike ICU's character transform, phrases pick the right character
 * (复印件 is 複印件, 答复 is 答覆, 咨询 is 諮詢).
 *
 * <p>Words are not replaced by Taiwan's vocabulary (OpenCC's {@code s2twp} phrase step): its table
 * turns 社区 into 社羣 and 复印件 into 影印件, which is wrong for a mainland street office's guides.
 * The bot's own texts are not converted at all: they come from {@code messages_zh_TW.properties}.
 */
public final class TraditionalScript {

  private static final Map<Integer, String> TAIWAN = variants();
  private static final int CACHE_LIMIT = 20_000;
  private static final ConcurrentHashMap<String, String> CONVERTED = new ConcurrentHashMap<>();

  private TraditionalScript() {
  }

  /**
   * Loads OpenCC's dictionaries (about a second, once): call it where blocking is allowed, so the
   * first Traditional reply does not pay for it on the event loop. Returns a converted sample.
   */
  public static String load() {
    return ZhConverterUtil.toTraditional(Text.DIRECTORY_HEADING.of());
  }

  /** The text in Traditional characters, Taiwan's standard forms. */
  public static String of(String simplified) {
    if (simplified == null || simplified.isEmpty()) {
      return simplified;
    }
    String cached = CONVERTED.get(simplified);
    if (cached != null) {
      return cached;
    }
    String traditional = ZhConverterUtil.toTraditional(simplified);
    StringBuilder out = new StringBuilder(traditional.length());
    traditional.codePoints().forEach(cp -> {
      String variant = TAIWAN.get(cp);
      if (variant == null) {
        out.appendCodePoint(cp);
      } else {
        out.append(variant);
      }
    });
    String result = out.toString();
    if (CONVERTED.size() > CACHE_LIMIT) {
      CONVERTED.clear();
    }
    CONVERTED.put(simplified, result);
    return result;
  }

  private static Map<Integer, String> variants() {
    Properties table = Bundles.read("tw-variants.properties");
    return table.stringPropertyNames().stream()
        .collect(Collectors.toUnmodifiableMap(k -> k.codePointAt(0), table::getProperty));
  }
}
