package org.linli.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * What the bot says: text, optional buttons, an optional image (a result chart), whether it offers
 * to forward the matter to the help-line, whether it is for the person alone (a ballot receipt)
 * rather than the whole chat, whether it replaces the message whose button was pressed, and whether
 * it is {@code sealed} (it names the voter of a secret ballot, so a store keeps it encrypted); built
 * with {@link #builder(String)}. Each adapter renders it in its platform's form (buttons
 * become inline keyboards, cards or numbered options; a private reply becomes a direct message or
 * an ephemeral notice).
 */
public record Reply(
    String text, List<Button> buttons, boolean forward, boolean privately, Image image, boolean replacesPressed,
    boolean sealed) {

  public Reply {
    Objects.requireNonNull(text, "text");
    buttons = List.copyOf(buttons == null ? List.of() : buttons);
  }

  /** A reply that is not sealed. */
  public Reply(
      String text, List<Button> buttons, boolean forward, boolean privately, Image image, boolean replacesPressed) {
    this(text, buttons, forward, privately, image, replacesPressed, false);
  }

  /**
   * The new version of the message whose button was just pressed (a poll with its live tally):
   * platforms that can edit a sent message replace it; the others leave it out.
   */
  public static Reply replacingPressed(String text, List<Button> buttons) {
    return builder(text).buttons(buttons).replacingPressed().build();
  }

  /** A reply with {@code text}, built up from there (no buttons, to the whole chat, a new message). */
  public static Builder builder(String text) {
    return new Builder(text);
  }

  /** A builder that starts from this reply, every part kept. */
  public Builder toBuilder() {
    Builder b = new Builder(text).buttons(buttons).image(image);
    b.forward = forward;
    b.privately = privately;
    b.replacesPressed = replacesPressed;
    b.sealed = sealed;
    return b;
  }

  /** A reply to the whole chat without an image. */
  public Reply(String text, List<Button> buttons, boolean forward) {
    this(text, buttons, forward, false, null, false);
  }

  /** A plain text reply. */
  public static Reply text(String text) {
    return new Reply(text, List.of(), false);
  }

  /** A text reply only the person it answers may see. */
  public static Reply privateText(String text) {
    return builder(text).privately().build();
  }

  /** The same reply with an image attached. */
  public Reply withImage(Image image) {
    return toBuilder().image(image).build();
  }

  /** The same reply with these buttons instead (everything else kept). */
  public Reply withButtons(List<Button> buttons) {
    return toBuilder().buttons(buttons).build();
  }

  /** Builds a {@link Reply} part by part, so no part is given by position. */
  public static final class Builder {

    private final String text;
    private List<Button> buttons = List.of();
    private boolean forward;
    private boolean privately;
    private Image image;
    private boolean replacesPressed;
    private boolean sealed;

    private Builder(String text) {
      this.text = Objects.requireNonNull(text, "text");
    }

    /** The buttons under the text. */
    public Builder buttons(List<Button> buttons) {
      this.buttons = buttons == null ? List.of() : buttons;
      return this;
    }

    /** Offers to forward the matter to the help-line. */
    public Builder offersForward() {
      return offersForward(true);
    }

    /** Offers to forward the matter to the help-line, or not. */
    public Builder offersForward(boolean offers) {
      this.forward = offers;
      return this;
    }

    /** For the person alone, not the whole chat. */
    public Builder privately() {
      return privately(true);
    }

    /** For the person alone, or for the whole chat. */
    public Builder privately(boolean alone) {
      this.privately = alone;
      return this;
    }

    /** With this picture (null for none). */
    public Builder image(Image image) {
      this.image = image;
      return this;
    }

    /** Replaces the message whose button was pressed, where the platform can edit it. */
    public Builder replacingPressed() {
      this.replacesPressed = true;
      return this;
    }

    /**
     * Names the voter of a secret ballot (a receipt, a private reminder): kept encrypted wherever it
     * waits to be sent, so that no stored copy says whom it went to.
     */
    public Builder sealed() {
      return sealed(true);
    }

    /** Sealed, or not. */
    public Builder sealed(boolean sealed) {
      this.sealed = sealed;
      return this;
    }

    public Reply build() {
      return new Reply(text, buttons, forward, privately, image, replacesPressed, sealed);
    }
  }

  /** A button: what it says and the data sent back when pressed (at most 64 bytes). */
  public record Button(String label, String data) {
    public Button {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(data, "data");
      if (data.getBytes(StandardCharsets.UTF_8).length > 64) {
        throw new IllegalArgumentException("button data must fit in 64 bytes (Telegram's limit)");
      }
    }
  }

  /**
   * A picture: PNG bytes, and the public address where the same picture can be fetched (blank when
   * it has none). Platforms that take uploads get the bytes; the others get the address.
   */
  public record Image(byte[] png, String url) {
    public Image {
      Objects.requireNonNull(png, "png");
      url = url == null ? "" : url;
    }

    /** The bytes in Base64, as the generic channel sends them. */
    public String base64() {
      return Base64.getEncoder().encodeToString(png);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Image other && Arrays.equals(png, other.png) && url.equals(other.url);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(png) + url.hashCode();
    }

    @Override
    public String toString() {
      return "Image[" + png.length + " bytes, url=" + url + "]";
    }
  }
}
