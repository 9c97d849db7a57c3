package org.linli.bot.consultation;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linli.bot.PersonalData;
import org.linli.bot.outbox.Poster;
import org.linli.webhooks.Capabilities;
import org.linli.webhooks.Capability;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Identity;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;

/**
 * Consultations in the chat: moderators open, extend and close polls with one line; residents vote
 * with a button, {@code /vote <id> <n> [reason]}, or by replying to the poll with the option
 * number; everyone can ask for the results. Every change goes through {@link PollStore}, so nothing
 * is confirmed before Redis has it. Vote confirmations and receipts are private replies.
 */
public final class ConsultationService {

  /** Button data prefix of a vote: {@code vote:<pollId>:<n>}. */
  public static final String VOTE = PollMessages.VOTE;

  private static final Pattern QUOTED_POLL = Pattern.compile("(?:议事投票|大事表决|投票)\\s*(p[0-9a-z]+)");
  private static final Pattern NUMBER_REPLY = Pattern.compile("^\\s*(?:选|投|我选|选择)?\\s*(\\d{1,2}(?:\\s*[,，、]\\s*\\d{1,2})*)\\s*(?:号|项)?\\s*[。.!！]?\\s*$");
  private static final int MAX_REASON = 200;

  private final PollStore store;
  private final PollSchedule schedule;
  private final PollKeeper keeper;
  private final HouseholdDirectory households;
  private final Poster poster;
  private final Moderators moderators;
  private final PollCommand parser;
  private final PollMessages messages;
  private final Clock clock;
  private final PollDefinitions definitions;
  private final Capabilities capabilities;

  public ConsultationService(
      PollStore store, PollSchedule schedule, PollKeeper keeper, HouseholdDirectory households, Poster poster,
      Moderators moderators, PollMessages messages, java.time.ZoneId zone, Clock clock, Capabilities capabilities) {
    this.store = store;
    this.schedule = schedule;
    this.keeper = keeper;
    this.households = households;
    this.poster = poster;
    this.moderators = moderators;
    this.parser = new PollCommand(zone);
    this.messages = messages;
    this.clock = clock;
    this.definitions = new PollDefinitions(store);
    this.capabilities = capabilities;
  }

  /** True for the commands this service answers. */
  public static boolean handles(String command) {
    return switch (command) {
      case "/poll", "/发起投票", "/vote", "/投票", "/close", "/结束投票", "/results", "/结果", "/extend", "/延期" -> true;
      default -> false;
    };
  }

  /** Answers one of the commands of {@link #handles}. */
  public Future<List<Reply>> command(ChatEvent event, String command, String rest) {
    return switch (command) {
      case "/poll", "/发起投票" -> open(event, rest);
      case "/vote", "/投票" -> voteCommand(event, rest);
      case "/close", "/结束投票" -> close(event, rest.strip());
      case "/extend", "/延期" -> extend(event, rest.strip());
      default -> results(rest.strip());
    };
  }

  /**
   * A pressed vote button ({@code vote:<id>:<n>}). On platforms that edit sent messages, the poll
   * message is shown again with its live tally (or only participation, for hidden results).
   */
  public Future<List<Reply>> button(ChatEvent event, String data) {
    String[] parts = data.substring(VOTE.length()).split(":");
    if (parts.length != 2 || !parts[1].matches("[\\d,]+")) {
      return reply("这个投票按钮已经失效了，请重新打开投票。");
    }
    Future<List<Reply>> confirmation = vote(event, parts[0], parts[1], "");
    // Where the platform edits a sent message, the poll shows its live tally there.
    if (!capabilities.has(event.platform(), Capability.EDITS_MESSAGES)) {
      return confirmation;
    }
    return confirmation.compose(replies -> liveTally(parts[0]).map(update -> {
      List<Reply> out = new ArrayList<>(replies);
      update.ifPresent(out::add);
      return out;
    }));
  }

  /** The poll message with its live tally, to replace the pressed one; empty once the poll is closed. */
  private Future<Optional<Reply>> liveTally(String pollId) {
    return store.find(pollId).compose(stored -> {
      if (stored == null || !stored.open()) {
        return Future.succeededFuture(Optional.empty());
      }
      Poll poll = stored.poll();
      return store.tally(pollId, poll.options().size()).map(t -> {
        Reply announcement = messages.announcement(poll, true);
        StringBuilder text = new StringBuilder(announcement.text()).append("\n\n");
        if (poll.hideResults()) {
          text.append("已有 ").append(t.ballots()).append(poll.byHousehold() ? " 户" : " 人").append("参与（结果截止后公布）");
        } else {
          text.append("当前：");
          for (int i = 1; i <= poll.options().size(); i++) {
            text.append(i > 1 ? " · " : "").append(poll.options().get(i - 1)).append(" ").append(t.votesFor(i));
          }
          text.append("（共 ").append(t.ballots()).append(poll.byHousehold() ? " 户" : " 人").append("）");
        }
        return Optional.of(Reply.replacingPressed(text.toString(), announcement.buttons()));
      });
    });
  }

  /**
   * A reply to a poll message with just an option number ("2", "选2", "1、3"): the vote, or empty
   * when the message is not such a reply.
   */
  public Optional<Future<List<Reply>>> quotedVote(ChatEvent event) {
    Matcher poll = QUOTED_POLL.matcher(event.quoted());
    Matcher number = NUMBER_REPLY.matcher(event.text());
    if (event.quoted().isEmpty() || !poll.find() || !number.matches()) {
      return Optional.empty();
    }
    return Optional.of(vote(event, poll.group(1), number.group(1).replaceAll("[\\s，、]", ",").replaceAll(",+", ","), ""));
  }

  private Future<List<Reply>> open(ChatEvent event, String rest) {
    if (!moderators.moderates(event.chatRef(), event.identity())) {
      return reply("抱歉，只有本群的社区工作人员可以发起投票。如果您有议题，可以联系网格员或在群里提出，我们会安排议事。");
    }
    PollCommand.Request request;
    try {
      request = parser.parse(rest, clock.instant());
    } catch (PollCommand.Invalid e) {
      return reply(e.getMessage());
    }
    return store.nextId()
        .compose(id -> {
          Instant remindAt = request.remindBefore() == null ? null : request.closesAt().minus(request.remindBefore());
          Poll poll = new Poll(id, event.platform(), event.chat().id(), request.question(), request.options(),
              request.scale(), request.rule(), request.opensAt(), request.closesAt(), remindAt, request.multi(),
              request.anonymous(), request.hidden());
          return keeper.open(poll, false);
        })
        .map(poll -> List.of(messages.announcement(poll, !poll.opensAt().isAfter(clock.instant()))))
        .recover(e -> e instanceof PollKeeper.Refused ? reply(e.getMessage()) : Future.failedFuture(e));
  }

  private Future<List<Reply>> voteCommand(ChatEvent event, String rest) {
    Matcher m = Pattern.compile("^(\\S+)\\s+(\\d{1,2}(?:\\s*[,，、]\\s*\\d{1,2})*)(?:\\s+(.*))?$", Pattern.DOTALL)
        .matcher(rest.strip());
    if (!m.matches()) {
      return reply("投票的写法：/vote 投票编号 序号 [理由]，例如 /vote p3 2 或 /vote p3 1 楼道太暗，支持加装路灯");
    }
    String reason = m.group(3) == null ? "" : m.group(3).strip().replaceFirst("^(理由|原因)[:：]?\\s*", "");
    if (reason.length() > MAX_REASON) {
      return reply("理由请写在" + MAX_REASON + "字以内。");
    }
    return vote(event, m.group(1), m.group(2).replaceAll("[\\s，、]", ",").replaceAll(",+", ","), PersonalData.mask(reason));
  }

  private Future<List<Reply>> vote(ChatEvent event, String pollId, String choiceText, String reason) {
    List<Integer> choices = new ArrayList<>();
    for (String c : choiceText.split(",")) {
      if (!c.matches("\\d{1,2}")) {
        return reply("请用数字表示选项，例如 /vote " + pollId + " 2");
      }
      choices.add(Integer.parseInt(c));
    }
    String identity = event.identity().key();
    return definitions.find(pollId).compose(stored -> {
      if (stored == null) {
        return reply("没有找到投票 " + pollId + "，请检查编号。");
      }
      Poll poll = stored.poll();
      Future<Optional<String>> household = poll.byHousehold()
          ? households.householdOf(identity).map(Optional::ofNullable)
          : Future.succeededFuture(Optional.empty());
      return household.compose(h -> {
        Ballot ballot = Ballot.cast(pollId, stored.ballotKey(identity, h.orElse("")), choices, clock.millis())
            .fromHousehold(h)
            .because(reason);
        return store.vote(poll.anonymous() ? ballot : ballot.castBy(identity))
            .compose(result -> confirm(poll, identity, choices, result));
      });
    });
  }

  private Future<List<Reply>> confirm(Poll poll, String identity, List<Integer> choices, PollStore.VoteResult result) {
    String chosen = PollMessages.names(poll, choices);
    String receipt = poll.anonymous()
        ? "\n不记名投票，回执码：" + result.receipt() + "（请自行保存，勿告诉他人）。结果公布时会列出全部回执码及其选项，可核对您的选票已计入。"
        : "";
    switch (result.status()) {
      case COUNTED:
        return reply(true, "已记录您在投票 " + poll.id() + " 中的选择：" + chosen + "。截止前可以改票。" + receipt);
      case CHANGED:
        String earlier = PollMessages.names(poll, result.previous());
        boolean otherMember = poll.byHousehold() && !result.previousCaster().isEmpty()
            && !result.previousCaster().equals(identity);
        if (!otherMember) {
          String whose = poll.byHousehold() ? "您家的选票" : "您的选票";
          return reply(true, "已改为：" + chosen + "（原来：" + earlier + "）。" + whose + "以最后一次为准。" + receipt);
        }
        // One ballot per household: tell the member whose ballot was replaced, privately.
        String note = "您家在投票 " + poll.id() + "「" + poll.question() + "」中的选票已由另一位家庭成员改为：" + chosen
            + "（原来：" + earlier + "）。一户一票，以最后一次为准；如有不同意见，请家人商量后再投。";
        return poster.post("household:" + poll.id() + ":" + UUID.randomUUID(), privateMessage(result.previousCaster(), note))
            .map(v -> List.of(Reply.privateText("已改为：" + chosen + "。一户一票：这替换了您家另一位成员之前投的“" + earlier
                + "”，我们已私信告知对方。")));
      default:
        return reply(true, refusal(poll, result.reason()));
    }
  }

  private static Outgoing privateMessage(String identity, String text) {
    Identity person = Identity.parse(identity)
        .orElseThrow(() -> new IllegalArgumentException("Not a platform:user identity: " + identity));
    return new Outgoing(person.platform(), new ChatEvent.Chat(person.user(), ChatEvent.ChatType.PRIVATE),
        Reply.privateText(text));
  }

  private String refusal(Poll poll, String reason) {
    return switch (reason) {
      case "closed" -> "投票 " + poll.id() + " 已经截止，不能再投了。发送 /results " + poll.id() + " 查看结果。";
      case "not_open" -> "投票 " + poll.id() + " 还在讨论期，" + messages.when(poll.opensAt()) + " 开始投票。";
      case "option" -> "没有这个选项，请回复 1 到 " + poll.options().size() + " 之间的数字。";
      case "count" -> "这个投票最多选 " + poll.multi() + " 项。";
      case "unbound" -> "这是按户表决的大事，请先用 /bind 绑定码 绑定您的房屋（绑定码向社区居委会领取）。";
      case "ineligible" -> "您绑定的房屋不在本次表决的业主名册中；如有疑问请联系社区居委会。";
      default -> "没有找到投票 " + poll.id() + "，请检查编号。";
    };
  }

  private Future<List<Reply>> close(ChatEvent event, String pollId) {
    if (!moderators.moderates(event.chatRef(), event.identity())) {
      return reply("抱歉，只有本群的社区工作人员可以结束投票。");
    }
    if (pollId.isEmpty()) {
      return reply("请写上投票编号，例如 /close p3");
    }
    definitions.forget(pollId);
    return keeper.close(pollId, "chat", false).compose(closed -> closed
        ? keeper.resultReply(pollId).map(List::of)
        : reply("投票 " + pollId + " 不存在或已经结束。"));
  }

  private Future<List<Reply>> extend(ChatEvent event, String rest) {
    if (!moderators.moderates(event.chatRef(), event.identity())) {
      return reply("抱歉，只有本群的社区工作人员可以延长投票。");
    }
    String[] parts = rest.split("\\s+", 2);
    if (parts.length != 2) {
      return reply("延期的写法：/extend 投票编号 时长或截止时间，例如 /extend p3 1d 或 /extend p3 2026-12-05T20:00");
    }
    return store.find(parts[0]).compose(stored -> {
      if (stored == null || !stored.open()) {
        return reply("投票 " + parts[0] + " 不存在或已经结束。");
      }
      Poll poll = stored.poll();
      Instant closesAt;
      try {
        closesAt = parser.deadline(parts[1], poll.closesAt());
      } catch (PollCommand.Invalid e) {
        return reply(e.getMessage());
      }
      if (!closesAt.isAfter(poll.closesAt())) {
        return reply("新的截止时间要晚于现在的截止时间（" + messages.when(poll.closesAt()) + "）。");
      }
      Instant remindAt = poll.remindAt() == null ? null
          : closesAt.minus(java.time.Duration.between(poll.remindAt(), poll.closesAt()));
      return store.extend(poll.id(), closesAt)
          .compose(ok -> ok ? schedule.reschedule(poll.id(), closesAt, remindAt).map(true) : Future.succeededFuture(false))
          .map(ok -> List.of(Reply.text(ok
              ? "投票 " + poll.id() + "「" + poll.question() + "」延期至 " + messages.when(closesAt) + " 截止。"
              : "投票 " + poll.id() + " 已经结束，不能延期。")));
    });
  }

  private Future<List<Reply>> results(String pollId) {
    if (pollId.isEmpty()) {
      return reply("请写上投票编号，例如 /results p3");
    }
    return keeper.resultReply(pollId)
        .map(r -> List.of(r == null ? Reply.text("没有找到投票 " + pollId + "，请检查编号。") : r));
  }

  private static Future<List<Reply>> reply(String text) {
    return Future.succeededFuture(List.of(Reply.text(text)));
  }

  private static Future<List<Reply>> reply(boolean privately, String text) {
    return Future.succeededFuture(List.of(privately ? Reply.privateText(text) : Reply.text(text)));
  }
}
