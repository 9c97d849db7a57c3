package org.linli.bot.consultation.proposal;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linli.bot.consultation.Moderators;
import org.linli.bot.errors.DomainException;
import org.linli.bot.errors.Unauthorized;
import org.linli.bot.text.Text;
import org.linli.bot.text.Words;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.ChatRef;
import org.linli.webhooks.Reply;

/**
 * The chat side of proposals and follow-ups: {@code /propose 标题 说明}, {@code /support t1} (or the
 * button), and for the moderators of the proposal's (or poll's) chat {@code /agenda}, {@code
 * /accept t1 [poll flags]}, {@code /decline t1 理由} and {@code /followup p3 已联系施工方
 * [ticket numbers] [--done]}. Confirmations of a support are private; what the chat must know
 * (the agenda notice, a decline, each follow-up step) is posted to it.
 */
public record ProposalChat(ProposalDesk desk, FollowUps followUps, Moderators moderators) {

  private static final List<String> PROPOSE = Words.COMMAND_PROPOSE.list();
  private static final List<String> SUPPORT = Words.COMMAND_SUPPORT.list();
  private static final List<String> AGENDA = Words.COMMAND_AGENDA.list();
  private static final List<String> ACCEPT = Words.COMMAND_ACCEPT.list();
  private static final List<String> DECLINE = Words.COMMAND_DECLINE.list();
  private static final List<String> FOLLOWUP = Words.COMMAND_FOLLOWUP.list();
  private static final Pattern DONE = Words.FOLLOWUP_DONE_FLAG.pattern();
  private static final Pattern TICKET = Pattern.compile("(?<![\\d-])\\d{8}-\\d{4,}(?![\\d-])");

  /** True for the commands this class answers. */
  public static boolean handles(String command) {
    return PROPOSE.contains(command) || SUPPORT.contains(command) || AGENDA.contains(command)
        || ACCEPT.contains(command) || DECLINE.contains(command) || FOLLOWUP.contains(command);
  }

  /** True for the data of a support button. */
  public static boolean handlesButton(String data) {
    return data.startsWith(ProposalDesk.SUPPORT);
  }

  /** Answers one of the commands of {@link #handles}. */
  public Future<List<Reply>> command(ChatEvent event, String command, String rest) {
    Future<List<Reply>> answer;
    if (PROPOSE.contains(command)) {
      answer = propose(event, rest);
    } else if (SUPPORT.contains(command)) {
      answer = rest.isBlank() ? reply(Text.PROPOSAL_SUPPORT_USAGE.of()) : support(event, rest.strip());
    } else if (AGENDA.contains(command)) {
      answer = agenda(event);
    } else if (ACCEPT.contains(command)) {
      answer = accept(event, rest);
    } else if (DECLINE.contains(command)) {
      answer = decline(event, rest);
    } else {
      answer = followUp(event, rest);
    }
    return answer.recover(ProposalChat::refusal);
  }

  /** A pressed support button ({@code support:<id>}). */
  public Future<List<Reply>> button(ChatEvent event, String data) {
    return support(event, data.substring(ProposalDesk.SUPPORT.length())).recover(ProposalChat::refusal);
  }

  private static Future<List<Reply>> refusal(Throwable e) {
    return e instanceof DomainException ? reply(e.getMessage()) : Future.failedFuture(e);
  }

  private Future<List<Reply>> propose(ChatEvent event, String rest) {
    String[] parts = rest.strip().split("\\s+", 2);
    if (parts[0].isEmpty()) {
      return reply(Text.PROPOSAL_USAGE.of());
    }
    return desk.raise(event.chatRef(), event.identity().key(), parts[0], parts.length > 1 ? parts[1] : "", false)
        .map(p -> List.of(desk.message(p)));
  }

  private Future<List<Reply>> support(ChatEvent event, String id) {
    return desk.support(id, event.identity().key()).map(s -> {
      Proposal p = s.proposal();
      String text = switch (s.outcome()) {
        case COUNTED, REACHED -> Text.PROPOSAL_SUPPORTED.of(p.id(), p.title(), p.supports(), p.threshold());
        case AGAIN -> Text.PROPOSAL_SUPPORTED_AGAIN.of(p.id(), p.supports());
        default -> closed(p);
      };
      return List.of(Reply.privateText(text));
    });
  }

  private static String closed(Proposal p) {
    return switch (p.status()) {
      case ACCEPTED -> Text.PROPOSAL_CLOSED_ACCEPTED.of(p.id(), p.pollId());
      case DECLINED -> Text.PROPOSAL_CLOSED_DECLINED.of(p.id(), p.reason());
      default -> Text.PROPOSAL_CLOSED_EXPIRED.of(p.id(), p.title());
    };
  }

  private Future<List<Reply>> agenda(ChatEvent event) {
    if (!moderators.moderates(event.chatRef(), event.identity())) {
      return reply(Text.PROPOSAL_NOT_MODERATOR.of());
    }
    return desk.agenda(event.chatRef()).map(list -> {
      if (list.isEmpty()) {
        return List.of(Reply.text(Text.PROPOSAL_AGENDA_EMPTY.of()));
      }
      StringBuilder text = new StringBuilder(Text.PROPOSAL_AGENDA_HEADER.of());
      list.forEach(p -> text.append('\n').append(Text.PROPOSAL_AGENDA_ITEM.of(p.id(), p.title(), p.supports())));
      return List.of(Reply.text(text.toString()));
    });
  }

  /** The proposal when {@code event}'s sender moderates its chat; a refusal in words otherwise. */
  private Future<Proposal> moderated(ChatEvent event, String id) {
    return desk.find(id).compose(p -> moderators.moderates(p.chatRef(), event.identity())
        ? Future.succeededFuture(p)
        : Future.failedFuture(new Unauthorized(Text.PROPOSAL_NOT_MODERATOR.of())));
  }

  private Future<List<Reply>> accept(ChatEvent event, String rest) {
    String[] parts = rest.strip().split("\\s+", 2);
    if (parts[0].isEmpty()) {
      return reply(Text.PROPOSAL_ACCEPT_USAGE.of());
    }
    return moderated(event, parts[0]).compose(p -> {
      boolean here = p.chatRef().equals(event.chatRef());
      return desk.accept(p.id(), parts.length > 1 ? parts[1] : "", !here).map(a -> here
          ? List.of(desk.accepted(a), desk.announcement(a.poll()))
          : List.of(desk.accepted(a)));
    });
  }

  private Future<List<Reply>> decline(ChatEvent event, String rest) {
    String[] parts = rest.strip().split("\\s+", 2);
    if (parts.length < 2) {
      return reply(Text.PROPOSAL_DECLINE_USAGE.of());
    }
    return moderated(event, parts[0]).compose(p -> {
      boolean here = p.chatRef().equals(event.chatRef());
      return desk.decline(p.id(), parts[1], !here).map(d -> List.of(here
          ? desk.declined(d)
          : Reply.text(Text.PROPOSAL_DECLINE_DONE.of(d.id()))));
    });
  }

  private Future<List<Reply>> followUp(ChatEvent event, String rest) {
    String[] parts = rest.strip().split("\\s+", 2);
    if (parts.length < 2) {
      return reply(Text.FOLLOWUP_USAGE.of());
    }
    String pollId = parts[0];
    Matcher done = DONE.matcher(parts[1]);
    boolean isDone = done.find();
    String text = DONE.matcher(parts[1]).replaceAll(" ");
    List<String> tickets = new ArrayList<>();
    Matcher t = TICKET.matcher(text);
    while (t.find()) {
      tickets.add(t.group());
    }
    String what = TICKET.matcher(text).replaceAll(" ").replaceAll("\\s+", " ").strip();
    return followUps.decided(pollId).compose(poll -> {
      if (!moderators.moderates(new ChatRef(poll.channel(), poll.chat()), event.identity())) {
        return reply(Text.FOLLOWUP_NOT_MODERATOR.of());
      }
      return followUps.record(pollId, what, tickets, isDone)
          .map(r -> List.of(Reply.privateText(Text.FOLLOWUP_RECORDED.of(pollId, r.number()))));
    });
  }

  private static Future<List<Reply>> reply(String text) {
    return Future.succeededFuture(List.of(Reply.text(text)));
  }
}
