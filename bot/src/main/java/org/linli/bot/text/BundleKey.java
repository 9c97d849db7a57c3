package org.linli.bot.text;

import java.util.Locale;

/**
 * A constant named after its key in a bundle: {@code POLL_NOT_FOUND} is the key {@code
 * poll.not.found}. {@link Text} and {@link Words} are such constants.
 */
public interface BundleKey {

  /** The constant's name, as every enum has. */
  String name();

  /** The key in the bundle: the name in lower case, dots for underscores. */
  default String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '.');
  }
}
