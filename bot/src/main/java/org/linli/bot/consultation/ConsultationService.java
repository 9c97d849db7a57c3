package org.linli.bot.consultation;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Reply;

/**
 * Consultations in the chat: moderators open and close polls with one line, residents vote with a
 * button or {@code /vote <id> <n>}, everyone can ask for the results. Every change goes through
 * {@link PollStore}, so nothing is confirmed before Redis has it.
 */
public final class ConsultationService {

  /** Button data prefix of a vote: {@code vote:<pollId>:<n>}. */
  public static final String VOTE = "vote:";

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

  private final PollStore store;
  private final Moderators moderators;
  private final PollCommand parser;
  private final ZoneId zone;
  private final Clock clock;

  public ConsultationService(PollStore store, Moderators moderators, ZoneId zone, Clock clock) {
    this.store = store;
    this.moderators = moderators;
    this.parser = new PollCommand(zone);
    this.zone = zone;
    this.clock = clock;
  }

  /** True for the commands this service answers. */
  public static boolean handles(String command) {
    return switch (command) {
      case "/poll", "/发起投票", "/vote", "/投票", "/close", "/结束投票", "/results", "/结果" -> true;
      default -> false;
    };
  }

  /** Answers one of the commands of {@link #handles}. */
  public Future<List<Reply>> command(ChatEvent event, String command, String rest) {
    return switch (command) {
      case "/poll", "/发起投票" -> open(event, rest);
      case "/vote", "/投票" -> voteCommand(event, rest);
      case "/close", "/结束投票" -> close(event, rest.strip());
      default -> results(rest.strip());
    };
  }

  /** A pressed vote button ({@code vote:<id>:<n>}). */
  public Future<List<Reply>> button(ChatEvent event, String data) {
    String[] parts = data.substring(VOTE.length()).split(":");
    if (parts.length != 2 || !parts[1].matches("[\\d,]+")) {
      return reply("这个投票按钮已经失效了，请重新打开投票。");
    }
    return vote(event, parts[0], parts[1]);
  }

  private Future<List<Reply>> open(ChatEvent event, String rest) {
    if (!moderators.moderates(event.chat().id(), event.from().id())) {
      return reply("抱歉，只有本群的社区工作人员可以发起投票。如果您有议题，可以联系网格员或在群里提出，我们会安排议事。");
    }
    PollCommand.Request request;
    try {
      request = parser.parse(rest, clock.instant());
    } catch (PollCommand.Invalid e) {
      return reply(e.getMessage());
    }
    if (request.scale() == Poll.Scale.BIG) {
      return reply("按户表决的大事需要业主名册，名册导入还在建设中，暂时只能发起小事投票。");
    }
    return store.nextId().compose(id -> {
      Poll poll = new Poll(id, event.platform(), event.chat().id(), request.question(), request.options(),
          request.scale(), request.rule(), request.opensAt(), request.closesAt(), request.multi(),
          request.anonymous(), request.hidden());
      return store.create(poll, Map.of()).map(v -> List.of(announcement(poll)));
    });
  }

  /** The message that opens a poll in the group, with one button per option. */
  public Reply announcement(Poll poll) {
    StringBuilder out = new StringBuilder("🗳 议事投票 ").append(poll.id()).append("：").append(poll.question()).append('\n');
    List<Reply.Button> buttons = new ArrayList<>();
    for (int i = 0; i < poll.options().size(); i++) {
      out.append(i + 1).append(". ").append(poll.options().get(i)).append('\n');
      buttons.add(new Reply.Button((i + 1) + ". " + poll.options().get(i), VOTE + poll.id() + ":" + (i + 1)));
    }
    out.append("截止：").append(WHEN.format(poll.closesAt().atZone(zone)));
    out.append(poll.multi() > 1 ? "；最多选" + poll.multi() + "项" : "");
    out.append(poll.scale() == Poll.Scale.BIG ? "；一户一票" : "；一人一票");
    out.append("；截止前可以改票");
    out.append(poll.hideResults() ? "；结果截止后公布" : "").append('\n');
    out.append("点按钮投票，或发送：/vote ").append(poll.id()).append(" 序号");
    return new Reply(out.toString(), buttons, false);
  }

  private Future<List<Reply>> voteCommand(ChatEvent event, String rest) {
    String[] parts = rest.strip().split("\\s+", 2);
    if (parts.length != 2) {
      return reply("投票的写法：/vote 投票编号 序号，例如 /vote p3 2");
    }
    return vote(event, parts[0], parts[1].replace('，', ',').replace(" ", ""));
  }

  private Future<List<Reply>> vote(ChatEvent event, String pollId, String choiceText) {
    List<Integer> choices = new ArrayList<>();
    for (String c : choiceText.split(",")) {
      if (!c.matches("\\d{1,2}")) {
        return reply("请用数字表示选项，例如 /vote " + pollId + " 2");
      }
      choices.add(Integer.parseInt(c));
    }
    String voter = event.platform() + ":" + event.from().id();
    return store.find(pollId).compose(stored -> {
      if (stored == null) {
        return reply("没有找到投票 " + pollId + "，请检查编号。");
      }
      Poll poll = stored.poll();
      return store.vote(pollId, voter, "", choices, clock.millis(), voter).map(result -> List.of(Reply.text(
          switch (result.status()) {
            case COUNTED -> "已记录您在投票 " + pollId + " 中的选择：" + names(poll, choices) + "。截止前可以改票。";
            case CHANGED -> "已改为：" + names(poll, choices) + "（原来：" + names(poll, result.previous()) + "）。";
            case REFUSED -> refusal(poll, result.reason());
          })));
    });
  }

  private String refusal(Poll poll, String reason) {
    return switch (reason) {
      case "closed" -> "投票 " + poll.id() + " 已经截止，不能再投了。发送 /results " + poll.id() + " 查看结果。";
      case "not_open" -> "投票 " + poll.id() + " 还在讨论期，" + WHEN.format(poll.opensAt().atZone(zone)) + " 开始投票。";
      case "option" -> "没有这个选项，请回复 1 到 " + poll.options().size() + " 之间的数字。";
      case "count" -> "这个投票最多选 " + poll.multi() + " 项。";
      case "unbound" -> "这是按户表决的大事，请先用 /bind 绑定房屋（绑定码由社区发放）。";
      case "ineligible" -> "您绑定的房屋不在本次表决的业主名册中。";
      default -> "没有找到投票 " + poll.id() + "，请检查编号。";
    };
  }

  private Future<List<Reply>> close(ChatEvent event, String pollId) {
    if (!moderators.moderates(event.chat().id(), event.from().id())) {
      return reply("抱歉，只有本群的社区工作人员可以结束投票。");
    }
    return store.close(pollId, clock.millis())
        .compose(closed -> closed ? results(pollId) : reply("投票 " + pollId + " 不存在或已经结束。"));
  }

  private Future<List<Reply>> results(String pollId) {
    return store.find(pollId).compose(stored -> {
      if (stored == null) {
        return reply("没有找到投票 " + pollId + "，请检查编号。");
      }
      return store.tally(pollId, stored.poll().options().size()).map(t -> List.of(Reply.text(resultText(stored, t))));
    });
  }

  /** The results as a resident reads them: tally (unless hidden while open), outcome in words. */
  public String resultText(PollStore.Stored stored, Tally tally) {
    Poll poll = stored.poll();
    StringBuilder out = new StringBuilder(stored.open() ? "📊 投票 " : "📊 投票结果 ").append(poll.id()).append("：")
        .append(poll.question()).append('\n');
    if (stored.open() && poll.hideResults()) {
      out.append("结果将在截止后公布。目前已有 ").append(tally.ballots()).append(" 票。");
      return out.toString();
    }
    for (int i = 1; i <= poll.options().size(); i++) {
      out.append(i).append(". ").append(poll.options().get(i - 1)).append("：").append(tally.votesFor(i)).append(" 票\n");
    }
    out.append("共 ").append(tally.ballots()).append(poll.scale() == Poll.Scale.BIG ? " 户" : " 人").append("参与");
    if (!stored.open()) {
      Rule.Outcome outcome = poll.rule().decide(tally);
      out.append('\n');
      for (Rule.Condition c : outcome.conditions()) {
        out.append(c.met() ? "✅ " : "❌ ").append(c.description()).append("：").append(c.detail()).append('\n');
      }
      out.append(outcome.passed() ? "结论：通过（“" : "结论：未通过（“").append(poll.options().get(0)).append("”）");
    }
    return out.toString();
  }

  private static String names(Poll poll, List<Integer> choices) {
    List<String> names = new ArrayList<>();
    for (int c : choices) {
      names.add(c >= 1 && c <= poll.options().size() ? poll.options().get(c - 1) : String.valueOf(c));
    }
    return String.join("、", names);
  }

  private static Future<List<Reply>> reply(String text) {
    return Future.succeededFuture(List.of(Reply.text(text)));
  }
}
