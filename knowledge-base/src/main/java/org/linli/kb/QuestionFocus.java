package org.linli.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which part of a guide a question asks about — the materials, the time limit, the fees, the place,
 * the steps or who qualifies — so the card can show that part first. Works on the folded text
 * (Traditional becomes Simplified) and knows common dialect forms (撒子材料, 要几多钱, 点样办,
 * 啷个办, 啥辰光). Offices title their sections differently, so each aspect names several headings.
 * The words are in {@code linli/question-focus.rules} (format: {@link RuleFile}).
 */
public final class QuestionFocus {

  private static final RuleFile RULE_FILE = RuleFile.load("linli/question-focus.rules");

  /** One part of a guide a resident may ask about, with the label a card shows for it. */
  public enum Aspect {
    /** What to bring: 所需材料, 需要准备, 申请材料. */
    MATERIALS,
    /** What it costs: 收费标准, 费用. */
    FEES,
    /** How long it takes: 办理时限, 多长时间. */
    TIME_LIMIT,
    /** Where and when to go: 办理地点, 在哪办, 联系方式. */
    PLACE,
    /** Who qualifies: 申请条件, 办理条件, 谁可以办. */
    ELIGIBILITY,
    /** How to do it: 办理步骤, 办理流程, 怎么办. */
    STEPS;

    private final String label;
    private final Pattern asked;
    private final List<String> headings;

    Aspect() {
      this.label = RULE_FILE.text(name() + "_LABEL");
      this.asked = RULE_FILE.pattern(name() + "_ASKED");
      this.headings = List.of(RULE_FILE.text(name() + "_HEADINGS").split("\\|"));
    }

    /** What a card calls this part, e.g. 所需材料. */
    public String label() {
      return label;
    }

    /** Words a section heading of this part contains, most telling first. */
    public List<String> headings() {
      return headings;
    }
  }

  private QuestionFocus() {
  }

  /**
   * The aspects a question asks about, most specific first (materials, fees, time, place, who
   * qualifies, then steps: "怎么办" is how residents ask about anything); empty when it asks none.
   */
  public static List<Aspect> aspects(String question) {
    String folded = ChineseScript.fold(question == null ? "" : question);
    List<Aspect> found = new ArrayList<>();
    for (Aspect a : Aspect.values()) {
      if (a.asked.matcher(folded).find()) {
        found.add(a);
      }
    }
    return found;
  }

  /** The first aspect a question asks about, if any. */
  public static Optional<Aspect> of(String question) {
    List<Aspect> found = aspects(question);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** The section of a guide that answers an aspect: the first heading word that any section has. */
  public static Optional<GuideBody.Section> section(GuideBody body, Aspect aspect) {
    for (String word : aspect.headings()) {
      for (GuideBody.Section s : body.sections()) {
        if (s.heading().contains(word)) {
          return Optional.of(s);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The aspect a question asks about that this guide has a section for, with that section: the
   * most specific one the guide can answer.
   */
  public static Optional<Focus> in(String question, GuideBody body) {
    for (Aspect a : aspects(question)) {
      Optional<GuideBody.Section> s = section(body, a);
      if (s.isPresent()) {
        return Optional.of(new Focus(a, s.get()));
      }
    }
    return Optional.empty();
  }

  /** An aspect and the guide's section for it. */
  public record Focus(Aspect aspect, GuideBody.Section section) {
  }
}
