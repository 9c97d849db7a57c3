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
                      + "hi|hello|hey|嗨|哈喽|哈啰|早(?!\\p{IsHan})|"
                      + "在吗|在么|在不在|有人吗|有人在吗|请问在吗)"),
              0),
          new Kind(
              "farewell",
              Pattern.compile("^(再见|拜拜|拜|bye bye|byebye|bye|回见|下次见|明天见|晚安|886|88|先这样|先走了)"),
              0),
          new Kind(
              "acknowledgement",
              Pattern.compile(
                  "^(好的|好滴|好嘞|好哒|好吧|收到|嗯嗯|嗯呢|哦哦|(好|嗯|哦|噢|行)(?!\\p{IsHan})|ok|okay|okk|行吧|可以了|知道了|知道啦|明白了|明白|了解了|了解|"
                      + "懂了|清楚了|没问题|👍|👌|\\+1)"),
              16));

  private static final Pattern LAUGH = Pattern.compile("^(哈|呵|嘿|嘻|呜|ha|he|h){2,}|笑死|233|666");

  private static final Pattern WEATHER =
      Pattern.compile(
          "^.{0,6}(天气|好热|好冷|热死|冷死|太热|太冷|下雨|下雪|出太阳|降温|升温|刮风|雾霾)(了|啊|呀|真|好|不错|太|怎么样|咋样|如何|会不会|吗|"
              + "[\\p{P}\\s])*.{0,6}$");

  private static final Pattern ABOUT_THE_BOT =
      Pattern.compile(
          "^(你|您)(是)?(机器人|真人|人工智能|ai|谁|人|哪位|男的|女的)(吗|么|嘛|啊|呀)?[\\p{P}\\s]*$|"
              + "^(你|您)(叫什么|几岁|多大|好聪明|真聪明|真棒|好棒|太棒了|好厉害|真厉害|会聊天)");

  private static final Pattern THANKS = Pattern.compile("谢谢|多谢|感谢|辛苦了|唔该|thx|thanks|thank you|🙏");

  private static final Pattern ONLY_SYMBOLS = Pattern.compile("^[\\p{P}\\p{S}\\p{M}\\p{Z}\\p{C}\\s]*$");

  private static final Pattern TAIL_FILLER = Pattern.compile("^(" + FILLER + "|" + ADDRESSEE + ")*$");

  private SmallTalk() {}

  /** The small-talk rule for a folded, stripped message, or null when it asks or says more. */
  static String rule(String t, boolean questionMarked) {
    if (ONLY_SYMBOLS.matcher(t).matches()) {
      if (t.contains("🙏")) {
        return "thanks";
      }
      return t.contains("👍") || t.contains("👌") ? "acknowledgement" : "small-talk";
    }
    if (ABOUT_THE_BOT.matcher(t).find() || WEATHER.matcher(t).matches()) {
      return "small-talk";
    }
    for (Kind kind : KINDS) {
      Matcher m = kind.opening().matcher(t);
      if (m.find()) {
        String tail = t.substring(m.end());
        boolean whole = TAIL_FILLER.matcher(tail).matches()
            || (kind.tail() > 0 && !questionMarked && tail.codePointCount(0, tail.length()) <= kind.tail());
        if (whole) {
          return THANKS.matcher(tail).find() ? "thanks" : kind.rule();
        }
      }
    }
    if (!questionMarked && LAUGH.matcher(t).find() && t.codePointCount(0, t.length()) <= 16) {
      return "small-talk";
    }
    return null;
  }
}
