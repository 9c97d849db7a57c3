package org.linli.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The few texts and marks the platform edge writes or reads itself, in Chinese: a constant {@code
 * DINGTALK_PRIVATE_NOTE} is the key {@code dingtalk.private.note} of {@code edge-texts.properties}
 * (UTF-8). The bot's replies come from the bot's own bundles; this module knows no bot, so it keeps
 * its own small file.
 */
public enum EdgeText {
  DINGTALK_PRIVATE_NOTE,
  DINGTALK_TITLE,
  DINGTALK_BUTTON_OPEN,
  DINGTALK_BUTTON_CLOSE,
  DINGTALK_BUTTON,
  TELEGRAM_START_ME_FIRST,
  WECOM_NUMBERED_LABEL;

  private static final Properties TEXTS = read();

  private final String key = name().toLowerCase(Locale.ROOT).replace('_', '.');

  /** The key in {@code edge-texts.properties}. */
  public String key() {
    return key;
  }

  /** The text as written. */
  public String text() {
    String value = TEXTS.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("edge-texts.properties has no text for " + key);
    }
    return value;
  }

  /** The text as a regular expression. */
  public Pattern pattern() {
    return Pattern.compile(text());
  }

  private static Properties read() {
    try (InputStream in = EdgeText.class.getResourceAsStream("edge-texts.properties")) {
      if (in == null) {
        throw new IllegalStateException("edge-texts.properties is missing from the classpath");
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
