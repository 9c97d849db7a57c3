package org.linli.webhooks;

import java.util.Set;

/** What each platform can do, by platform name: domain code asks this instead of naming platforms. */
@FunctionalInterface
public interface Capabilities {

  /** The capabilities of {@code platform}; none for a platform the service does not know. */
  Set<Capability> of(String platform);

  /** True when {@code platform} has {@code capability}. */
  default boolean has(String platform, Capability capability) {
    return of(platform).contains(capability);
  }
}
