package org.linli.bot.ticket;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The promised time limit per category, read from the {@code tickets.timeLimitHours} setting
 * ({@code emergency=2,repair=48,...,default=72}). A category not listed gets {@code default}; with
 * no {@code default} either, 72 hours.
 */
public final class TimeLimits {

  static final Duration FALLBACK = Duration.ofHours(72);

  private final Map<String, Duration> byCategory;
  private final Duration fallback;

  private TimeLimits(Map<String, Duration> byCategory) {
    this.byCategory = Map.copyOf(byCategory);
    this.fallback = byCategory.getOrDefault("default", FALLBACK);
  }

  /** Parses {@code category=hours} pairs, comma-separated; blanks are skipped. */
  public static TimeLimits parse(String setting) {
    Map<String, Duration> out = new LinkedHashMap<>();
    if (setting != null) {
      for (String pair : setting.split(",")) {
        if (pair.isBlank()) {
          continue;
        }
        String[] kv = pair.strip().split("=", 2);
        if (kv.length != 2 || !kv[1].strip().matches("\\d+")) {
          throw new IllegalArgumentException("a time limit is category=hours, '" + pair.strip() + "' is not");
        }
        out.put(kv[0].strip().toLowerCase(Locale.ROOT), Duration.ofHours(Long.parseLong(kv[1].strip())));
      }
    }
    return new TimeLimits(out);
  }

  /** The time limit for a category. */
  public Duration of(String category) {
    return category == null ? fallback : byCategory.getOrDefault(category, fallback);
  }
}
