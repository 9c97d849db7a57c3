package org.linli.webhooks;

import java.util.Objects;
import java.util.Optional;

/**
 * A person on one chat platform: the platform's name and the platform's own user id. Stored and
 * compared as its {@link #key()}, {@code platform:user} (the user id may itself hold colons; the
 * platform's name never does).
 */
public record Identity(String platform, String user) {

  public Identity {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(user, "user");
    if (platform.isEmpty() || platform.contains(":")) {
      throw new IllegalArgumentException("A platform name is not empty and holds no colon: '" + platform + "'");
    }
  }

  /** The identity of a key written by {@link #key()}, or empty when {@code key} is not one. */
  public static Optional<Identity> parse(String key) {
    int colon = key == null ? -1 : key.indexOf(':');
    return colon <= 0 ? Optional.empty() : Optional.of(new Identity(key.substring(0, colon), key.substring(colon + 1)));
  }

  /** {@code platform:user}, the form the stores keep. */
  public String key() {
    return platform + ":" + user;
  }

  @Override
  public String toString() {
    return key();
  }
}
