package org.linli.bot.answer;

import java.util.regex.Pattern;
import org.linli.kb.ChineseScript;

/**
 * A short reply that fits the small talk the bot was addressed with: thanks get "不客气", a greeting
 * gets a greeting and one hint, a farewell a goodbye, an acknowledgement a short "好的". The
 * classifier's rule name decides; for its catch-all rule ("small-talk") or a rule this class does
 * not know, the text itself is looked at, and what is still unknown gets the introduction.
 */
final class SmallTalk {

  static final String THANKS = "不客气，有事随时问我。";
  static final String GREETING = "您好！有什么可以帮您？\n可以直接问办事的问题，比如“居住证怎么办”；发 /guides 看办事指南目录。";
  static final String FAREWELL = "再见，有事随时找我。";
  static final String ACKNOWLEDGEMENT = "好的。";

  private static final Pattern THANKS_TEXT = Pattern.compile("谢|感谢|辛苦|thx|thank|3q");
  private static final Pattern FAREWELL_TEXT = Pattern.compile("再见|拜拜|回见|bye|晚安|下次见|先走了|走了啊");
  private static final Pattern GREETING_TEXT = Pattern.compile("你好|您好|早上好|上午好|中午好|下午好|晚上好|早安|午安|^(hi|hello|hey|嗨|哈喽)|^大家好|^早$|^早呀");
  private static final Pattern ACKNOWLEDGEMENT_TEXT =
      Pattern.compile("^(好的|好嘞|好哒|好|收到|了解|明白|知道了|嗯+|ok|okay|没问题|行|可以)[啦了呀啊哦~！!。.\\s]*$");

  private SmallTalk() {}

  /** The reply to small talk decided by {@code rule}, looking at {@code text} when the rule is generic. */
  static String reply(String rule, String text, String introduction) {
    String kind = rule == null ? "" : rule;
    if (!known(kind)) {
      kind = guess(text == null ? "" : ChineseScript.fold(text).strip());
    }
    return switch (kind) {
      case "thanks" -> THANKS;
      case "greeting" -> GREETING;
      case "farewell" -> FAREWELL;
      case "acknowledgement" -> ACKNOWLEDGEMENT;
      default -> introduction;
    };
  }

  private static boolean known(String rule) {
    return switch (rule) {
      case "thanks", "greeting", "farewell", "acknowledgement" -> true;
      default -> false;
    };
  }

  private static String guess(String text) {
    if (THANKS_TEXT.matcher(text).find()) {
      return "thanks";
    }
    if (FAREWELL_TEXT.matcher(text).find()) {
      return "farewell";
    }
    if (GREETING_TEXT.matcher(text).find()) {
      return "greeting";
    }
    if (ACKNOWLEDGEMENT_TEXT.matcher(text).find()) {
      return "acknowledgement";
    }
    return "small-talk";
  }
}
