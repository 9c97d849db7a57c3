package org.linli.bot.consultation;

/**
 * The household register of each community: a big matter takes the register of its poll's
 * community, and a household ballot is cast for the household the resident is bound to there.
 */
@FunctionalInterface
public interface HouseholdDirectories {

  /** The register of the community {@code community} (an id). */
  HouseholdDirectory of(String community);

  /** One register for every community (a single-community office, and tests). */
  static HouseholdDirectories single(HouseholdDirectory directory) {
    return community -> directory;
  }
}
