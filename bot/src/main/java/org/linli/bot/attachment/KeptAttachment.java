package org.linli.bot.attachment;

import io.vertx.core.json.JsonObject;

/**
 * A photo kept in the store, or a location, as a ticket remembers it: for a photo its id, type and
 * size; for a location its coordinates and label.
 */
public record KeptAttachment(String kind, String id, String contentType, long bytes, double latitude,
    double longitude, String label) {

  /** The kind of a photo. */
  public static final String IMAGE = "image";

  /** The kind of a location. */
  public static final String LOCATION = "location";

  /** A photo kept. */
  public static KeptAttachment image(Attachments.Saved saved) {
    return new KeptAttachment(IMAGE, saved.id(), saved.type().contentType(), saved.bytes(), 0, 0, "");
  }

  /** A location. */
  public static KeptAttachment location(double latitude, double longitude, String label) {
    return new KeptAttachment(LOCATION, "", "", 0, latitude, longitude, label == null ? "" : label);
  }

  /** True for a photo. */
  public boolean isImage() {
    return IMAGE.equals(kind);
  }

  /** As stored with the ticket. */
  public JsonObject toJson() {
    return isImage()
        ? new JsonObject().put("kind", kind).put("id", id).put("contentType", contentType).put("bytes", bytes)
        : new JsonObject().put("kind", kind).put("latitude", latitude).put("longitude", longitude).put("label", label);
  }

  /** Read back from {@link #toJson}. */
  public static KeptAttachment fromJson(JsonObject json) {
    return IMAGE.equals(json.getString("kind"))
        ? new KeptAttachment(IMAGE, json.getString("id"), json.getString("contentType"), json.getLong("bytes", 0L), 0,
            0, "")
        : location(json.getDouble("latitude", 0.0), json.getDouble("longitude", 0.0), json.getString("label", ""));
  }

  @Override
  public String toString() {
    return "KeptAttachment[" + kind + "]";
  }
}
