package org.linli.bot.ticket;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The promised time limit per category, read from the {@code tickets.timeLimitHours} setting
 * ({@code emergency=2,repair=48,...,default=72}), in hours; a value may also end in {@code m}
 * (minutes) or {@code s} (seconds), for drills and tests. A category not listed gets {@code
 * default}; with no {@code default} either, 72 hours.
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
        if (kv.length != 2 || !kv[1].strip().matches("\\d+[hms]?")) {
          throw new IllegalArgumentException("a time limit is category=hours, '" + pair.strip() + "' is not");
        }
        String v = kv[1].strip();
        long n = Long.parseLong(v.replaceAll("[hms]$", ""));
        Duration limit = v.endsWith("s")
            ? Duration.ofSeconds(n)
            : v.endsWith("m") ? Duration.ofMinutes(n) : Duration.ofHours(n);
        out.put(kv[0].strip().toLowerCase(Locale.ROOT), limit);
      }
    }
    return new TimeLimits(out);
  }

  /** The time limit for a category. */
  public Duration of(String category) {
    return category == null ? fallback : byCategory.getOrDefault(category, fallback);
  }
}
