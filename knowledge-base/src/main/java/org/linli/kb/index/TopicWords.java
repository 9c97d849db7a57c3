package org.linli.kb.index;

import java.util.List;
import java.util.Set;

/**
 * The words of a question that say what it is about (身份证, 狗, 小学), as opposed to how it asks
 * (办理, 需要, 多久) or what part of a guide it wants (材料, 费用, 地点). A guide that does not
 * cover a question's topic words is about something else, however well the rest matches: the
 * commonest confident wrong answer is a question on 宠物疫苗 answered with the guide on 儿童疫苗.
 */
final class TopicWords {

  /**
   * Procedure and question words every guide shares; none of them names a matter. Kept short on
   * purpose: a word missing here only makes the topic check a little stricter.
   */
  private static final Set<String> GENERIC =
      Set.of(
          "办理", "办", "办事", "申请", "申领", "领取", "领", "材料", "手续", "需要", "要求", "流程", "步骤", "条件",
          "时间", "多久", "多长", "时限", "几天", "天", "费用", "收费", "钱", "免费", "地方", "地址", "地点", "电话",
          "窗口", "哪儿", "哪边", "社区", "街道", "居委会", "居委", "可以", "能否", "是否", "现在", "已经", "情况",
          "问题", "东西", "事", "事情", "帮", "谢谢", "准备", "带", "交", "提交", "咨询", "想", "问问", "一般",
          "还有", "没有", "不", "没", "吧", "该", "应该", "得", "必须", "需", "具体", "相关", "规定", "政策", "什么样",
          "怎么办", "怎么弄", "怎么整", "方式", "途径", "渠道", "本人", "自己", "家里", "家", "我家", "大家", "人",
          "今天", "明天", "最近", "之前", "以后", "然后", "因为", "所以", "但是", "如果", "那么", "这边", "那边",
          "本地", "这里", "那里", "一", "两", "个", "些", "点", "多", "少", "好", "行", "对", "用", "搞", "弄", "整",
          "去", "来", "看", "说", "听说", "知道", "告诉", "麻烦", "请教", "各位", "小区", "居民", "办法");

  private TopicWords() {}

  /** The topic words among a question's segmented words (stop words already removed). */
  static List<String> of(List<String> words) {
    return words.stream().filter(TopicWords::topical).toList();
  }

  private static boolean topical(String word) {
    if (GENERIC.contains(word)) {
      return false;
    }
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
        return true;
      }
      i += Character.charCount(cp);
    }
    // Latin words count from two letters (ic卡 is segmented apart; "a" or "1" says nothing).
    return word.length() >= 2 && word.chars().allMatch(Character::isLetter);
  }
}
