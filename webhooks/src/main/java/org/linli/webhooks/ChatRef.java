package org.linli.webhooks;

import java.util.Objects;
import java.util.Optional;

/**
 * A conversation on one chat platform: the platform's name and the platform's own chat id. Stored
 * and compared as its {@link #key()}, {@code platform:chat}.
 */
public record ChatRef(String platform, String chat) {

  public ChatRef {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(chat, "chat");
    if (platform.isEmpty() || platform.contains(":")) {
      throw new IllegalArgumentException("A platform name is not empty and holds no colon: '" + platform + "'");
    }
  }

  /** The chat of a key written by {@link #key()} (spaces around either part ignored), or empty. */
  public static Optional<ChatRef> parse(String key) {
    int colon = key == null ? -1 : key.indexOf(':');
    if (colon <= 0 || key.substring(0, colon).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new ChatRef(key.substring(0, colon).strip(), key.substring(colon + 1).strip()));
  }

  /** {@code platform:chat}, the form the stores and the settings keep. */
  public String key() {
    return platform + ":" + chat;
  }

  @Override
  public String toString() {
    return key();
  }
}
