package org.linli.bot.household;

import java.time.Duration;

/**
 * How many wrong binding codes are accepted within {@code window} before binding pauses: from one
 * identity, from the identities bound to one household together, and from the whole community
 * across identities (then binding pauses for everyone, so that many identities guessing together
 * are stopped as one). Counted from the first wrong code of each window.
 */
public record BindingLimits(int perIdentity, int perHousehold, int perCommunity, Duration window) {

  /** The defaults of the settings: 10, 20 and 60 wrong codes an hour. */
  public static final BindingLimits DEFAULT = new BindingLimits(10, 20, 60, Duration.ofHours(1));

  public BindingLimits {
    if (perIdentity < 1 || perHousehold < 1 || perCommunity < 1) {
      throw new IllegalArgumentException("every limit of wrong binding codes must be at least 1");
    }
    if (window.toMillis() < 1) {
      throw new IllegalArgumentException("wrong binding codes must be counted for at least a millisecond");
    }
  }
}
