package org.linli.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A token, key or password from the settings. It never prints itself: {@link #toString()} gives
 * {@code ********}, so a secret that slips into a log line or an exception message stays secret.
 */
public final class Secret {

  private static final Secret NONE = new Secret("");

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a configured value; null or blank means "not set". */
  @JsonCreator
  public static Secret of(String value) {
    return value == null || value.isBlank() ? NONE : new Secret(value.strip());
  }

  /** The secret that is not set. */
  public static Secret none() {
    return NONE;
  }

  /** True when an operator configured a value. */
  public boolean isSet() {
    return !value.isEmpty();
  }

  /** The clear value, for signing and verifying only. */
  public String reveal() {
    return value;
  }

  /**
   * Compares a presented value with this secret in constant time. An unset secret matches nothing,
   * so a forgotten setting closes the door rather than opening it.
   */
  public boolean matches(String presented) {
    if (!isSet() || presented == null) {
      return false;
    }
    return MessageDigest.isEqual(
        value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Checks an HTTP {@code Authorization} header of the form {@code Bearer <token>} (scheme in any
   * case) against this secret, in constant time.
   */
  public boolean matchesBearer(String authorizationHeader) {
    if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return matches(authorizationHeader.substring(7).strip());
  }

  @Override
  public String toString() {
    return isSet() ? "********" : "(not set)";
  }
}
