package org.linli.bot.consultation;

/**
 * A share as an exact fraction of two whole numbers, so "at least two thirds" is decided by integer
 * arithmetic: 2/3 of 300 m² is met by exactly 200 m², with no floating-point edge.
 */
record Fraction(long numerator, long denominator) {

  Fraction {
    if (denominator <= 0) {
      throw new IllegalArgumentException("denominator must be positive");
    }
  }

  static final Fraction HALF = new Fraction(1, 2);
  static final Fraction TWO_THIRDS = new Fraction(2, 3);
  static final Fraction THREE_QUARTERS = new Fraction(3, 4);

  /** True when {@code part / whole >= this} (false when whole is 0). */
  boolean reachedBy(long part, long whole) {
    return whole > 0 && Math.multiplyExact(part, denominator) >= Math.multiplyExact(whole, numerator);
  }

  /** True when {@code part / whole > this} (false when whole is 0). */
  boolean exceededBy(long part, long whole) {
    return whole > 0 && Math.multiplyExact(part, denominator) > Math.multiplyExact(whole, numerator);
  }

  /**
   * How far {@code part} is from the smallest whole amount that reaches (or, when {@code strict},
   * exceeds) this share of {@code whole}: positive = above by that much, negative = short by that
   * much.
   */
  long margin(long part, long whole, boolean strict) {
    // Smallest p with p * d >= w * n (or > when strict).
    long product = Math.multiplyExact(whole, numerator);
    long needed = Math.floorDiv(product, denominator);
    if (strict ? needed * denominator <= product : needed * denominator < product) {
      needed++;
    }
    return part - needed;
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
