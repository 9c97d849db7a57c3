package org.linli.bot.household;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.regex.Pattern;
import org.linli.bot.text.Text;

/**
 * One household (户) of the register: where it is, its floor area in hundredths of a square metre
 * (so sums are exact), how many owners it has, and its owners' names and phone numbers in masked
 * form only (张*, 138****5678) — the clear text is never kept.
 */
public record Household(
    String id,
    String building,
    String unit,
    String room,
    long areaHundredths,
    int owners,
    String maskedNames,
    String maskedPhones) {

  /** What a household id may look like: letters, digits, {@code -} and {@code _}, up to 32. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  /** Largest floor area accepted, exclusive: 10 000 m². */
  public static final long AREA_LIMIT_HUNDREDTHS = 10_000_00L;

  public Household {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a household id is 1 to 32 letters, digits, - or _");
    }
    building = Objects.requireNonNull(building, "building").strip();
    unit = unit == null ? "" : unit.strip();
    room = Objects.requireNonNull(room, "room").strip();
    if (building.isEmpty() || room.isEmpty()) {
      throw new IllegalArgumentException("a household needs a building and a room");
    }
    if (areaHundredths <= 0 || areaHundredths >= AREA_LIMIT_HUNDREDTHS) {
      throw new IllegalArgumentException("the floor area must be more than 0 and less than 10000 m²");
    }
    if (owners < 1) {
      throw new IllegalArgumentException("a household has at least one owner");
    }
    maskedNames = maskedNames == null ? "" : maskedNames;
    maskedPhones = maskedPhones == null ? "" : maskedPhones;
  }

  /** How a resident reads the address: 3号楼2单元601. */
  public String label() {
    return withSuffix(building, Text.HOUSEHOLD_BUILDING.of()) + withSuffix(unit, Text.HOUSEHOLD_UNIT.of()) + room;
  }

  /** The floor area in square metres, for display (89.5). */
  public double areaSquareMetres() {
    return areaHundredths / 100.0;
  }

  // "3" becomes 3号楼, while "3栋" or "A座" already say what they are.
  private static String withSuffix(String part, String suffix) {
    return part.matches(".*[0-9A-Za-z]") ? part + suffix : part;
  }

  /** The stored form (the hash value under the household id). */
  JsonObject toJson() {
    return new JsonObject()
        .put("building", building)
        .put("unit", unit)
        .put("room", room)
        .put("area", areaHundredths)
        .put("owners", owners)
        .put("names", maskedNames)
        .put("phones", maskedPhones);
  }

  /** Reads the stored form back. */
  static Household fromJson(String id, String json) {
    JsonObject o = new JsonObject(json);
    return new Household(id, o.getString("building"), o.getString("unit"), o.getString("room"),
        o.getLong("area"), o.getInteger("owners"), o.getString("names"), o.getString("phones"));
  }
}
