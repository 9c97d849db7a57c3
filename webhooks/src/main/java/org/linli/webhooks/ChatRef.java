package org.linli.webhooks;

import java.util.Objects;
import java.util.Optional;

/**
 * A conversation on one chat platform: the platform's name and the platform's own chat id. Stored
 * and compared as its {@link #key()}, {@code platform:chat}.
 */
public record ChatRef(String platform, String chat) {

  public ChatRef {
    PlatformKey.requireName(platform);
    Objects.requireNonNull(chat, "chat");
  }

  /** The chat of a key written by {@link #key()} (spaces around either part ignored), or empty. */
  public static Optional<ChatRef> parse(String key) {
    return PlatformKey.parse(key,
        (platform, chat) -> platform.isBlank() ? null : new ChatRef(platform.strip(), chat.strip()));
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
