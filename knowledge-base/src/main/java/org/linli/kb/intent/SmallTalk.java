package org.linli.kb.intent;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linli.kb.RuleFile;

/**
 * Names small talk: {@code thanks}, {@code greeting}, {@code farewell}, {@code acknowledgement},
 * {@code wishes} (节日快乐, 欢迎新邻居), else {@code small-talk}. A message is small talk only as a whole: the opening word with at most
 * a short tail that asks nothing (好的，那我明天去 is an acknowledgement; 谢谢！那材料要带啥 is a
 * question, decided by the caller). The patterns are in {@code linli/intent/small-talk.rules}
 * (format: {@link RuleFile}).
 */
final class SmallTalk {

  private record Kind(String rule, Pattern opening, int tail) {
  }

  private static final RuleFile RULE_FILE = RuleFile.load("linli/intent/small-talk.rules");

  /** The openings, tried in this order; {@code tail} is how long a tail that asks nothing may be. */
  private static final List<Kind> KINDS = List.of(
      new Kind("thanks", RULE_FILE.pattern("OPENING_THANKS"), 20),
      new Kind("greeting", RULE_FILE.pattern("OPENING_GREETING"), 0),
      new Kind("farewell", RULE_FILE.pattern("OPENING_FAREWELL"), 0),
      new Kind("acknowledgement", RULE_FILE.pattern("OPENING_ACKNOWLEDGEMENT"), 16));

  private static final Pattern LAUGH = RULE_FILE.pattern("LAUGH");

  private static final Pattern WEATHER = RULE_FILE.pattern("WEATHER");

  private static final Pattern ABOUT_THE_BOT = RULE_FILE.pattern("ABOUT_THE_BOT");

  private static final Pattern THANKS = RULE_FILE.pattern("THANKS");

  /** A tail that states a need (谢谢，我想办居住证) is a request for information, not small talk. */
  private static final Pattern NEED = RULE_FILE.pattern("NEED");

  private static final Pattern ONLY_SYMBOLS = Pattern.compile("^[\\p{P}\\p{S}\\p{M}\\p{Z}\\p{C}\\s]*$");

  private static final Pattern FILLERS = RULE_FILE.pattern("FILLERS");

  private static final Pattern BANTER = RULE_FILE.pattern("BANTER");

  private static final Pattern WISHES = RULE_FILE.pattern("WISHES");

  private static final Pattern WELCOME = RULE_FILE.pattern("WELCOME");

  /** Good wishes and welcomes are this long at most; a longer message says more. */
  private static final int WISHES_LENGTH = 24;

  private SmallTalk() {
  }

  /** The small-talk rule for a folded, stripped message, or null when it asks or says more. */
  static String rule(String t, boolean questionMarked) {
    if (ONLY_SYMBOLS.matcher(t).matches()) {
      if (t.contains("🙏")) {
        return "thanks";
      }
      return t.contains("👍") || t.contains("👌") ? "acknowledgement" : "small-talk";
    }
    if (ABOUT_THE_BOT.matcher(t).find() || WEATHER.matcher(t).matches() || BANTER.matcher(t).matches()) {
      return "small-talk";
    }
    String opened = openings(t, questionMarked);
    if (opened != null) {
      return opened;
    }
    if (!questionMarked && t.codePointCount(0, t.length()) <= WISHES_LENGTH && !NEED.matcher(t).find()
        && (WISHES.matcher(t).find() || WELCOME.matcher(t).find())) {
      return "wishes";
    }
    if (!questionMarked && t.codePointCount(0, t.length()) <= 16 && LAUGH.matcher(t).find()) {
      return "small-talk";
    }
    return null;
  }

  /**
   * Reads the message as a run of small-talk openings and fillers (你好在吗, 收到，谢谢, 小助手你好),
   * allowing a short tail that asks nothing after thanks or an acknowledgement. Thanks anywhere in
   * the run names the whole.
   */
  private static String openings(String t, boolean questionMarked) {
    Kind first = null;
    boolean thanks = false;
    int pos = 0;
    Matcher filler = FILLERS.matcher(t);
    while (pos < t.length()) {
      Kind found = null;
      for (Kind kind : KINDS) {
        Matcher m = kind.opening().matcher(t).region(pos, t.length());
        if (m.lookingAt() && m.end() > pos) {
          found = kind;
          pos = m.end();
          break;
        }
      }
      if (found != null) {
        first = first == null ? found : first;
        thanks |= found.rule().equals("thanks");
        continue;
      }
      if (filler.region(pos, t.length()).lookingAt() && filler.end() > pos) {
        pos = filler.end();
        continue;
      }
      break;
    }
    if (first == null) {
      return null;
    }
    String tail = t.substring(pos);
    boolean whole = tail.isEmpty()
        || (first.tail() > 0 && !questionMarked && tail.codePointCount(0, tail.length()) <= first.tail()
            && !NEED.matcher(tail).find());
    if (!whole) {
      return null;
    }
    return thanks || THANKS.matcher(tail).find() ? "thanks" : first.rule();
  }
}
