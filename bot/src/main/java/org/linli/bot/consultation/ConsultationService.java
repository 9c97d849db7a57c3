package org.linli.bot.consultation;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linli.bot.PersonalData;
import org.linli.bot.outbox.Poster;
import org.linli.bot.text.Text;
import org.linli.bot.text.Words;
import org.linli.webhooks.Capabilities;
import org.linli.webhooks.Capability;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.ChatRef;
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

  private static final Pattern QUOTED_POLL = Words.POLL_QUOTED.pattern();
  private static final Pattern NUMBER_REPLY = Words.POLL_NUMBER_REPLY.pattern();
  private static final Pattern VOTE_COMMAND = Pattern.compile(Words.POLL_VOTE_COMMAND.text(), Pattern.DOTALL);
  private static final Pattern CHOICE_SEPARATORS = Words.POLL_CHOICE_SEPARATORS.pattern();
  private static final Pattern REASON_LABEL = Words.POLL_REASON_LABEL.pattern();
  private static final List<String> POLL = Words.COMMAND_POLL.list();
  private static final List<String> VOTE_ALIASES = Words.COMMAND_VOTE.list();
  private static final List<String> CLOSE = Words.COMMAND_CLOSE.list();
  private static final List<String> RESULTS = Words.COMMAND_RESULTS.list();
  private static final List<String> EXTEND = Words.COMMAND_EXTEND.list();
  private static final int MAX_REASON = 200;

  private final PollStore store;
  private final PollSchedule schedule;
  private final PollKeeper keeper;
  private final HouseholdDirectories households;
  private final Function<ChatRef, String> communityOf;
  private final Poster poster;
  private final Moderators moderators;
  private final PollCommand parser;
  private final PollMessages messages;
  private final Clock clock;
  private final PollDefinitions definitions;
  private final Capabilities capabilities;

  public ConsultationService(
      PollStore store, PollSchedule schedule, PollKeeper keeper, HouseholdDirectories households,
      Function<ChatRef, String> communityOf, Poster poster, Moderators moderators, PollMessages messages, ZoneId zone,
      Clock clock, Capabilities capabilities) {
    this.communityOf = communityOf;
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
    return POLL.contains(command) || VOTE_ALIASES.contains(command) || CLOSE.contains(command)
        || RESULTS.contains(command) || EXTEND.contains(command);
  }

  /** Answers one of the commands of {@link #handles}. */
  public Future<List<Reply>> command(ChatEvent event, String command, String rest) {
    if (POLL.contains(command)) {
      return open(event, rest);
    }
    if (VOTE_ALIASES.contains(command)) {
      return voteCommand(event, rest);
    }
    if (CLOSE.contains(command)) {
      return close(event, rest.strip());
    }
    return EXTEND.contains(command) ? extend(event, rest.strip()) : results(rest.strip());
  }

  /**
   * A pressed vote button ({@code vote:<id>:<n>}). On platforms that edit sent messages, the poll
   * message is shown again with its live tally (or only participation, for hidden results).
   */
  public Future<List<Reply>> button(ChatEvent event, String data) {
    String[] parts = data.substring(VOTE.length()).split(":");
    if (parts.length != 2 || !parts[1].matches("[\\d,]+")) {
      return reply(Text.POLL_BUTTON_EXPIRED.of());
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
          text.append(Text.POLL_LIVE_HIDDEN.of(t.ballots(), unit(poll)));
        } else {
          text.append(Text.POLL_LIVE_NOW.of());
          for (int i = 1; i <= poll.options().size(); i++) {
            text.append(i > 1 ? " · " : "").append(poll.options().get(i - 1)).append(" ").append(t.votesFor(i));
          }
          text.append(Text.POLL_LIVE_TOTAL.of(t.ballots(), unit(poll)));
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
    return Optional.of(vote(event, poll.group(1), choices(number.group(1)), ""));
  }

  /** Option numbers as written (1、3 or 1，3) as {@code 1,3}. */
  private static String choices(String written) {
    return CHOICE_SEPARATORS.matcher(written).replaceAll(",").replaceAll(",+", ",");
  }

  /** What ballots are counted in: 户 (households) or 人 (residents). */
  private static String unit(Poll poll) {
    return poll.byHousehold() ? Text.POLL_UNIT_HOUSEHOLDS.of() : Text.POLL_UNIT_PEOPLE.of();
  }

  private Future<List<Reply>> open(ChatEvent event, String rest) {
    if (!moderators.moderates(event.chatRef(), event.identity())) {
      return reply(Text.POLL_OPEN_NOT_MODERATOR.of());
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
              request.anonymous(), request.hidden(), request.kind(), request.minBallots(),
              communityOf.apply(event.chatRef()));
          return keeper.open(poll, false);
        })
        .map(poll -> List.of(messages.announcement(poll, !poll.opensAt().isAfter(clock.instant()))))
        .recover(e -> e instanceof PollKeeper.Refused ? reply(e.getMessage()) : Future.failedFuture(e));
  }

  private Future<List<Reply>> voteCommand(ChatEvent event, String rest) {
    Matcher m = VOTE_COMMAND.matcher(rest.strip());
    if (!m.matches()) {
      return reply(Text.POLL_VOTE_USAGE.of());
    }
    String reason = m.group(3) == null ? "" : REASON_LABEL.matcher(m.group(3).strip()).replaceFirst("");
    if (reason.length() > MAX_REASON) {
      return reply(Text.POLL_REASON_TOO_LONG.of(MAX_REASON));
    }
    return vote(event, m.group(1), choices(m.group(2)), PersonalData.mask(reason));
  }

  private Future<List<Reply>> vote(ChatEvent event, String pollId, String choiceText, String reason) {
    List<Integer> choices = new ArrayList<>();
    for (String c : choiceText.split(",")) {
      if (!c.matches("\\d{1,2}")) {
        return reply(Text.POLL_CHOICE_NOT_NUMBER.of(pollId));
      }
      choices.add(Integer.parseInt(c));
    }
    String identity = event.identity().key();
    return definitions.find(pollId).compose(stored -> {
      if (stored == null) {
        return reply(Text.POLL_NOT_FOUND.of(pollId));
      }
      Poll poll = stored.poll();
      Future<Optional<String>> household = poll.byHousehold()
          ? households.of(poll.community()).householdOf(identity).map(Optional::ofNullable)
          : Future.succeededFuture(Optional.empty());
      return household.compose(h -> {
        Ballot ballot = Ballot.cast(pollId, stored.ballotKey(identity, h.orElse("")), choices, clock.millis())
            .fromHousehold(h)
            .because(reason)
            .ofVoter(stored.voterTag(identity));
        return store.vote(poll.anonymous() ? ballot : ballot.castBy(identity))
            .compose(result -> confirm(poll, identity, choices, result));
      });
    });
  }

  private Future<List<Reply>> confirm(Poll poll, String identity, List<Integer> choices, PollStore.VoteResult result) {
    String chosen = PollMessages.names(poll, choices);
    String receipt = poll.anonymous()
        ? "\n" + Text.POLL_RECEIPT.of(result.receipt())
        : "";
    // What a secret ballot's voter is told (the choice, the receipt) is sealed wherever it waits.
    boolean sealed = poll.anonymous();
    switch (result.status()) {
      case COUNTED :
        return privately(sealed, Text.POLL_VOTE_COUNTED.of(poll.id(), chosen) + receipt);
      case CHANGED :
        String earlier = PollMessages.names(poll, result.previous());
        boolean otherMember = poll.byHousehold() && !result.previousCaster().isEmpty()
            && !result.previousCaster().equals(identity);
        if (!otherMember) {
          Text changed = poll.byHousehold() ? Text.POLL_VOTE_CHANGED_HOUSEHOLD : Text.POLL_VOTE_CHANGED;
          return privately(sealed, changed.of(chosen, earlier) + receipt);
        }
        // One ballot per household: tell the member whose ballot was replaced, privately.
        String note = Text.POLL_VOTE_REPLACED_NOTE.of(poll.id(), poll.question(), chosen, earlier);
        return poster
            .post("household:" + poll.id() + ":" + UUID.randomUUID(), privateMessage(result.previousCaster(), note))
            .map(v -> List
                .of(Reply.builder(Text.POLL_VOTE_REPLACED.of(chosen, earlier)).privately().sealed(sealed).build()));
      default :
        return privately(sealed, refusal(poll, result.reason()));
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
      case "closed" -> Text.POLL_REFUSED_CLOSED.of(poll.id());
      case "not_open" -> Text.POLL_REFUSED_NOT_OPEN.of(poll.id(), messages.when(poll.opensAt()));
      case "option" -> Text.POLL_REFUSED_OPTION.of(poll.options().size());
      case "count" -> Text.POLL_REFUSED_COUNT.of(poll.multi());
      case "unbound" -> Text.POLL_REFUSED_UNBOUND.of();
      case "ineligible" -> Text.POLL_REFUSED_INELIGIBLE.of();
      default -> Text.POLL_NOT_FOUND.of(poll.id());
    };
  }

  private Future<List<Reply>> close(ChatEvent event, String pollId) {
    if (pollId.isEmpty()) {
      return reply(moderators.moderates(event.chatRef(), event.identity())
          ? Text.POLL_CLOSE_USAGE.of()
          : Text.POLL_CLOSE_NOT_MODERATOR.of());
    }
    return store.find(pollId).compose(stored -> {
      // Rights follow the poll: only a moderator of the poll's own chat may close it.
      Text refusal = refusal(event, stored, Text.POLL_CLOSE_NOT_MODERATOR);
      if (refusal != null) {
        return reply(refusal.of(pollId));
      }
      if (stored == null) {
        return reply(Text.POLL_NOT_OPEN.of(pollId));
      }
      boolean here = inPollChat(event, stored.poll());
      definitions.forget(pollId);
      // Closed from another chat, the result still goes to the poll's chat (through the outbox).
      return keeper.close(pollId, "chat", !here).compose(closed -> {
        if (!closed) {
          return reply(Text.POLL_NOT_OPEN.of(pollId));
        }
        return here
            ? keeper.resultReply(pollId).map(List::of)
            : reply(Text.POLL_CLOSED_ELSEWHERE.of(pollId, stored.poll().question()));
      });
    });
  }

  /**
   * Null when the sender may run {@code /close} or {@code /extend} on this poll (it moderates the
   * poll's platform and chat), else the refusal. For an unknown poll, the sender must moderate the
   * chat it writes in to learn that there is none.
   */
  private Text refusal(ChatEvent event, PollStore.Stored stored, Text notModerator) {
    if (stored == null) {
      return moderators.moderates(event.chatRef(), event.identity()) ? null : notModerator;
    }
    Poll poll = stored.poll();
    if (moderators.moderates(new ChatRef(poll.channel(), poll.chat()), event.identity())) {
      return null;
    }
    return inPollChat(event, poll) ? notModerator : Text.POLL_OTHER_CHAT;
  }

  private static boolean inPollChat(ChatEvent event, Poll poll) {
    return event.chatRef().equals(new ChatRef(poll.channel(), poll.chat()));
  }

  private Future<List<Reply>> extend(ChatEvent event, String rest) {
    String[] parts = rest.split("\\s+", 2);
    if (parts.length != 2) {
      return reply(moderators.moderates(event.chatRef(), event.identity())
          ? Text.POLL_EXTEND_USAGE.of()
          : Text.POLL_EXTEND_NOT_MODERATOR.of());
    }
    return store.find(parts[0]).compose(stored -> {
      Text refusal = refusal(event, stored, Text.POLL_EXTEND_NOT_MODERATOR);
      if (refusal != null) {
        return reply(refusal.of(parts[0]));
      }
      if (stored == null || !stored.open()) {
        return reply(Text.POLL_NOT_OPEN.of(parts[0]));
      }
      Poll poll = stored.poll();
      Instant closesAt;
      try {
        closesAt = parser.deadline(parts[1], poll.closesAt());
      } catch (PollCommand.Invalid e) {
        return reply(e.getMessage());
      }
      if (!closesAt.isAfter(poll.closesAt())) {
        return reply(Text.POLL_EXTEND_EARLIER.of(messages.when(poll.closesAt())));
      }
      Instant remindAt = poll.remindAt() == null
          ? null
          : closesAt.minus(Duration.between(poll.remindAt(), poll.closesAt()));
      return store.extend(poll.id(), closesAt)
          .compose(
              ok -> ok ? schedule.reschedule(poll.id(), closesAt, remindAt).map(true) : Future.succeededFuture(false))
          .compose(ok -> {
            if (!ok) {
              return reply(Text.POLL_EXTEND_CLOSED.of(poll.id()));
            }
            String notice = Text.POLL_EXTENDED.of(poll.id(), poll.question(), messages.when(closesAt));
            if (inPollChat(event, poll)) {
              return reply(notice);
            }
            // Extended from another chat: the poll's own chat is told too.
            Outgoing toPollChat = new Outgoing(poll.channel(),
                new ChatEvent.Chat(poll.chat(), ChatEvent.ChatType.GROUP), Reply.text(notice));
            return poster.post("extend:" + poll.id() + ":" + closesAt.toEpochMilli(), toPollChat)
                .map(v -> List.of(Reply.text(notice)));
          });
    });
  }

  private Future<List<Reply>> results(String pollId) {
    if (pollId.isEmpty()) {
      return reply(Text.POLL_RESULTS_USAGE.of());
    }
    return keeper.resultReply(pollId)
        .map(r -> List.of(r == null ? Reply.text(Text.POLL_NOT_FOUND.of(pollId)) : r));
  }

  private static Future<List<Reply>> reply(String text) {
    return Future.succeededFuture(List.of(Reply.text(text)));
  }

  /** A private reply, {@link Reply#sealed() sealed} when it answers the voter of a secret ballot. */
  private static Future<List<Reply>> privately(boolean sealed, String text) {
    return Future.succeededFuture(List.of(Reply.builder(text).privately().sealed(sealed).build()));
  }

  private static Future<List<Reply>> reply(boolean privately, String text) {
    return Future.succeededFuture(List.of(privately ? Reply.privateText(text) : Reply.text(text)));
  }
}
