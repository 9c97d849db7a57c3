package org.linli.bot.http.console;

import java.util.Set;
import org.linli.bot.console.Role;
import org.linli.bot.text.Text;

/**
 * A link in the console's navigation: where it goes, its label, and the roles that see it (the
 * page itself must still refuse the others, see {@link ConsoleKit#only}).
 */
public record NavItem(String path, Text label, Set<Role> roles) {

  public NavItem {
    roles = Set.copyOf(roles);
  }

  /** True when an account with {@code role} sees this link. */
  public boolean shownTo(Role role) {
    return roles.contains(role);
  }
}
