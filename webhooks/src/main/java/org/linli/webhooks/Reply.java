package org.linli.webhooks;

import java.util.List;
import java.util.Objects;

/**
 * What the bot says back: text, optional buttons, and whether it offers to forward the matter to
 * the help-line. Each adapter renders it in its platform's form (buttons become inline keyboards,
 * cards or numbered options).
 */
public record Reply(String text, List<Button> buttons, boolean forward) {

  public Reply {
    Objects.requireNonNull(text, "text");
    buttons = List.copyOf(buttons == null ? List.of() : buttons);
  }

  /** A plain text reply. */
  public static Reply text(String text) {
    return new Reply(text, List.of(), false);
  }

  /** A button: what it says and the data sent back when pressed (at most 64 bytes). */
  public record Button(String label, String data) {
    public Button {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(data, "data");
      if (data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
        throw new IllegalArgumentException("button data must fit in 64 bytes (Telegram's limit)");
      }
    }
  }
}
