package org.linli.bot.console;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A person who works in the console: a unique name, one role, the communities a moderator works
 * for (one deployment is the community {@value #DEFAULT_COMMUNITY} for now; the field is there so
 * several can come), whether an admin disabled the account, and when it was created.
 */
public record Account(String name, Role role, Set<String> communities, boolean disabled, Instant created) {

  /** The one community of a deployment until communities exist. */
  public static final String DEFAULT_COMMUNITY = "default";

  public Account {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    communities = Set.copyOf(communities);
    Objects.requireNonNull(created, "created");
  }

  /** True when the account has {@code role}. */
  public boolean is(Role role) {
    return this.role == role;
  }
}
