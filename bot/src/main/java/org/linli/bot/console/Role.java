package org.linli.bot.console;

import java.util.Locale;
import java.util.Optional;
import org.linli.bot.text.Text;

/**
 * What a console account may do: the street office's admins everything, a community's moderators
 * its consultations and register, the help-line's operators its tickets. Pages and REST routes
 * name the roles they admit; the table in {@code docs/console.md} says which.
 */
public enum Role {
  ADMIN(Text.CONSOLE_ROLE_ADMIN),
  MODERATOR(Text.CONSOLE_ROLE_MODERATOR),
  OPERATOR(Text.CONSOLE_ROLE_OPERATOR);

  private final Text label;

  Role(Text label) {
    this.label = label;
  }

  /** The name stored and posted in forms: {@code admin}, {@code moderator}, {@code operator}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role's name as the console shows it. */
  public String label() {
    return label.of();
  }

  /** The role of a stored or posted name, if it is one. */
  public static Optional<Role> of(String wire) {
    for (Role role : values()) {
      if (role.wire().equals(wire)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
