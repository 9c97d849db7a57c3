package org.linli.bot.consultation;

import java.util.HashSet;
import java.util.Set;

/** Who may run polls in which chat, from the {@code consultation.moderators} setting. */
public final class Moderators {

  private final Set<String> pairs = new HashSet<>();

  /** Parses {@code chat:user,chat:user}; {@code *} as chat means every chat. */
  public Moderators(String setting) {
    for (String pair : setting.split(",")) {
      String p = pair.strip();
      if (!p.isEmpty() && p.contains(":")) {
        pairs.add(p);
      }
    }
  }

  /** True when {@code user} moderates {@code chat}. */
  public boolean moderates(String chat, String user) {
    return pairs.contains(chat + ":" + user) || pairs.contains("*:" + user);
  }
}
