package org.linli.webhooks.dingtalk;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Reply;

/**
 * A {@link Reply} with buttons as a DingTalk interactive card ({@code POST
 * /v1.0/card/instances/createAndDeliver}) for a group, built on the office's card template.
 *
 * <p>The template (built once in DingTalk's card platform, see {@code docs/platforms/dingtalk-cards.md})
 * has the public variables {@code title} (text), {@code markdown} (markdown) and {@code buttons}
 * (an array of {@code {text, payload}} drawn by a loop whose button's click is a "回传请求" with
 * the parameter {@code payload = loop.payload}), and the private variable {@code note}, shown
 * only to the member it was set for. Each button's payload is {@link CardPayloads sealed}, so the
 * callback gets the button's Linli data and the group back. Cards go to groups only: a private
 * chat keeps the robot's own messages, where the button links reach the robot.
 */
final class DingtalkCards {

  /** The largest title DingTalk's list shows in full, in code points. */
  static final int TITLE_CODE_POINTS = 30;

  private final String templateId;
  private final String robotCode;
  private final String callbackRouteKey;
  private final CardPayloads payloads;

  /**
   * Cards on template {@code templateId}, sent by the robot {@code robotCode} (an enterprise-internal
   * robot's AppKey), whose presses DingTalk posts to the URL registered under {@code
   * callbackRouteKey}, with button data sealed by {@code payloads}.
   */
  DingtalkCards(String templateId, String robotCode, String callbackRouteKey, CardPayloads payloads) {
    this.templateId = Objects.requireNonNull(templateId, "templateId");
    this.robotCode = Objects.requireNonNull(robotCode, "robotCode");
    this.callbackRouteKey = Objects.requireNonNull(callbackRouteKey, "callbackRouteKey");
    this.payloads = Objects.requireNonNull(payloads, "payloads");
  }

  /** The createAndDeliver request putting {@code reply} into the group {@code chat} as card {@code outTrackId}. */
  JsonObject createAndDeliver(String outTrackId, ChatEvent.Chat chat, Reply reply) {
    if (chat.type() != ChatEvent.ChatType.GROUP) {
      throw new IllegalArgumentException("DingTalk cards are sent to groups only");
    }
    String title = title(reply.text());
    return new JsonObject()
        .put("cardTemplateId", templateId)
        .put("outTrackId", outTrackId)
        .put("callbackType", "HTTP")
        .put("callbackRouteKey", callbackRouteKey)
        .put("userIdType", 1)
        .put("cardData", new JsonObject().put("cardParamMap", publicData(chat.id(), reply)))
        .put("openSpaceId", "dtv1.card//IM_GROUP." + chat.id())
        .put("imGroupOpenSpaceModel", new JsonObject()
            .put("supportForward", false)
            .put("lastMessageI18n", new JsonObject().put("ZH_CN", title)))
        .put("imGroupOpenDeliverModel", new JsonObject().put("robotCode", robotCode));
  }

  /**
   * The card's public variables for {@code reply} in {@code chatId}: every value a string, the
   * button array as a JSON string, as DingTalk's card API takes them.
   */
  JsonObject publicData(String chatId, Reply reply) {
    return publicData(payloads, chatId, reply);
  }

  /** As {@link #publicData(String, Reply)}, sealing with {@code payloads}. */
  static JsonObject publicData(CardPayloads payloads, String chatId, Reply reply) {
    String markdown = reply.text().replace("\n", "  \n");
    if (reply.image() != null && !reply.image().url().isEmpty()) {
      markdown += "\n\n![](" + reply.image().url() + ")";
    }
    JsonArray buttons = new JsonArray();
    for (Reply.Button button : reply.buttons()) {
      buttons.add(new JsonObject().put("text", button.label()).put("payload", payloads.seal(chatId, button.data())));
    }
    return new JsonObject()
        .put("title", title(reply.text()))
        .put("markdown", markdown)
        .put("buttons", buttons.encode());
  }

  /** The first line of {@code text}, cut to {@link #TITLE_CODE_POINTS} code points (never inside an emoji). */
  static String title(String text) {
    String line = text.strip().lines().findFirst().orElse("").strip();
    if (line.codePointCount(0, line.length()) <= TITLE_CODE_POINTS) {
      return line;
    }
    return line.substring(0, line.offsetByCodePoints(0, TITLE_CODE_POINTS)) + "…";
  }
}
