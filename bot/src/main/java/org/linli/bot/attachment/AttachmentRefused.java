package org.linli.bot.attachment;

/** A photo that is not kept: larger than the limit, or not an image of an accepted type. */
public final class AttachmentRefused extends RuntimeException {

  /** Why the photo was not kept. */
  public enum Reason {
    TOO_LARGE,
    NOT_AN_IMAGE,
    UNREADABLE
  }

  private final Reason reason;

  public AttachmentRefused(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
