package org.linli.bot.answer;

import java.util.regex.Pattern;
import org.linli.bot.text.Text;
import org.linli.bot.text.Words;
import org.linli.kb.ChineseScript;

/**
 * A short reply that fits the small talk the bot was addressed with: thanks get "不客气", a greeting
 * gets a greeting and one hint, a farewell a goodbye, an acknowledgement a short "好的", good wishes
 * or a welcome are wished back. The
 * classifier's rule name decides; for its catch-all rule ("small-talk") or a rule this class does
 * not know, the text itself is looked at, and what is still unknown gets the introduction.
 */
final class SmallTalk {

  private static final Pattern THANKS_TEXT = Words.SMALLTALK_THANKS.pattern();
  private static final Pattern FAREWELL_TEXT = Words.SMALLTALK_FAREWELL.pattern();
  private static final Pattern GREETING_TEXT = Words.SMALLTALK_GREETING.pattern();
  private static final Pattern ACKNOWLEDGEMENT_TEXT = Words.SMALLTALK_ACKNOWLEDGEMENT.pattern();

  private SmallTalk() {
  }

  /** The reply to small talk decided by {@code rule}, looking at {@code text} when the rule is generic. */
  static String reply(String rule, String text, String introduction) {
    return reply(rule, text, introduction, false);
  }

  /** The same, in Traditional characters when {@code traditional}. */
  static String reply(String rule, String text, String introduction, boolean traditional) {
    String kind = rule == null ? "" : rule;
    if (!known(kind)) {
      kind = guess(text == null ? "" : ChineseScript.fold(text).strip());
    }
    return switch (kind) {
      case "thanks" -> Text.SMALLTALK_THANKS.in(traditional);
      case "greeting" -> Text.SMALLTALK_GREETING.in(traditional);
      case "farewell" -> Text.SMALLTALK_FAREWELL.in(traditional);
      case "acknowledgement" -> Text.SMALLTALK_ACKNOWLEDGEMENT.in(traditional);
      case "wishes" -> Text.SMALLTALK_WISHES.in(traditional);
      default -> introduction;
    };
  }

  private static boolean known(String rule) {
    return switch (rule) {
      case "thanks", "greeting", "farewell", "acknowledgement", "wishes" -> true;
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
