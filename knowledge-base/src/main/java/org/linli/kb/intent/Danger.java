package org.linli.kb.intent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linli.kb.RuleFile;

/**
 * Whether a message reports someone in danger now, or only asks about a dangerous topic.
 *
 * <p>Two kinds of danger signal. An ongoing one (someone trapped, missing, not seen for days,
 * lying still; someone on a ledge; a flat shut for days with a smell; gas or smoke; a child in
 * danger) lasts while nobody acts; harm that may be over (a fire, a fall, a bite, a fight, a flood,
 * symptoms such as chest pain or a stroke, labour, poisoning or an overdose, an injury at a site) may
 * be asked about afterwards. Either is urgent unless the
 * message is framed as information:
 *
 * <ul>
 *   <li>a conditional (万一, 如果, 一旦) or a habit (经常, 老是) not said to have happened this time;
 *   <li>prevention, risk or rules (预防, 容易, 会不会, 规定, 演练), unless the danger is also reported
 *       as happening (楼道里电动车充电冒烟了，有什么规定);
 *   <li>a general case (遇到有人晕倒怎么办) that the speaker is not in;
 *   <li>a topic with no sign that it is happening: no 了, no person, no place (燃气泄漏怎么处理,
 *       跌倒风险评估);
 *   <li>for harm only: money or benefits afterwards (家里着火了有没有救助), or how to act in general
 *       with nobody named (家里着火了应该怎么逃生);
 *   <li>a question framed as a worry before the danger with a service asked about (怕老妈在家摔倒了
 *       没人知道，社区能装呼叫器吗), a hazard with who handles it (火灾隐患，该找谁), a category (像
 *       电梯困人这种情况), a cause of an alarm that stopped (响了一下又停了，什么原因), or a
 *       discovery besides the police (除了报警还能找谁);
 *   <li>a danger already reported or over, asking what comes next (已经报警了，告诫书能当证据吗),
 *       unless something is still going on (警察还没来，他还在砸门).
 * </ul>
 *
 * <p>A call for help (救命, 快来人, 帮我叫救护车) or "happening now" (正在, 刚才) outweighs every
 * information word; a danger that is over or in hand (昨天, 现在在医院, 找回来了) is not urgent
 * unless it is still going on (到现在还没回来). When in doubt about someone in danger now, urgent
 * wins: a wrong urgent costs a tap and a missed one costs far more.
 *
 * <p>Every pattern is a flat alternation with bounded gaps, so matching stays linear in the text.
 * The patterns are in {@code linli/intent/danger.rules} (format: {@link RuleFile}); most are folded
 * like the text they match ({@link Folded}).
 */
final class Danger {

  /** What the message says about danger. */
  enum Verdict {
    /** No danger signal at all. */
    NONE,
    /** Someone may be in danger now. */
    URGENT,
    /** A danger word in a question a guide can answer. */
    INFORMATION
  }

  private static final RuleFile RULE_FILE = RuleFile.load("linli/intent/danger.rules");

  /** Says outright that help is needed now; urgent even with information words around it. */
  private static final Pattern CALL = RULE_FILE.pattern("CALL", Folded::pattern);

  /** Asks someone to come at once; urgent together with a danger signal. */
  private static final Pattern HURRY = RULE_FILE.pattern("HURRY", Folded::pattern);

  /**
   * A danger that lasts while nobody acts: someone trapped, missing, not seen for days or lying
   * still, gas, a child in danger. Money and how-to words around it do not make it a question.
   */
  private static final Pattern ONGOING = RULE_FILE.pattern("ONGOING", Folded::pattern);

  /** A neighbouring flat shut for days: a danger when someone worries or smells something. */
  private static final Pattern NEIGHBOUR_SHUT = RULE_FILE.pattern("NEIGHBOUR_SHUT", Folded::pattern);

  private static final Pattern WORRY = RULE_FILE.pattern("WORRY", Folded::pattern);

  /** The danger is over (找回来了, 火灭了): nothing left to rush to. */
  private static final Pattern RESOLVED = RULE_FILE.pattern("RESOLVED", Folded::pattern);

  /**
   * Harm that may already be over (a fire, a fall, a bite, a fight, a flood): urgent when
   * reported, information when the message asks about money or how to act in general.
   */
  private static final Pattern HARM = RULE_FILE.pattern("HARM", Folded::pattern);

  /** Harm named last, as the whole report (着火, 楼下打架), not as the topic of a phrase (跌倒风险评估). */
  private static final Pattern HARM_AT_END = Pattern
      .compile("(" + HARM.pattern() + ")" + RULE_FILE.text("HARM_AT_END_TAIL"));

  /** Over, or in hand: yesterday, or already in hospital. */
  private static final Pattern PAST = RULE_FILE.pattern("PAST", Folded::pattern);

  /** Still not over, whenever it began. */
  private static final Pattern NOT_OVER = RULE_FILE.pattern("NOT_OVER", Folded::pattern);

  /** A child alone is a danger when reported, not when asked about (孩子一个人在家可以吗). */
  private static final Pattern CHILD_ALONE = RULE_FILE.pattern("CHILD_ALONE", Folded::pattern);

  /** Smoke is a fire signal unless it comes from cooking, a barbecue or a cigarette. */
  private static final Pattern SMOKE = RULE_FILE.pattern("SMOKE", Folded::pattern);

  private static final Pattern HARMLESS_SMOKE = RULE_FILE.pattern("HARMLESS_SMOKE", Folded::pattern);

  /** A lift with someone inside is a trapped person, however it is worded. */
  private static final Pattern LIFT = RULE_FILE.pattern("LIFT", Folded::pattern);

  private static final Pattern INSIDE = RULE_FILE.pattern("INSIDE", Folded::pattern);

  /** Hypothetical: information even when a person is named (万一我妈晕倒了怎么办). */
  private static final Pattern CONDITIONAL = RULE_FILE.pattern("CONDITIONAL", Folded::pattern);

  /**
   * Prevention, risk, rules or training: information, unless the message also reports the danger
   * as happening (楼道里电动车充电冒烟了，有什么规定).
   */
  private static final Pattern RULES = RULE_FILE.pattern("RULES", Folded::pattern);

  /** A habit, not an event (电梯老是困人, 我家老人经常摔倒): a question or a complaint, not an alarm. */
  private static final Pattern HABIT = RULE_FILE.pattern("HABIT", Folded::pattern);

  /** This time: a habit word no longer makes it general (经常摔倒，今天又摔倒了). */
  private static final Pattern THIS_TIME = RULE_FILE.pattern("THIS_TIME", Folded::pattern);

  /** A situation described as a general case: information unless the speaker is in it. */
  private static final Pattern SITUATION = RULE_FILE.pattern("SITUATION", Folded::pattern);

  /**
   * Worry or prevention (怕…, 担心…会…, 以防, 防止): information when it comes before the danger in
   * the same clause and the message asks something (怕老妈在家摔倒了没人知道，能装呼叫器吗), not
   * when it follows a reported danger (我妈摔倒了起不来，怕她骨折了).
   */
  private static final Pattern WORRY_FRAME = RULE_FILE.pattern("WORRY_FRAME", Folded::pattern);

  /** Asks about a service, a facility or a rule, not what to do about someone now. */
  private static final Pattern SERVICE_ASK = RULE_FILE.pattern("SERVICE_ASK", Folded::pattern);

  /** Ends a clause: a worry word does not reach over it. */
  private static final Pattern CLAUSE_END = RULE_FILE.pattern("CLAUSE_END");

  /** A hazard, not an event (火灾隐患, 很危险), as opposed to the harm itself. */
  private static final Pattern HAZARD = RULE_FILE.pattern("HAZARD", Folded::pattern);

  /** Who handles it, where to report it, what the rules are. */
  private static final Pattern WHO_HANDLES = RULE_FILE.pattern("WHO_HANDLES", Folded::pattern);

  /** A category referred to in general (像电梯困人这种情况), not one the speaker is in. */
  private static final Pattern CATEGORY = RULE_FILE.pattern("CATEGORY", Folded::pattern);

  /** The speaker is in it now (我被困, 我们正在), so a general-sounding case is their own. */
  private static final Pattern SPEAKER_IN = RULE_FILE.pattern("SPEAKER_IN", Folded::pattern);

  /**
   * Already reported or over (已经报警了, 打了120没救回来, 人走了): a question about what comes
   * next when paired with {@link #PROCEDURE} and nothing still going on.
   */
  private static final Pattern HANDLED = RULE_FILE.pattern("HANDLED", Folded::pattern);

  /** What to do next, which papers, who issues them. */
  private static final Pattern PROCEDURE = RULE_FILE.pattern("PROCEDURE", Folded::pattern);

  /** Still going on, whatever was already done. */
  private static final Pattern LIVE = RULE_FILE.pattern("LIVE", Folded::pattern);

  /** Asks why something happens (一般是什么原因, 为什么会, 是怎么回事). */
  private static final Pattern CAUSE = RULE_FILE.pattern("CAUSE", Folded::pattern);

  /** The alarm or symptom stopped, or comes and goes (响了一下又停了, 时不时). */
  private static final Pattern SETTLED = RULE_FILE.pattern("SETTLED", Folded::pattern);

  /** It goes on now: a continuing sound or smell outweighs a cause question. */
  private static final Pattern CONTINUING = RULE_FILE.pattern("CONTINUING", Folded::pattern);

  /** A discovery framed in general, or besides the police (除了报警还能找谁). */
  private static final Pattern BESIDES_POLICE = RULE_FILE.pattern("BESIDES_POLICE", Folded::pattern);

  /** Asks for a contact. */
  private static final Pattern CONTACT = RULE_FILE.pattern("CONTACT", Folded::pattern);

  /** Money, benefits, buying or registering afterwards. */
  private static final Pattern AFTERMATH = RULE_FILE.pattern("AFTERMATH", Folded::pattern);

  /** How-to knowledge, outweighed by a named person or place. */
  private static final Pattern HOW_TO = RULE_FILE.pattern("HOW_TO", Folded::pattern);

  /** Happening right now: outweighs even hypothetical words. */
  private static final Pattern NOW = RULE_FILE.pattern("NOW", Folded::pattern);

  /** Still going on: outweighs money and how-to words. */
  private static final Pattern STILL = RULE_FILE.pattern("STILL", Folded::pattern);

  /** A particular person or place, so the message is about a real case. */
  private static final Pattern ANCHOR = RULE_FILE.pattern("ANCHOR", Folded::pattern);

  /** Said as an event (了, 咯, 咗, an exclamation) rather than named as a topic. */
  private static final Pattern EVENT = RULE_FILE.pattern("EVENT", Folded::pattern);

  /** The speaker is in it, so a general-sounding situation is their own. */
  private static final Pattern FIRST_PERSON = RULE_FILE.pattern("FIRST_PERSON", Folded::pattern);

  private Danger() {
  }

  /** Judges one folded message; {@code questionMarked} when it reads as a question at all. */
  static Verdict judge(String t, boolean questionMarked) {
    boolean call = CALL.matcher(t).find();
    boolean ongoing = ongoing(t, questionMarked);
    boolean harm = HARM.matcher(t).find();
    boolean live = LIVE.matcher(t).find() || NOT_OVER.matcher(t).find() || HURRY.matcher(t).find()
        || NOW.matcher(t).find();
    if (!live && HANDLED.matcher(t).find() && PROCEDURE.matcher(t).find()) {
      return ongoing || harm || call ? Verdict.INFORMATION : Verdict.NONE;
    }
    if (!ongoing && !harm) {
      return call ? Verdict.URGENT : Verdict.NONE;
    }
    if (!call && RESOLVED.matcher(t).find()) {
      return Verdict.NONE;
    }
    if (call || HURRY.matcher(t).find() || NOW.matcher(t).find()) {
      return Verdict.URGENT;
    }
    if (PAST.matcher(t).find() && !NOT_OVER.matcher(t).find()) {
      return Verdict.NONE;
    }
    boolean event = EVENT.matcher(t).find();
    boolean anchor = ANCHOR.matcher(t).find();
    if (CONDITIONAL.matcher(t).find() || (HABIT.matcher(t).find() && !THIS_TIME.matcher(t).find())) {
      return Verdict.INFORMATION;
    }
    if (questionMarked && !live && framedAsInformation(t, ongoing, event)) {
      return Verdict.INFORMATION;
    }
    if (RULES.matcher(t).find() && !(event && (ongoing || anchor))) {
      return Verdict.INFORMATION;
    }
    if (SITUATION.matcher(t).find() && !FIRST_PERSON.matcher(t).find()) {
      return Verdict.INFORMATION;
    }
    if (!anchor && !event && (questionMarked || !(ongoing || HARM_AT_END.matcher(t).find()))) {
      return Verdict.INFORMATION;
    }
    if (ongoing || STILL.matcher(t).find()) {
      return Verdict.URGENT;
    }
    if (AFTERMATH.matcher(t).find() || (!anchor && HOW_TO.matcher(t).find())) {
      return Verdict.INFORMATION;
    }
    return Verdict.URGENT;
  }

  /**
   * Worry before the danger, a hazard with who handles it, a category in general, a cause question
   * about an alarm that stopped, or a discovery besides the police asking for a contact.
   */
  private static boolean framedAsInformation(String t, boolean ongoing, boolean event) {
    if (worryComesFirst(t) && SERVICE_ASK.matcher(t).find() && !CONTINUING.matcher(t).find()) {
      return true;
    }
    if (HAZARD.matcher(t).find() && WHO_HANDLES.matcher(t).find() && !(ongoing && event)) {
      return true;
    }
    if (CATEGORY.matcher(t).find() && !SPEAKER_IN.matcher(t).find()) {
      return true;
    }
    if (CAUSE.matcher(t).find() && SETTLED.matcher(t).find() && !CONTINUING.matcher(t).find()
        && !INSIDE.matcher(t).find()) {
      return true;
    }
    return BESIDES_POLICE.matcher(t).find() && CONTACT.matcher(t).find();
  }

  /** A worry word that opens the clause in which the danger is named. */
  private static boolean worryComesFirst(String t) {
    Matcher worry = WORRY_FRAME.matcher(t);
    if (!worry.find()) {
      return false;
    }
    int danger = firstStart(t, ONGOING, HARM);
    return danger > worry.start() && !CLAUSE_END.matcher(t.substring(worry.start(), danger)).find();
  }

  private static int firstStart(String t, Pattern a, Pattern b) {
    Matcher ma = a.matcher(t);
    Matcher mb = b.matcher(t);
    int first = ma.find() ? ma.start() : Integer.MAX_VALUE;
    if (mb.find()) {
      first = Math.min(first, mb.start());
    }
    return first == Integer.MAX_VALUE ? -1 : first;
  }

  private static boolean ongoing(String t, boolean questionMarked) {
    return ONGOING.matcher(t).find()
        || (NEIGHBOUR_SHUT.matcher(t).find() && WORRY.matcher(t).find())
        || (SMOKE.matcher(t).find() && !HARMLESS_SMOKE.matcher(t).find())
        || (LIFT.matcher(t).find() && INSIDE.matcher(t).find())
        || (!questionMarked && CHILD_ALONE.matcher(t).find());
  }
}
