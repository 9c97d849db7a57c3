package org.linli.kb;

import java.util.List;

/** General questions no community service guide answers ({@code linli/off-scope.txt}). */
final class OffScope {

  private static final List<String> SHIPPED = ResourceLines.read("linli/off-scope.txt");

  private OffScope() {
  }

  /** The shipped questions. */
  static List<String> shipped() {
    return SHIPPED;
  }
}
