package org.linli.webhooks.dingtalk;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linli.webhooks.EdgeText;
import org.linli.webhooks.Reply;

/**
 * A {@link Reply} in DingTalk's robot message form, and back from a button's message.
 *
 * <p>Plain replies are {@code text}; a reply with an image address is {@code markdown} showing it;
 * a reply with buttons is an {@code actionCard} whose buttons are {@code
 * dtmd://dingtalkclient/sendMessage} links: pressing one makes the resident send {@code label
 * 〔data〕}, which {@link #callback} reads back as the button's data. An image without an address
 * is left out (DingTalk's robot takes pictures only by URL).
 */
final class DingtalkMessages {

  /**
   * A button's data: a lowercase ASCII kind, then {@code :} and its arguments ({@code vote:p1:2},
   * {@code kb:<guide>}, {@code forward}); a document number a resident types (民政发〔2024〕) is not.
   */
  private static final Pattern BUTTON = EdgeText.DINGTALK_BUTTON.pattern();
  private static final int TITLE_LENGTH = 30;

  private DingtalkMessages() {
  }

  /** The message body for a reply. */
  static JsonObject render(Reply reply) {
    boolean picture = reply.image() != null && !reply.image().url().isEmpty();
    if (reply.buttons().isEmpty() && !picture) {
      return new JsonObject().put("msgtype", "text").put("text", new JsonObject().put("content", reply.text()));
    }
    String markdown = reply.text().replace("\n", "  \n");
    if (picture) {
      markdown += "\n\n![](" + reply.image().url() + ")";
    }
    if (reply.buttons().isEmpty()) {
      return new JsonObject().put("msgtype", "markdown")
          .put("markdown", new JsonObject().put("title", title(reply.text())).put("text", markdown));
    }
    JsonArray buttons = new JsonArray();
    for (Reply.Button button : reply.buttons()) {
      buttons.add(new JsonObject().put("title", button.label()).put("actionURL", sendMessageLink(button)));
    }
    return new JsonObject().put("msgtype", "actionCard")
        .put("actionCard", new JsonObject()
            .put("title", title(reply.text()))
            .put("text", markdown)
            .put("btnOrientation", "0")
            .put("btns", buttons));
  }

  /** A text that @-mentions one member of the conversation by staff id (none when blank). */
  static JsonObject mentioning(String staffId, String text) {
    if (staffId == null || staffId.isBlank()) {
      return new JsonObject().put("msgtype", "text").put("text", new JsonObject().put("content", text));
    }
    return new JsonObject().put("msgtype", "text")
        .put("text", new JsonObject().put("content", "@" + staffId + " " + text))
        .put("at", new JsonObject().put("atUserIds", new JsonArray().add(staffId)));
  }

  /** The link that makes DingTalk send the button's message as the resident. */
  static String sendMessageLink(Reply.Button button) {
    String content = button.label() + EdgeText.DINGTALK_BUTTON_OPEN.text() + button.data()
        + EdgeText.DINGTALK_BUTTON_CLOSE.text();
    return "dtmd://dingtalkclient/sendMessage?content="
        + URLEncoder.encode(content, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The data of the button a message was sent by, or null for a typed message. */
  static String callback(String text) {
    Matcher matcher = BUTTON.matcher(text);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static String title(String text) {
    String line = text.strip().lines().findFirst().orElse(EdgeText.DINGTALK_TITLE.text());
    // Cut at a code point, never inside an emoji's surrogate pair.
    return line.codePointCount(0, line.length()) > TITLE_LENGTH
        ? line.substring(0, line.offsetByCodePoints(0, TITLE_LENGTH)) + "…"
        : line;
  }
}
