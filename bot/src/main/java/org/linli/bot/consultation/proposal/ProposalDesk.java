package org.linli.bot.consultation.proposal;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.linli.bot.PersonalData;
import org.linli.bot.consultation.Poll;
import org.linli.bot.consultation.PollCommand;
import org.linli.bot.consultation.PollKeeper;
import org.linli.bot.consultation.PollMessages;
import org.linli.bot.consultation.PollStore;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.errors.Conflict;
import org.linli.bot.errors.NotFound;
import org.linli.bot.outbox.Poster;
import org.linli.bot.text.Text;
import org.linli.config.Settings;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.ChatRef;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;

/**
 * The way from a resident's matter to a poll (议题征集、附议、立项): a resident raises a proposal,
 * others support it (once each, the proposer's own counted), the support that reaches the
 * community's threshold within its days puts it on the moderators' agenda with a notice to its
 * chat; moderators accept it — it becomes a poll with a discussion period, linked both ways — or
 * decline it with a reason that is published. Used by the chat and the API alike; refusals are
 * domain errors whose messages are for people.
 */
public final class ProposalDesk {

  /** Button data prefix of a support: {@code support:<proposalId>}. */
  public static final String SUPPORT = "support:";

  static final int MAX_TITLE = 60;
  static final int MAX_DESCRIPTION = 500;
  static final int MAX_REASON = 300;
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private final ProposalStore store;
  private final ProposalDeadlines deadlines;
  private final FollowUpStore followUps;
  private final PollStore polls;
  private final PollKeeper keeper;
  private final PollMessages pollMessages;
  private final Poster poster;
  private final Settings.Proposals settings;
  private final PollOfProposal pollOf;
  private final Clock clock;
  private final Function<ChatRef, String> communityOf;

  /** {@code communityOf}: the id of a chat's community (a proposal is its chat's community's). */
  public ProposalDesk(
      ProposalStore store, ProposalDeadlines deadlines, FollowUpStore followUps, PollStore polls, PollKeeper keeper,
      PollMessages pollMessages,
      Poster poster, Settings.Proposals settings, ZoneId zone, Clock clock, Function<ChatRef, String> communityOf) {
    this.communityOf = communityOf;
    this.store = store;
    this.deadlines = deadlines;
    this.followUps = followUps;
    this.polls = polls;
    this.keeper = keeper;
    this.pollMessages = pollMessages;
    this.poster = poster;
    this.settings = settings;
    this.pollOf = new PollOfProposal(zone, settings);
    this.clock = clock;
  }

  /** The proposals' settings (threshold and periods). */
  public Settings.Proposals settings() {
    return settings;
  }

  /** What a support did, with the proposal as it is after it. */
  public record Supported(ProposalStore.Support.Outcome outcome, Proposal proposal) {
  }

  /** An accepted proposal and the poll it became. */
  public record Accepted(Proposal proposal, Poll poll) {
  }

  /**
   * Raises a proposal in chat {@code where}; {@code proposer} (an identity key, empty for none) is
   * its first supporter. Title and description are published, so personal data in them is masked.
   * With {@code announce}, the proposal message goes to the chat through the outbox (the API);
   * otherwise the caller replies with {@link #message}.
   */
  public Future<Proposal> raise(ChatRef where, String proposer, String title, String description, boolean announce) {
    String t = title == null ? "" : title.strip();
    String d = description == null ? "" : description.strip();
    if (t.isEmpty()) {
      return Future.failedFuture(new BadRequest(Text.PROPOSAL_USAGE.of()));
    }
    if (t.length() > MAX_TITLE || d.length() > MAX_DESCRIPTION) {
      return Future.failedFuture(new BadRequest(Text.PROPOSAL_TOO_LONG.of(MAX_TITLE, MAX_DESCRIPTION)));
    }
    if (CONTROL.matcher(t).find() || CONTROL.matcher(d.replace('\n', ' ')).find()) {
      return Future.failedFuture(new BadRequest(Text.PROPOSAL_CONTROL_CHARACTERS.of()));
    }
    Instant now = clock.instant();
    return store.nextId()
        .compose(id -> store.create(new Proposal(id, where.platform(), where.chat(), PersonalData.maskForGroup(t),
            PersonalData.maskForGroup(d), now, now.plus(Duration.ofDays(settings.withinDays())),
            settings.supportsNeeded(), 0, Proposal.Status.OPEN, "", "", communityOf.apply(where)), proposer))
        .compose(p -> p.status() == Proposal.Status.OPEN ? deadlines.plan(p).map(p) : Future.succeededFuture(p))
        .compose(p -> (announce ? post("proposal:" + p.id(), p, message(p)) : Future.<Void>succeededFuture())
            .compose(v -> p.status() == Proposal.Status.AGENDA ? notifyAgenda(p) : Future.succeededFuture())
            .map(p));
  }

  /** The message that presents a proposal to its chat, with its support button. */
  public Reply message(Proposal p) {
    StringBuilder text = new StringBuilder(Text.PROPOSAL_RAISED.of(p.id(), p.title()));
    if (!p.description().isEmpty()) {
      text.append('\n').append(p.description());
    }
    text.append('\n').append(Text.PROPOSAL_RAISED_HOW.of(p.id(), p.supports(), settings.withinDays(),
        p.threshold()));
    return Reply.text(text.toString())
        .withButtons(List.of(new Reply.Button(Text.PROPOSAL_BUTTON_SUPPORT.of(), SUPPORT + p.id())));
  }

  /** Counts {@code supporter}'s support once; the support that reaches the threshold tells the chat. */
  public Future<Supported> support(String id, String supporter) {
    return store.support(id, supporter, clock.instant()).compose(s -> {
      if (s.outcome() == ProposalStore.Support.Outcome.UNKNOWN) {
        return Future.failedFuture(new NotFound(Text.PROPOSAL_NOT_FOUND.of(id)));
      }
      return store.find(id, clock.instant()).compose(p -> (s.outcome() == ProposalStore.Support.Outcome.REACHED
          ? notifyAgenda(p)
          : Future.<Void>succeededFuture()).map(v -> new Supported(s.outcome(), p)));
    });
  }

  private Future<Void> notifyAgenda(Proposal p) {
    return post("agenda:" + p.id(), p,
        Reply.text(Text.PROPOSAL_REACHED.of(p.id(), p.title(), p.supports(), p.threshold())));
  }

  /** The proposal, or a {@link NotFound}. */
  public Future<Proposal> find(String id) {
    return store.find(id, clock.instant()).compose(p -> p == null
        ? Future.failedFuture(new NotFound(Text.PROPOSAL_NOT_FOUND.of(id)))
        : Future.succeededFuture(p));
  }

  /** The latest {@code limit} proposals, newest first (those past their deadline closed as expired). */
  public Future<List<Proposal>> latest(int limit) {
    return store.latestIds(limit)
        .compose(ids -> Future.all(ids.stream().map(id -> store.find(id, clock.instant())).toList()))
        .map(all -> {
          List<Proposal> out = new ArrayList<>();
          for (int i = 0; i < all.size(); i++) {
            Proposal p = all.resultAt(i);
            if (p != null) {
              out.add(p);
            }
          }
          return out;
        });
  }

  /** The latest {@code limit} proposals of the community {@code community}, newest first. */
  public Future<List<Proposal>> latest(int limit, String community) {
    return latest(limit).map(all -> all.stream().filter(p -> p.community().equals(community)).toList());
  }

  /** The proposal of the community {@code community}, or a {@link NotFound} (also for another community's). */
  public Future<Proposal> find(String id, String community) {
    return find(id).compose(p -> p.community().equals(community)
        ? Future.succeededFuture(p)
        : Future.failedFuture(new NotFound(Text.PROPOSAL_NOT_FOUND.of(id))));
  }

  /** The proposals of chat {@code where} that wait on the agenda, oldest first. */
  public Future<List<Proposal>> agenda(ChatRef where) {
    return latest(1000).map(all -> {
      List<Proposal> out = new ArrayList<>(all.stream()
          .filter(p -> p.status() == Proposal.Status.AGENDA && p.chatRef().equals(where))
          .toList());
      Collections.reverse(out);
      return out;
    });
  }

  /**
   * Accepts a proposal on the agenda: it becomes a poll (同意 / 反对 / 弃权) of its chat with the
   * {@code /poll} flags given ({@code --discuss}, {@code --closes}, {@code --big} …; the periods of
   * the settings where absent), the proposal and the poll linked both ways. With {@code announce},
   * the poll's announcement goes to its chat through the outbox; otherwise the caller shows it.
   */
  public Future<Accepted> accept(String id, String written, boolean announce) {
    return find(id).compose(p -> {
      if (p.status() != Proposal.Status.AGENDA) {
        return Future.failedFuture(new Conflict(Text.PROPOSAL_NOT_ON_AGENDA.of(p.id(), p.status().label())));
      }
      PollCommand.Request request;
      try {
        request = pollOf.read(written, clock.instant());
      } catch (PollCommand.Invalid e) {
        return Future.failedFuture(new BadRequest(e.getMessage()));
      }
      return polls.nextId().compose(pollId -> store
          .move(p.id(), Proposal.Status.AGENDA, Proposal.Status.ACCEPTED, clock.instant(), pollId, "")
          .compose(moved -> {
            if (!moved) {
              return Future.failedFuture(new Conflict(Text.PROPOSAL_NOT_ON_AGENDA.of(p.id(), p.status().label())));
            }
            Poll poll = PollOfProposal.poll(pollId, p, request);
            return followUps.link(pollId, p.id())
                .compose(v -> keeper.open(poll, announce))
                // The poll could not be opened (an empty register for a big matter): back on the agenda.
                .recover(e -> store.move(p.id(), Proposal.Status.ACCEPTED, Proposal.Status.AGENDA, clock.instant(), "",
                    "").compose(
                        back -> Future.failedFuture(
                            e instanceof PollKeeper.Refused ? new Conflict(e.getMessage()) : e)))
                .compose(opened -> find(p.id()).map(now -> new Accepted(now, opened)))
                .compose(a -> (announce ? post("accepted:" + p.id(), p, accepted(a)) : Future.<Void>succeededFuture())
                    .map(a));
          }));
    });
  }

  /**
   * Declines a proposal (on the agenda, or still collecting supports) with a reason, which is
   * published: to its chat through the outbox when {@code announce}, and on the public index.
   */
  public Future<Proposal> decline(String id, String reason, boolean announce) {
    String r = reason == null ? "" : reason.strip();
    if (r.isEmpty()) {
      return Future.failedFuture(new BadRequest(Text.PROPOSAL_DECLINE_USAGE.of()));
    }
    if (r.length() > MAX_REASON || CONTROL.matcher(r.replace('\n', ' ')).find()) {
      return Future.failedFuture(new BadRequest(Text.PROPOSAL_REASON_TOO_LONG.of(MAX_REASON)));
    }
    String published = PersonalData.maskForGroup(r);
    Instant now = clock.instant();
    return find(id).compose(p -> store.move(id, Proposal.Status.AGENDA, Proposal.Status.DECLINED, now, "", published)
        .compose(moved -> moved
            ? Future.succeededFuture(true)
            : store.move(id, Proposal.Status.OPEN, Proposal.Status.DECLINED, now, "", published))
        .compose(moved -> moved
            ? find(id)
            : Future.failedFuture(new Conflict(Text.PROPOSAL_NOT_ON_AGENDA.of(p.id(), p.status().label())))))
        .compose(p -> (announce ? post("declined:" + p.id(), p, declined(p)) : Future.<Void>succeededFuture())
            .map(p));
  }

  /** The published notice of a declined proposal. */
  public Reply declined(Proposal p) {
    return Reply.text(Text.PROPOSAL_DECLINED.of(p.id(), p.title(), p.reason()));
  }

  /** The note on an accepted proposal that goes with the poll's announcement. */
  public Reply accepted(Accepted a) {
    return Reply.text(Text.PROPOSAL_ACCEPTED.of(a.proposal().id(), a.proposal().title(), a.poll().id()));
  }

  /** The poll's announcement (shown by the chat that accepted the proposal in the proposal's chat). */
  public Reply announcement(Poll poll) {
    return pollMessages.announcement(poll, !poll.opensAt().isAfter(clock.instant()));
  }

  private Future<Void> post(String messageId, Proposal p, Reply reply) {
    return poster.post(messageId, new Outgoing(p.channel(), new ChatEvent.Chat(p.chat(), ChatEvent.ChatType.GROUP),
        reply)).mapEmpty();
  }
}
