package org.linli.kb.intent;

import java.util.regex.Pattern;
import org.linli.kb.ChineseScript;
import org.linli.kb.RuleFile;

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

  private static final RuleFile RULE_FILE = RuleFile.load("linli/intent/question.rules");

  private static final Pattern QUESTION = RULE_FILE.pattern("QUESTION", Folded::pattern);

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
    return new Intent(MessageKind.QUESTION, false,
        questionMarked || danger != Danger.Verdict.NONE ? "question" : "statement");
  }
}
