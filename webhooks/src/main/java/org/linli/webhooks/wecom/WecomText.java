package org.linli.webhooks.wecom;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.linli.webhooks.EdgeText;
import org.linli.webhooks.Reply;

/**
 * A reply as the text of one WeCom message. WeCom text messages have no buttons that send data
 * back, so buttons become a numbered list under the text (a label that already starts with its
 * number keeps it). WeCom takes at most 2048 bytes; a longer text is cut at a character boundary
 * and ends in "…".
 */
final class WecomText {

  /** WeCom's limit for a text message's content, in UTF-8 bytes. */
  static final int MAX_BYTES = 2048;

  private WecomText() {
  }

  /** The whole text of a reply, buttons included, without the byte limit applied. */
  static String full(Reply reply) {
    StringBuilder out = new StringBuilder(reply.text().strip());
    List<Reply.Button> buttons = reply.buttons();
    if (!buttons.isEmpty()) {
      out.append(out.length() == 0 ? "" : "\n");
      for (int i = 0; i < buttons.size(); i++) {
        String number = String.valueOf(i + 1);
        String label = buttons.get(i).label().strip();
        out.append('\n');
        if (!label.matches(number + EdgeText.WECOM_NUMBERED_LABEL.text())) {
          out.append(number).append(". ");
        }
        out.append(label);
      }
    }
    if (reply.image() != null && reply.image().png().length == 0 && !reply.image().url().isEmpty()) {
      out.append(out.length() == 0 ? "" : "\n").append(reply.image().url());
    }
    return out.toString();
  }

  /** Whether the whole text fits in one message. */
  static boolean fits(Reply reply) {
    return full(reply).getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
  }

  /** The text of a reply within WeCom's limit. */
  static String of(Reply reply) {
    return cut(full(reply), MAX_BYTES);
  }

  /** At most {@code max} UTF-8 bytes of {@code text}, never splitting a character. */
  static String cut(String text, int max) {
    if (text.getBytes(StandardCharsets.UTF_8).length <= max) {
      return text;
    }
    int budget = max - "…".getBytes(StandardCharsets.UTF_8).length;
    int bytes = 0;
    int end = 0;
    while (end < text.length()) {
      int cp = text.codePointAt(end);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > budget) {
        break;
      }
      bytes += size;
      end += Character.charCount(cp);
    }
    return text.substring(0, end) + "…";
  }
}
