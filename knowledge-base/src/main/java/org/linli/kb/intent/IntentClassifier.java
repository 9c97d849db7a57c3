package org.linli.kb.intent;

import java.util.regex.Pattern;
import org.linli.kb.ChineseScript;

/**
 * Tells a question a guide can answer from a personal case or a request for action (which goes to
 * the help-line whatever the guides say), from an emergency (forwarded and flagged urgent) and from
 * small talk.
 *
 * <p>Checked in order: danger ({@link Danger}: a danger signal is urgent unless it is framed as
 * information, and a call for help is always urgent), then requests ({@code repair}, {@code
 * action}, {@code personal-case}), then small talk ({@code thanks}, {@code greeting}, {@code
 * farewell}, {@code acknowledgement}, {@code small-talk}), else a {@code question} (or a {@code
 * statement}, which is searched like a question).
 *
 * <p>Rules, not a model: they are few, readable, testable one sentence at a time, need no
 * training data (and there is none labelled), and their mistakes can be fixed where they are seen.
 * Where they are unsure whether someone is in danger now they say urgent: a wrong urgent costs a
 * resident one tap, while a confident guide answer to "电梯困人了" would cost far more. Traditional
 * input is folded to Simplified first; every pattern uses bounded gaps, so time stays linear.
 */
public final class IntentClassifier {

  private static final Pattern QUESTION =
      Folded.pattern(
          "[?？]|吗|(?<![这那多要])么|呢|怎|如何|什么|啥|哪|(?<![好十])几(?![十百千万])|多少|谁|咋|能不能|可不可以|可以不|是否|有没有|要不要|需不需要|能否|行不行|"
              + "请问|求问|咨询|想问|问下|问一下|知道|流程|材料|条件|手续|在哪|多久|多长时间|费用|标准|补贴|办理|申请|"
              + "咋个|啷个|啥子|么子|点样|点解|边度|边个|几时|乜嘢|系唔系|有冇|可唔可以|得唔得|莫得.{0,4}(办法|地方)|有得.{0,4}不[?？。]?$|(?<ab>[^动一])不\\k<ab>");

  /** Classifies one message; never throws, whatever the text. */
  public Intent classify(String text) {
    String t = text == null ? "" : ChineseScript.fold(text).strip();
    boolean questionMarked = QUESTION.matcher(t).find();
    Danger.Verdict danger = Danger.judge(t, questionMarked);
    if (danger == Danger.Verdict.URGENT) {
      return new Intent(MessageKind.HELP_REQUEST, true, "emergency");
    }
    String request = Requests.rule(t, danger == Danger.Verdict.NONE);
    if (request != null) {
      return new Intent(MessageKind.HELP_REQUEST, false, request);
    }
    if (danger == Danger.Verdict.NONE) {
      String talk = SmallTalk.rule(t, questionMarked);
      if (talk != null) {
        return new Intent(MessageKind.CHITCHAT, false, talk);
      }
    }
    return new Intent(MessageKind.QUESTION, false, questionMarked || danger != Danger.Verdict.NONE ? "question" : "statement");
  }
}
