package org.linli.bot.consultation;

import java.util.List;
import org.linli.bot.text.Words;

/**
 * Whether a poll's options are a yes/no set, so that it is a proposal unless it says otherwise:
 * option 1 agrees (同意, 赞成, 是, 要 …), option 2 disagrees (不同意, 反对, or "不" and option 1), and
 * an optional option 3 abstains (弃权 …).
 */
final class YesNo {

  private static final List<String> YES = Words.POLL_YES_WORDS.list();
  private static final List<String> NO = Words.POLL_NO_WORDS.list();
  private static final List<String> ABSTAIN = Words.POLL_ABSTAIN_WORDS.list();
  private static final String NOT = Words.POLL_NOT_PREFIX.text();

  private YesNo() {
  }

  /** True for 同意 | 不同意, 赞成 | 反对 | 弃权, 换 | 不换 and the like. */
  static boolean isYesNo(List<String> options) {
    if (options.size() < 2 || options.size() > 3) {
      return false;
    }
    String yes = options.get(0).strip();
    String no = options.get(1).strip();
    boolean pair = (YES.contains(yes) && NO.contains(no)) || (!yes.isEmpty() && no.equals(NOT + yes));
    return pair && (options.size() == 2 || ABSTAIN.contains(options.get(2).strip()));
  }
}
