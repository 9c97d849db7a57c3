package org.linli.bot.household;

/**
 * What {@code /bind <code>} did: the identity is now bound to {@code household} (and, when it was
 * bound before, no longer to {@code previous}), or the code was refused and nothing changed.
 *
 * @param household the household now bound, null when refused
 * @param previous the household bound before (may be the same one), null when none or refused
 */
public record BindResult(Status status, Household household, Household previous) {

  /** Bound, or why not. */
  public enum Status {
    /** The code was good and is now used up. */
    BOUND,
    /** No such code: mistyped, or it expired (Redis forgets expired codes, so the two look alike). */
    UNKNOWN_OR_EXPIRED,
    /** The code was good but has already been used. */
    ALREADY_USED,
    /** Too many wrong codes from this identity lately; nothing was checked. */
    TOO_MANY_ATTEMPTS
  }

  static BindResult refused(Status status) {
    return new BindResult(status, null, null);
  }

  /** True when the identity is now bound. */
  public boolean bound() {
    return status == Status.BOUND;
  }

  /** The id of the household now bound, or null. */
  public String householdId() {
    return household == null ? null : household.id();
  }

  /** The id of the household bound before, or null. */
  public String previousId() {
    return previous == null ? null : previous.id();
  }
}
