package org.linli.bot.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Reads the text resources of this package ({@code messages.properties}, {@code
 * messages_zh_TW.properties}, {@code words.properties}) as UTF-8, once, and fills in their
 * {@code {0}}-style placeholders.
 */
final class Bundles {

  static final String SIMPLIFIED = "messages.properties";
  static final String TRADITIONAL = "messages_zh_TW.properties";
  static final String WORDS = "words.properties";

  private static final Properties SIMPLIFIED_TEXTS = read(SIMPLIFIED);
  private static final Properties TRADITIONAL_TEXTS = read(TRADITIONAL);
  private static final Properties WORD_LISTS = read(WORDS);

  private Bundles() {
  }

  static String simplified(String key) {
    return value(SIMPLIFIED_TEXTS, SIMPLIFIED, key);
  }

  static String traditional(String key) {
    return value(TRADITIONAL_TEXTS, TRADITIONAL, key);
  }

  static String word(String key) {
    return value(WORD_LISTS, WORDS, key);
  }

  /** The properties of one resource file of this package, read as UTF-8. */
  static Properties read(String file) {
    try (InputStream in = Bundles.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException(file + " is missing from the classpath");
      }
      Properties properties = new Properties();
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(file + " cannot be read", e);
    }
  }

  private static String value(Properties properties, String file, String key) {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new IllegalStateException(file + " has no text for " + key);
    }
    return value;
  }

  /**
   * The pattern with each {@code {n}} replaced by the n-th argument as {@link String#valueOf}
   * writes it. Unlike {@link java.text.MessageFormat} there are no quoting rules and numbers are
   * not regrouped, so a text reads in the bundle exactly as it is sent.
   */
  static String format(String pattern, Object... args) {
    if (args.length == 0 || pattern.indexOf('{') < 0) {
      return pattern;
    }
    StringBuilder out = new StringBuilder(pattern.length() + 16 * args.length);
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int close = c == '{' ? pattern.indexOf('}', i) : -1;
      if (close > i + 1 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
        int n = Integer.parseInt(pattern.substring(i + 1, close));
        if (n >= args.length) {
          throw new IllegalArgumentException("no argument {" + n + "} for: " + pattern);
        }
        out.append(args[n]);
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
