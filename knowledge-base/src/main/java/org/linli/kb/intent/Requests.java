package org.linli.kb.intent;

import java.util.regex.Pattern;
import org.linli.kb.RuleFile;

/**
 * Requests a person must handle, not a guide: something broken to fix ({@code repair}), someone
 * asked to act ({@code action}: come round, step in, plead the resident's case, book, put through
 * to a person), or the resident's own case ({@code personal-case}, such as an application with no
 * news). A broken
 * thing named inside an information question (楼上渗水物业不管可以找谁调解: who mediates, who
 * pays, what the rules are) is a question; an explicit request (派人, 上门, 帮我) never is.
 */
final class Requests {

  private static final RuleFile RULE_FILE = RuleFile.load("linli/intent/requests.rules");

  /** Something broken or blocked that someone has to come and fix. */
  private static final Pattern REPAIR = RULE_FILE.pattern("REPAIR", Folded::pattern);

  /** The broken thing is the subject of an information question. */
  private static final Pattern REPAIR_INFO = RULE_FILE.pattern("REPAIR_INFO", Folded::pattern);

  /** Said as a recurring condition (一下雨就渗水, 每次下雨都漏), not one leak to fix now. */
  private static final Pattern RECURRING = RULE_FILE.pattern("RECURRING", Folded::pattern);

  /** Asks who pays or whether a fund or programme covers it. */
  private static final Pattern COVERAGE = RULE_FILE.pattern("COVERAGE", Folded::pattern);

  /** Someone is asked to come, look, fix or chase. */
  private static final Pattern ACTION = RULE_FILE.pattern("ACTION", Folded::pattern);

  /** The resident's own application, payment or file. */
  private static final Pattern PERSONAL_CASE = RULE_FILE.pattern("PERSONAL_CASE", Folded::pattern);

  private Requests() {
  }

  /**
   * The rule for a request, or null. {@code brokenCounts} is false when the message already asked
   * about a danger in general, so a broken lift inside "万一电梯坏了困人" is not a repair.
   */
  static String rule(String t, boolean brokenCounts) {
    boolean action = ACTION.matcher(t).find();
    boolean info = REPAIR_INFO.matcher(t).find() || (RECURRING.matcher(t).find() && COVERAGE.matcher(t).find());
    if (brokenCounts && REPAIR.matcher(t).find() && (action || !info)) {
      return "repair";
    }
    if (action) {
      return "action";
    }
    if (PERSONAL_CASE.matcher(t).find()) {
      return "personal-case";
    }
    return null;
  }
}
