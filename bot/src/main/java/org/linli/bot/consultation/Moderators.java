package org.linli.bot.consultation;

import java.util.ArrayList;
import java.util.List;
import org.linli.config.SettingsException;
import org.linli.webhooks.ChatRef;
import org.linli.webhooks.Identity;

/**
 * Who may run polls in which chat, from the {@code consultation.moderators} setting: a
 * comma-separated list of {@code platform:chat:user} ({@code chatapp:-100123:2222}), where chat
 * {@code *} means every chat of that platform ({@code chatapp:*:2222}). The older {@code
 * chat:user} form ({@code g1:mod}) still names one chat, on whichever platform it is; {@code *:user}
 * would name the user on every platform, so it is refused: write the platform.
 */
public final class Moderators {

  private final List<Grant> grants = new ArrayList<>();

  /** One entry: {@code platform} null for the older form (that chat on any platform). */
  private record Grant(String platform, String chat, String user) {

    boolean covers(ChatRef where, Identity who) {
      return (platform == null || platform.equals(where.platform()))
          && (chat.equals("*") || chat.equals(where.chat()))
          && user.equals(who.user());
    }
  }

  /** Parses the setting; an entry without a colon is ignored, a {@code *:user} entry refused. */
  public Moderators(String setting) {
    for (String entry : setting.split(",")) {
      String e = entry.strip();
      String[] parts = e.split(":", 3);
      if (parts.length == 3) {
        if (parts[0].isEmpty() || parts[0].equals("*")) {
          throw new SettingsException("consultation.moderators: '" + e + "' must start with the platform's name"
              + " (<platform>:*:" + parts[2] + ")");
        }
        grants.add(new Grant(parts[0], parts[1], parts[2]));
      } else if (parts.length == 2) {
        if (parts[0].equals("*")) {
          throw new SettingsException("consultation.moderators: '" + e + "' would make " + parts[1]
              + " a moderator on every platform; write the platform: <platform>:*:" + parts[1]);
        }
        grants.add(new Grant(null, parts[0], parts[1]));
      }
    }
  }

  /** True when {@code who} moderates the chat {@code where} (a person of another platform never does). */
  public boolean moderates(ChatRef where, Identity who) {
    return where.platform().equals(who.platform()) && grants.stream().anyMatch(g -> g.covers(where, who));
  }
}
