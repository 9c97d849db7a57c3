package org.linli.bot.consultation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.linli.webhooks.Reply;

/**
 * Everything the bot says about a poll in the group: the announcement with its buttons, the
 * reminder, the results with the outcome in words. Texts only — nobody is ever named.
 */
public final class PollMessages {

  /** Button data prefix of a vote: {@code vote:<pollId>:<n>}. */
  public static final String VOTE = "vote:";

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

  private final ZoneId zone;
  private final Supplier<String> publicUrl;

  /** {@code publicUrl} gives the address residents reach the service at (for the results page). */
  public PollMessages(ZoneId zone, Supplier<String> publicUrl) {
    this.zone = zone;
    this.publicUrl = publicUrl;
  }

  /** A time as residents read it: 12月1日 20:00. */
  public String when(java.time.Instant at) {
    return WHEN.format(at.atZone(zone));
  }

  /**
   * The message that opens a poll in the group. During a discussion period it presents the matter
   * without buttons; when voting opens, with one button per option.
   */
  public Reply announcement(Poll poll, boolean votingOpen) {
    StringBuilder out = new StringBuilder(poll.byHousehold() ? "🏛 业主大事表决 " : "🗳 议事投票 ")
        .append(poll.id()).append("：").append(poll.question()).append('\n');
    List<Reply.Button> buttons = new ArrayList<>();
    for (int i = 0; i < poll.options().size(); i++) {
      out.append(i + 1).append(". ").append(poll.options().get(i)).append('\n');
      buttons.add(new Reply.Button((i + 1) + ". " + poll.options().get(i), VOTE + poll.id() + ":" + (i + 1)));
    }
    if (!votingOpen) {
      out.append("现在是讨论期，欢迎在群里发表意见；").append(when(poll.opensAt())).append(" 开始投票，")
          .append(when(poll.closesAt())).append(" 截止。");
      return Reply.text(out.toString());
    }
    out.append("截止：").append(when(poll.closesAt()));
    out.append(poll.multi() > 1 ? "；最多选" + poll.multi() + "项" : "");
    out.append(poll.byHousehold() ? "；一户一票（请先 /bind 绑定房屋）" : "；一人一票");
    out.append("；截止前可以改票");
    out.append(poll.anonymous() ? "；不记名投票，投票后私信发回执码" : "");
    out.append(poll.hideResults() ? "；结果截止后公布" : "").append('\n');
    out.append("表决规则：").append(ruleInWords(poll.rule())).append('\n');
    out.append("点按钮投票，或回复本条消息写序号，或发送：/vote ").append(poll.id()).append(" 序号 [理由]");
    return new Reply(out.toString(), buttons, false);
  }

  /** The rule in one sentence. */
  public static String ruleInWords(Rule rule) {
    return switch (rule) {
      case MAJORITY -> "同意票超过投票总数的一半即通过";
      case TWO_THIRDS -> "同意票不少于投票总数的2/3即通过";
      case CIVIL_CODE_ORDINARY -> "《民法典》第278条一般事项：参与表决的面积和户数均不少于2/3，且同意的面积和户数均超过参与部分的一半";
      case CIVIL_CODE_MAJOR -> "《民法典》第278条重大事项：参与表决的面积和户数均不少于2/3，且同意的面积和户数均不少于参与部分的3/4";
    };
  }

  /** The reminder before the deadline: participation so far, never who has not voted. */
  public Reply reminder(Poll poll, Tally tally) {
    StringBuilder out = new StringBuilder("⏰ 提醒：投票 ").append(poll.id()).append("「").append(poll.question())
        .append("」将于 ").append(when(poll.closesAt())).append(" 截止。\n");
    if (poll.byHousehold()) {
      out.append("目前已有 ").append(tally.ballots()).append(" 户参与（共 ").append(tally.eligibleBallots()).append(" 户，")
          .append(percent(tally.ballots(), tally.eligibleBallots())).append("），参与面积 ")
          .append(Rule.formatArea(tally.participatingArea())).append("/").append(Rule.formatArea(tally.eligibleArea()))
          .append(" m²（").append(percent(tally.participatingArea(), tally.eligibleArea())).append("）。");
      if (poll.rule().needsRegister()) {
        out.append("表决有效需要面积和户数都达到2/3。");
      }
    } else {
      out.append("目前已有 ").append(tally.ballots()).append(" 人参与。");
    }
    out.append("\n还没投票的居民请点下方按钮投票。");
    Reply announcement = announcement(poll, true);
    return new Reply(out.toString(), announcement.buttons(), false);
  }

  /** The results as residents read them: tally (unless hidden while open), outcome in words. */
  public String results(PollStore.Stored stored, Tally tally) {
    Poll poll = stored.poll();
    StringBuilder out = new StringBuilder(stored.open() ? "📊 投票 " : "📊 投票结果 ").append(poll.id()).append("：")
        .append(poll.question()).append('\n');
    if (stored.open() && poll.hideResults()) {
      out.append("结果将在截止后公布。目前已有 ").append(tally.ballots()).append(poll.byHousehold() ? " 户" : " 人").append("参与。");
      return out.toString();
    }
    for (int i = 1; i <= poll.options().size(); i++) {
      out.append(i).append(". ").append(poll.options().get(i - 1)).append("：").append(tally.votesFor(i))
          .append(poll.byHousehold() ? " 户" : " 票");
      if (poll.byHousehold()) {
        out.append("，").append(Rule.formatArea(tally.areaFor(i))).append(" m²");
      }
      out.append('\n');
    }
    out.append("共 ").append(tally.ballots()).append(poll.byHousehold() ? " 户" : " 人").append("参与");
    if (poll.byHousehold()) {
      out.append("（名册 ").append(tally.eligibleBallots()).append(" 户）");
    }
    if (!stored.open()) {
      Rule.Outcome outcome = poll.rule().decide(tally);
      out.append('\n');
      for (Rule.Condition c : outcome.conditions()) {
        out.append(c.met() ? "✅ " : "❌ ").append(c.description()).append("：").append(c.detail()).append('\n');
      }
      out.append(outcome.passed() ? "结论：通过（“" : "结论：未通过（“").append(poll.options().get(0)).append("”）");
      if (poll.anonymous()) {
        out.append("\n不记名投票：全部回执码见公示页，可核对您的选票已计入。");
      }
      out.append("\n公示页：").append(publicUrl.get()).append("/polls/").append(poll.id());
    }
    return out.toString();
  }

  /** Option names of the given numbers, joined with 、. */
  public static String names(Poll poll, List<Integer> choices) {
    List<String> names = new ArrayList<>();
    for (int c : choices) {
      names.add(c >= 1 && c <= poll.options().size() ? poll.options().get(c - 1) : String.valueOf(c));
    }
    return String.join("、", names);
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }
}
