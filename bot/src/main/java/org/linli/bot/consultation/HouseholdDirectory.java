package org.linli.bot.consultation;

import io.vertx.core.Future;
import java.util.Map;

/**
 * What consultations need to know of the household register: the floor area of every household
 * (the electorate a big matter takes when it opens), and which household a resident is bound to.
 */
public interface HouseholdDirectory {

  /** Household id → floor area in hundredths of a square metre. */
  Future<Map<String, Long>> areas();

  /** The household bound to {@code identity} ({@code platform:userId}), or null. */
  Future<String> householdOf(String identity);

  /** Every bound identity ({@code platform:userId}) → its household: whom a private reminder can reach. */
  Future<Map<String, String>> bindings();
}
