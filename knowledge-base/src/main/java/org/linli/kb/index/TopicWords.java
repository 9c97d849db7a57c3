package org.linli.kb.index;

import java.util.List;
import java.util.Set;
import org.linli.kb.ResourceLines;

/**
 * The words of a question that say what it is about (身份证, 狗, 小学), as opposed to how it asks
 * (办理, 需要, 多久) or what part of a guide it wants (材料, 费用, 地点). A guide that does not
 * cover a question's topic words is about something else, however well the rest matches: the
 * commonest confident wrong answer is a question on 宠物疫苗 answered with the guide on 儿童疫苗.
 */
final class TopicWords {

  /**
   * Procedure and question words every guide shares; none of them names a matter. Kept short on
   * purpose: a word missing here only makes the topic check a little stricter. The words are in
   * {@code linli/generic-words.txt}.
   */
  private static final Set<String> GENERIC = EntryTerms.frozen(ResourceLines.words("linli/generic-words.txt"));

  private TopicWords() {
  }

  /** The topic words among a question's segmented words (stop words already removed). */
  static List<String> of(List<String> words) {
    return words.stream().filter(TopicWords::topical).toList();
  }

  private static boolean topical(String word) {
    if (GENERIC.contains(word)) {
      return false;
    }
    for (int i = 0; i < word.length();) {
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
