package org.linli.bot.community;

import io.vertx.core.json.JsonObject;

/**
 * What a community's guide cards tell residents about its own office: the address of the
 * neighbourhood committee (居委会), its phone and its opening hours. Any of them may be blank.
 */
public record LocalFacts(String address, String phone, String hours) {

  /** Nothing known. */
  public static final LocalFacts NONE = new LocalFacts("", "", "");

  private static final int LONGEST = 200;

  public LocalFacts {
    address = clean(address);
    phone = clean(phone);
    hours = clean(hours);
  }

  /** True when no fact is known. */
  public boolean isEmpty() {
    return address.isEmpty() && phone.isEmpty() && hours.isEmpty();
  }

  /** The facts as stored. */
  public JsonObject toJson() {
    return new JsonObject().put("address", address).put("phone", phone).put("hours", hours);
  }

  /** The facts of a stored or posted object; missing fields are blank. */
  public static LocalFacts fromJson(JsonObject json) {
    if (json == null) {
      return NONE;
    }
    return new LocalFacts(json.getString("address"), json.getString("phone"), json.getString("hours"));
  }

  private static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    text.strip().codePoints().filter(c -> c >= 0x20 && c != 0x7f).limit(LONGEST).forEach(out::appendCodePoint);
    return out.toString();
  }
}
