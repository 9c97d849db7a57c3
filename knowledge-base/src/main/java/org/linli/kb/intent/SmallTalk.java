package org.linli.kb.intent;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names small talk: {@code thanks}, {@code greeting}, {@code farewell}, {@code acknowledgement},
 * else {@code small-talk}. A message is small talk only as a whole: the opening word with at most
 * a short tail that asks nothing (好的，那我明天去 is an acknowledgement; 谢谢！那材料要带啥 is a
 * question, decided by the caller).
 */
final class SmallTalk {

  private record Kind(String rule, Pattern opening, int tail) {}

  /** Punctuation, symbols, spaces and the particles that pad a greeting. */
  private static final String FILLER = "[\\p{P}\\p{S}\\s呀啊哦噢喔哈呢啦嘛哇~]";

  private static final String ADDRESSEE =
      "(大家|各位邻居|各位|你们|你|您|邻居们|邻居|亲们|小助手|助手|社区|工作人员|老师|师傅|机器人|小linli|linli)";

  private static final List<Kind> KINDS =
      List.of(
          new Kind(
              "thanks",
              Pattern.compile(
                  "^(非常|十分|太|真是)?(谢谢|谢了|谢啦|多谢|感谢|感恩|辛苦了|辛苦啦|辛苦|麻烦了|麻烦你了|麻烦您了|唔该|thx|thanks|"
                      + "thank you|thank u|🙏)"),
              20),
          new Kind(
              "greeting",
              Pattern.compile(
                  "^(" + ADDRESSEE + "(早上好|上午好|中午好|下午好|晚上好|早安|午安|好)|早上好|上午好|中午好|下午好|晚上好|早安|午安|"
                      + "hi|hello|hey|嗨|哈喽|哈啰|早晨|早(?!\\p{IsHan})|"
                      + "在吗|在么|在不在|有人吗|有人在吗|请问在吗)"),
              0),
          new Kind(
              "farewell",
              Pattern.compile("^(再见|拜拜|拜|bye bye|byebye|bye|回见|下次见|明天见|晚安|886|88|先这样|先走了)"),
              0),
          new Kind(
              "acknowledgement",
              Pattern.compile(
                  "^(好的|好滴|好嘞|好哒|好吧|好嘅|好啊|好呀|好哦|好咧|收到|嗯嗯|嗯呢|哦哦|(好|嗯|哦|噢|行|可以|得)(?!\\p{IsHan})|冇问题|ok|okay|okk|行吧|可以了|知道了|知道啦|明白了|明白|了解了|了解|"
                      + "懂了|清楚了|没问题|👍|👌|\\+1)"),
              16));

  private static final Pattern LAUGH = Pattern.compile("^[哈呵嘿嘻呜]{2}|^(ha){2}|^(he){2}|笑死|233|666");

  private static final Pattern WEATHER =
      Pattern.compile(
          "^.{0,6}(天气|好热|好冷|热死|冷死|太热|太冷|下雨|下雪|出太阳|降温|升温|刮风|雾霾)(了|啊|呀|真|好|不错|太|怎么样|咋样|如何|会不会|吗|"
              + "[\\p{P}\\s]){0,8}.{0,6}$");

  private static final Pattern ABOUT_THE_BOT =
      Pattern.compile(
          "^(你|您)(是)?(机器人|真人|人工智能|ai|谁|人|哪位|男的|女的)(吗|么|嘛|啊|呀)?[\\p{P}\\s]*$|"
              + "^(你|您)(叫什么|几岁|多大|好聪明|真聪明|真棒|好棒|太棒了|好厉害|真厉害|会聊天)");

  private static final Pattern THANKS = Pattern.compile("谢谢|多谢|感谢|辛苦了|唔该|thx|thanks|thank you|🙏");

  /** A tail that states a need (谢谢，我想办居住证) is a request for information, not small talk. */
  private static final Pattern NEED = Pattern.compile("我想|我要|想办|要办|想申请|想咨询|想问|想了解|想知道");

  private static final Pattern ONLY_SYMBOLS = Pattern.compile("^[\\p{P}\\p{S}\\p{M}\\p{Z}\\p{C}\\s]*$");

  private static final Pattern FILLERS = Pattern.compile("(" + FILLER + "|" + ADDRESSEE + "(?!(早上|上午|中午|下午|晚上)?好|早安|午安)){1,16}");

  private static final Pattern BANTER =
      Pattern.compile(
          "^(好|真|太|有点)?(无聊|开心|高兴|累|困了|饿了)[了啊呀哦~！!。.]*$|"
              + "^(你)?(吃了吗|吃饭了吗|吃饭没|吃了没|晚饭吃了吗|午饭吃了吗|睡了吗|在干嘛|干嘛呢)[?？~！!。.]*$");

  private SmallTalk() {}

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
