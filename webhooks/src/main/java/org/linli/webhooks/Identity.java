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
    PlatformKey.requireName(platform);
    Objects.requireNonNull(user, "user");
  }

  /** The identity of a key written by {@link #key()}, or empty when {@code key} is not one. */
  public static Optional<Identity> parse(String key) {
    return PlatformKey.parse(key, Identity::new);
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
