package org.linli.bot.household;

import java.util.List;

/**
 * What an import did: rows taken from the file, of which {@code added} were new households and
 * the rest updated ones, the size of the register afterwards, and header columns it did not keep.
 */
public record ImportResult(int imported, int added, long households, List<String> ignoredColumns) {

  public ImportResult {
    ignoredColumns = List.copyOf(ignoredColumns);
  }

  /** Households already on the register whose row replaced the stored one. */
  public int updated() {
    return imported - added;
  }
}
