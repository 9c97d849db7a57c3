package org.linli.bot.console;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.linli.bot.community.Community;

/**
 * A person who works in the console: a unique name, one role, the communities the account works
 * for (ids; {@value #EVERY_COMMUNITY} for all of them, as a street-wide help-line's operators do;
 * an admin works for every community whatever it lists), whether an admin disabled the account,
 * and when it was created.
 */
public record Account(String name, Role role, Set<String> communities, boolean disabled, Instant created) {

  /** The community of every chat no other community names. */
  public static final String DEFAULT_COMMUNITY = Community.DEFAULT;

  /** In {@link #communities()}: every community, those created later too. */
  public static final String EVERY_COMMUNITY = "*";

  public Account {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    communities = Set.copyOf(communities);
    Objects.requireNonNull(created, "created");
  }

  /** True when the account may see and change what belongs to the community {@code id}. */
  public boolean worksIn(String id) {
    return role == Role.ADMIN || communities.contains(EVERY_COMMUNITY) || communities.contains(id);
  }

  /** True when the account works for every community. */
  public boolean worksEverywhere() {
    return role == Role.ADMIN || communities.contains(EVERY_COMMUNITY);
  }

  /** True when the account has {@code role}. */
  public boolean is(Role role) {
    return this.role == role;
  }
}
