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
 */
public final class QuestionFocus {

  /** One part of a guide a resident may ask about, with the label a card shows for it. */
  public enum Aspect {
    /** What to bring: 所需材料, 需要准备, 申请材料. */
    MATERIALS("所需材料",
        "材料|带什么|带啥|带哪些|带些什么|要带|准备什么|准备啥|准备哪些|准备些|需要准备|要准备|证件|资料|撒子|啥子东西|拿什么|拿啥|提供什么|提供哪些",
        "所需材料", "申请材料", "需要准备", "材料", "准备"),
    /** What it costs: 收费标准, 费用. */
    FEES("收费标准",
        "多少钱|几多钱|几钱|收费|收不收|费用|免费|要钱|要不要钱|花钱|交钱|给钱|价格|贵不贵|工本费|几块钱|多少银子|缴费标准|交多少|缴多少",
        "收费标准", "收费", "费用", "缴费标准", "多少钱"),
    /** How long it takes: 办理时限, 多长时间. */
    TIME_LIMIT("办理时限",
        "多久|几天|时限|多长时间|多少天|几个工作日|多长|啥时候能|什么时候能|多少时间|好久|几耐|啥辰光|几时能|几时可以|要几日|几日",
        "办理时限", "时限", "多长时间", "多久", "办理时间"),
    /** Where and when to go: 办理地点, 在哪办, 联系方式. */
    PLACE("办理地点",
        "在哪|哪里办|去哪|到哪|哪里可以|哪儿|地址|电话|几点|上班时间|办公时间|工作时间|开门|哪个窗口|什么地方|啥地方|联系方式|怎么联系|边度|喺边|哪块|哪里",
        "办理地点", "在哪办", "地点", "联系方式", "怎么联系", "地址"),
    /** Who qualifies: 申请条件, 办理条件, 谁可以办. */
    ELIGIBILITY("办理条件",
        "条件|能不能办|能办|可以办吗|可不可以办|能不能申请|能申请吗|可以申请吗|能不能领|能领吗|可以领吗|符合|谁可以|哪些人|什么人可以|资格|够不够|有没有份|能否",
        "申请条件", "办理条件", "谁可以办", "条件", "服务对象", "参保对象", "救助对象", "对象"),
    /** How to do it: 办理步骤, 办理流程, 怎么办. */
    STEPS("办理步骤",
        "怎么办|怎么申请|怎么弄|怎么搞|怎么操作|怎么处理|如何办|如何申请|如何操作|怎样办|怎样申请|点样|啷个|咋办|咋弄|咋申请|流程|步骤|手续|程序|办法",
        "办理步骤", "办理流程", "步骤", "流程", "怎么办", "如何办理");

    private final String label;
    private final Pattern asked;
    private final List<String> headings;

    Aspect(String label, String asked, String... headings) {
      this.label = label;
      this.asked = Pattern.compile(asked);
      this.headings = List.of(headings);
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

  private QuestionFocus() {}

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
  public record Focus(Aspect aspect, GuideBody.Section section) {}
}
