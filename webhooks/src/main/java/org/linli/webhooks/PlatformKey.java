package org.linli.webhooks;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Keys written {@code platform:id} ({@link ChatRef}, {@link Identity}): the platform's name is not
 * empty and never holds a colon, so a key splits at its first colon; the id may hold more.
 */
final class PlatformKey {

  private PlatformKey() {
  }

  /** Refuses a platform name that is null, empty or holds a colon. */
  static void requireName(String platform) {
    Objects.requireNonNull(platform, "platform");
    if (platform.isEmpty() || platform.contains(":")) {
      throw new IllegalArgumentException("A platform name is not empty and holds no colon: '" + platform + "'");
    }
  }

  /**
   * What {@code make} builds from the two parts of {@code key}, split at its first colon; empty when
   * {@code key} is null, holds no colon, starts with one, or {@code make} gives null.
   */
  static <T> Optional<T> parse(String key, BiFunction<String, String, T> make) {
    int colon = key == null ? -1 : key.indexOf(':');
    return colon <= 0
        ? Optional.empty()
        : Optional.ofNullable(make.apply(key.substring(0, colon), key.substring(colon + 1)));
  }
}
