package org.linli.bot.helpline;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.linli.bot.PersonalData;
import org.linli.bot.attachment.AttachmentRefused;
import org.linli.bot.attachment.KeptAttachment;
import org.linli.bot.community.Communities;
import org.linli.bot.consultation.Moderators;
import org.linli.bot.text.Phones;
import org.linli.bot.text.Text;
import org.linli.bot.text.Words;
import org.linli.bot.ticket.CategoryGuesser;
import org.linli.bot.ticket.NewTicket;
import org.linli.bot.ticket.Ticket;
import org.linli.bot.ticket.TicketEvent;
import org.linli.bot.ticket.TicketLimitReached;
import org.linli.bot.ticket.TicketSource;
import org.linli.bot.ticket.TicketStatus;
import org.linli.bot.ticket.TicketStore;
import org.linli.bot.ticket.TimeLimit;
import org.linli.bot.ticket.TransitionResult;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.ChatRef;
import org.linli.webhooks.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The help-line in the chat (一门式受理, 首问负责, 收件回执): {@code /help 楼道灯坏了} (also
 * {@code /求助}), a request the bot recognises, or the "转给求助热线" button opens a ticket; the
 * resident is answered with the receipt number and the promised time limit only once the ticket is
 * in Redis, and the ticket goes to the hub through the durable outbox. {@code /status <receipt>}
 * shows progress (details to the requester and to moderators of the chat the ticket was written
 * in, wherever they ask from); {@code /rate} and the
 * rating buttons record satisfaction, every rating its own event. The resident's replies while a
 * ticket waits for them and the comment after a rating are {@link ResidentReplies}'; the
 * community's {@code /evaluate} is {@link Evaluations}'.
 */
public final class HelpDesk {

  /** Button data prefix of a rating: {@code rate:<receipt>:<stars>}. */
  public static final String RATE = "rate:";

  private static final Logger LOG = LoggerFactory.getLogger(HelpDesk.class);
  private static final Map<String, String> CATEGORY = Map.of(
      CategoryGuesser.EMERGENCY, Text.CATEGORY_EMERGENCY.of(), CategoryGuesser.REPAIR, Text.CATEGORY_REPAIR.of(),
      CategoryGuesser.ELDERLY, Text.CATEGORY_ELDERLY.of(),
      CategoryGuesser.SOCIAL_ASSISTANCE, Text.CATEGORY_SOCIAL_ASSISTANCE.of(),
      CategoryGuesser.CONSULTATION, Text.CATEGORY_CONSULTATION.of());
  private static final List<String> HELP = Words.COMMAND_HELP.list();
  private static final List<String> STATUS = Words.COMMAND_STATUS.list();
  private static final List<String> RATE_COMMAND = Words.COMMAND_RATE.list();
  private static final List<String> REPLY_COMMAND = Words.COMMAND_REPLY.list();
  private static final List<String> EVALUATE_COMMAND = Words.COMMAND_EVALUATE.list();

  private final TicketStore tickets;
  private final CategoryGuesser guesser = new CategoryGuesser();
  private final HubFeed hub;
  private final ForwardOffers offers;
  private final Moderators moderators;
  private final Times times;
  private final Phones phones;
  private final ResidentReplies replies;
  private final Evaluations evaluations;
  private final TicketPhotos photos;
  private final Intake intake;
  private final GuideTopics topics;
  private final Communities communities;

  HelpDesk(TicketStore tickets, HubFeed hub, ForwardOffers offers, Moderators moderators, Times times, Phones phones,
      ResidentReplies replies, TicketPhotos photos, Intake intake, GuideTopics topics, Communities communities) {
    this.communities = communities;
    this.topics = topics;
    this.photos = photos;
    this.intake = intake;
    this.tickets = tickets;
    this.hub = hub;
    this.offers = offers;
    this.moderators = moderators;
    this.times = times;
    this.phones = phones;
    this.replies = replies;
    this.evaluations = new Evaluations(tickets, hub, moderators, times);
  }

  /** True for the commands this desk answers. */
  public static boolean handles(String command) {
    return HELP.contains(command) || STATUS.contains(command) || RATE_COMMAND.contains(command)
        || REPLY_COMMAND.contains(command) || EVALUATE_COMMAND.contains(command);
  }

  /** The community's evaluations of tickets (联合评单), for the operators' API. */
  public Evaluations evaluations() {
    return evaluations;
  }

  /**
   * A message that is not a command, looked at before it is taken as a question: the answer to the
   * bot's question about a request for help ({@link Intake}), the comment on a rating the bot asked
   * about, or the resident's answer to a ticket waiting for them. Empty when it is none of these.
   */
  public Future<Optional<List<Reply>>> answering(ChatEvent event) {
    return intake.answered(event).compose(pending -> pending.isPresent()
        ? answer(event, pending.get(), event.text().strip()).map(Optional::of)
        : replies.answering(event));
  }

  /** The answer to the intake question: joins the request, which is filed; or the emergency filed already. */
  private Future<List<Reply>> answer(ChatEvent event, Intake.Pending pending, String text) {
    if (!pending.receipt().isEmpty()) {
      return replies.send(event, pending.receipt(), text);
    }
    String joined = pending.text() + "\n" + text;
    return file(event, pending.source(), joined, pending.urgent(), pending.rule(),
        intake.addressOf(text, pending.address())).map(Filed::replies);
  }

  /** The name of a category as residents read it. */
  public static String categoryName(String category) {
    return CATEGORY.getOrDefault(category, category);
  }

  /** Answers one of the commands of {@link #handles}. */
  public Future<List<Reply>> command(ChatEvent event, String command, String rest) {
    if (HELP.contains(command)) {
      return rest.isBlank()
          ? reply(Text.HELP_EMPTY.of(phones.police(), phones.fire(), phones.ambulance()))
          : open(event, rest, false, "");
    }
    if (REPLY_COMMAND.contains(command)) {
      return replies.command(event, rest);
    }
    if (EVALUATE_COMMAND.contains(command)) {
      return evaluations.command(event, rest);
    }
    return STATUS.contains(command) ? status(event, rest.strip()) : rateCommand(event, rest.strip());
  }

  /**
   * A pressed button: {@code forward:<token>}, {@code rate:<receipt>:<stars>} or {@code
   * reply:<receipt>}; empty when not ours.
   */
  public Optional<Future<List<Reply>>> button(ChatEvent event, String data) {
    if (data.equals(Intake.SUBMIT)) {
      // 直接提交: the request as it is, without the answer.
      return Optional.of(intake.take(event).compose(pending -> pending == null
          ? reply(Text.HELP_BUTTON_EXPIRED.of(phones.hotline()))
          : file(event, pending.source(), pending.text(), pending.urgent(), pending.rule(), pending.address())
              .map(Filed::replies)));
    }
    if (data.startsWith(ResidentReplies.BUTTON)) {
      return Optional.of(replies.press(event, data));
    }
    return data.startsWith(ForwardOffers.PREFIX) || data.startsWith(RATE)
        ? Optional.of(press(event, data))
        : Optional.empty();
  }

  private Future<List<Reply>> press(ChatEvent event, String data) {
    if (data.startsWith(ForwardOffers.PREFIX)) {
      return offers.take(data).compose(offer -> offer == null
          ? reply(Text.HELP_BUTTON_EXPIRED.of(phones.hotline()))
          : open(event, offer.text(), offer.urgent(), offer.rule()));
    }
    if (data.startsWith(RATE)) {
      String[] parts = data.substring(RATE.length()).split(":");
      if (parts.length == 2 && parts[1].matches("[1-5]")) {
        return rate(event, parts[0], Integer.parseInt(parts[1]), "");
      }
      return reply(Text.RATE_BUTTON_EXPIRED.of());
    }
    throw new IllegalArgumentException("Not a help-line button: " + data);
  }

  /**
   * Opens a ticket for {@code text}; replies with the receipt number and the time limit once it is
   * stored, or with a polite refusal naming the hotline when the resident's hourly limit is reached.
   */
  public Future<List<Reply>> open(ChatEvent event, String text, boolean urgent, String rule) {
    String category = guesser.guess(text, rule);
    boolean isUrgent = urgent || CategoryGuesser.EMERGENCY.equals(category);
    TicketSource source = Intake.source(event);
    boolean privately = event.chat().type() == ChatEvent.ChatType.PRIVATE;
    // A request still waiting for its answer is filed as it is before a new one is looked at: none is lost.
    return intake.take(event).compose(earlier -> earlier == null || !earlier.receipt().isEmpty()
        ? Future.succeededFuture(List.<Reply>of())
        : file(event, earlier.source(), earlier.text(), earlier.urgent(), earlier.rule(), earlier.address())
            .map(Filed::replies))
        .compose(before -> intake(event, text, urgent, rule, category, isUrgent, source, privately).map(now -> {
          List<Reply> out = new ArrayList<>(before);
          out.addAll(now);
          return out;
        }));
  }

  private Future<List<Reply>> intake(ChatEvent event, String text, boolean urgent, String rule, String category,
      boolean isUrgent, TicketSource source, boolean privately) {
    // Intake asks once: what is missing (a place, a way back) is asked before filing, or right after for an emergency.
    return intake.assess(event, text, category).compose(need -> {
      Optional<String> question = need.question();
      if (question.isEmpty()) {
        return file(event, source, text, urgent, rule, need.address()).map(Filed::replies);
      }
      if (!isUrgent) {
        return intake
            .ask(new Intake.Pending(text, urgent, rule, source, need.address(), "", 0), question.get(), privately)
            .map(List::of);
      }
      return file(event, source, text, urgent, rule, need.address()).compose(filed -> filed.ticket() == null
          ? Future.succeededFuture(filed.replies())
          : intake.ask(new Intake.Pending(text, true, rule, source, need.address(), filed.ticket().receipt(), 0),
              need.place() ? question.get() : Text.INTAKE_URGENT_WHERE.of(Intake.WINDOW.toMinutes()), privately)
              .map(ask -> {
                List<Reply> out = new ArrayList<>(filed.replies());
                out.add(ask);
                return out;
              }));
    });
  }

  /** A ticket filed (null when the resident's hourly limit refused it) and what the resident is told. */
  record Filed(Ticket ticket, List<Reply> replies) {
  }

  /** Files the request as it is: the ticket, its photos (those of {@code event}) and its event to the hub. */
  private Future<Filed> file(ChatEvent event, TicketSource source, String text, boolean urgent, String rule,
      String address) {
    // Photos sent with the request travel with it; one that cannot be kept never keeps the ticket from opening.
    List<String> notes = new ArrayList<>();
    Future<List<KeptAttachment>> kept = photos.keep(event).recover(e -> {
      notes.add(refusal(e));
      return Future.succeededFuture(List.of());
    });
    return file(kept, notes, source, text, urgent, rule, address, receipt -> photos.opened(event, receipt));
  }

  /** Files a request asked about whose question went unanswered, as it is (no message, so no photos). */
  Future<Filed> fileAsIs(Intake.Pending pending) {
    return file(Future.succeededFuture(List.of()), List.of(), pending.source(), pending.text(), pending.urgent(),
        pending.rule(), pending.address(), receipt -> Future.succeededFuture());
  }

  private Future<Filed> file(Future<List<KeptAttachment>> kept, List<String> notes, TicketSource source, String text,
      boolean urgent, String rule, String address, Function<String, Future<Void>> opened) {
    return topics.of(text).otherwise("").compose(guide -> {
      String category = guesser.guess(text, rule, guide);
      boolean isUrgent = urgent || CategoryGuesser.EMERGENCY.equals(category);
      return kept.compose(attachments -> tickets
          .open(new NewTicket(category, isUrgent, text, source,
              communities.idOf(new ChatRef(source.platform(), source.chatId())), "", times.now(), address))
          .compose(ticket -> photos.add(ticket.receipt(), attachments)
              .compose(n -> opened.apply(ticket.receipt()))
              .compose(v -> hub.created(ticket, photos.forHub(attachments)))
              .map(queued -> ticket))
          .map(ticket -> {
            String reply = received(ticket)
                + (attachments.isEmpty() ? "" : Text.ATTACH_WITH_REQUEST.of(attachments.size()))
                + (notes.isEmpty() ? "" : "\n" + notes.get(0));
            return new Filed(ticket, List.of(Reply.text(reply)));
          }))
          .recover(e -> {
            if (e instanceof TicketLimitReached limit) {
              return Future.succeededFuture(new Filed(null, List.of(Reply.text(Text.HELP_LIMIT.of(
                  times.format(limit.retryAfter()), phones.hotline(), phones.police(), phones.fire(),
                  phones.ambulance())))));
            }
            return Future.failedFuture(e);
          });
    });
  }

  /**
   * A photo or location sent on its own: it files the request the bot asked about in this chat (the
   * location is its place), else joins the ticket the resident opened in this chat in
   * the last few minutes, else their ticket waiting for them (待居民补充), and goes to the hub as
   * {@code ticket.attachment}. With no such ticket, a private chat is told how to ask for help; a
   * group hears nothing.
   */
  public Future<List<Reply>> attach(ChatEvent event) {
    // A photo or location in answer to the intake question files the request with it.
    return intake.pendingIn(event).compose(pending -> pending.isPresent() && pending.get().receipt().isEmpty()
        ? file(event, pending.get().source(), pending.get().text(), pending.get().urgent(), pending.get().rule(),
            pending.get().address()).map(Filed::replies)
        : attachToTicket(event));
  }

  private Future<List<Reply>> attachToTicket(ChatEvent event) {
    return photos.justOpened(event)
        .compose(receipt -> receipt != null
            ? tickets.find(receipt)
            : tickets.byResident(event.identity().key(), 5).map(list -> list.stream()
                .filter(t -> t.status() == TicketStatus.WAITING_RESIDENT).findFirst().orElse(null)))
        .compose(ticket -> {
          if (ticket == null) {
            return Future.succeededFuture(event.chat().type() == ChatEvent.ChatType.PRIVATE
                ? List.of(Reply.privateText(Text.ATTACH_NO_TICKET.of()))
                : List.<Reply>of());
          }
          // A photo that cannot be fetched or kept is the resident's to send again; Redis or the outbox failing is not.
          return photos.keep(event).transform(kept -> kept.failed()
              ? Future.succeededFuture(List.of(Reply.privateText(refusal(kept.cause()))))
              : photos.add(ticket.receipt(), kept.result())
                  .compose(n -> hub.attachment(ticket, photos.forHub(kept.result()), n))
                  .map(queued -> {
                    LOG.info("Ticket {}: {} attachment(s) added", ticket.receipt(), kept.result().size());
                    return List.of(Reply.privateText(Text.ATTACH_ADDED.of(ticket.receipt(), kept.result().size())));
                  }));
        });
  }

  private String refusal(Throwable e) {
    if (e instanceof AttachmentRefused refused) {
      return switch (refused.reason()) {
        case TOO_LARGE -> Text.ATTACH_TOO_LARGE.of(Math.max(1, photos.maxBytes() / (1024 * 1024)));
        case NOT_AN_IMAGE -> Text.ATTACH_NOT_AN_IMAGE.of();
        case UNREADABLE -> Text.ATTACH_FAILED.of();
      };
    }
    LOG.warn("A photo could not be fetched: {}", e.toString());
    return Text.ATTACH_FAILED.of();
  }

  private String received(Ticket t) {
    StringBuilder out = new StringBuilder();
    if (t.urgent()) {
      out.append(Text.HELP_URGENT.of(phones.police(), phones.fire(), phones.ambulance())).append('\n');
    }
    out.append(Text.HELP_RECEIVED.of(t.receipt(), categoryName(t.category())));
    if (t.timeLimit() != null && t.dueAt() != null) {
      TimeLimit rule = tickets.limits().limitOf(t);
      String limit = rule.inWorkingDays()
          ? Text.HELP_LIMIT_WORKING_DAYS.of(rule.workingDays())
          : t.timeLimit().toHours() > 0
              ? hours(t.timeLimit().toHours())
              : Text.DURATION_MINUTES.of(Math.max(1, t.timeLimit().toMinutes()));
      out.append(Text.HELP_RECEIVED_LIMIT.of(limit, times.format(t.dueAt())));
    }
    out.append(Text.HELP_RECEIVED_END.of());
    return out.toString();
  }

  private static String hours(long h) {
    return h % 24 == 0 && h >= 24 ? Text.DURATION_DAYS.of(h / 24) : Text.DURATION_HOURS.of(h);
  }

  private Future<List<Reply>> status(ChatEvent event, String receipt) {
    if (receipt.isEmpty()) {
      String resident = event.identity().key();
      return tickets.byResident(resident, 5).map(list -> {
        if (list.isEmpty()) {
          return List.of(Reply.privateText(Text.STATUS_NONE.of()));
        }
        StringBuilder out = new StringBuilder(Text.STATUS_RECENT.of()).append('\n');
        list.forEach(t -> out.append(t.receipt()).append(" ").append(t.status().label()).append('\n'));
        out.append(Text.STATUS_RECENT_HINT.of());
        return List.of(Reply.privateText(out.toString()));
      });
    }
    return tickets.find(receipt).map(t -> {
      if (t == null) {
        return List.of(Reply.privateText(Text.STATUS_NOT_FOUND.of(receipt)));
      }
      boolean requester = t.source().resident().equals(event.identity().key());
      if (!requester && !moderates(moderators, t, event)) {
        return List.of(Reply.privateText(Text.STATUS_NOT_YOURS.of(receipt)));
      }
      return List.of(Reply.privateText(details(t)));
    });
  }

  /** A moderator sees (and evaluates) the tickets of the chats it moderates: where the ticket was written. */
  static boolean moderates(Moderators moderators, Ticket t, ChatEvent event) {
    String platform = t.source().platform();
    return !platform.isEmpty() && !platform.contains(":")
        && moderators.moderates(new ChatRef(platform, t.source().chatId()), event.identity());
  }

  private String details(Ticket t) {
    StringBuilder out = new StringBuilder(Text.STATUS_DETAILS.of(t.receipt(), t.status().label())).append('\n')
        .append(Text.STATUS_DETAILS_OPENED.of(categoryName(t.category()), times.format(t.createdAt())));
    if (t.dueAt() != null) {
      out.append(Text.STATUS_DETAILS_DUE.of(times.format(t.dueAt())));
    }
    out.append('\n');
    for (TicketEvent e : t.history()) {
      out.append("· ").append(times.format(e.at())).append(" ").append(line(e));
      if (e.note() != null && !e.note().isBlank()) {
        out.append(Text.STATUS_DETAILS_NOTE.of(e.note()));
      }
      out.append('\n');
    }
    return out.toString().strip();
  }

  private static String line(TicketEvent e) {
    return switch (e.kind()) {
      case "reply" -> Text.HISTORY_REPLY.of();
      case "rating" -> Text.HISTORY_RATING.of(e.value());
      case "comment" -> Text.HISTORY_COMMENT.of();
      case "evaluation" -> Text.HISTORY_EVALUATION.of(e.value());
      case "message" -> Text.HISTORY_MESSAGE.of();
      case "category" -> Text.HISTORY_CATEGORY.of();
      case "merge" -> Text.HISTORY_MERGE.of();
      default -> e.status().label();
    };
  }

  private Future<List<Reply>> rateCommand(ChatEvent event, String rest) {
    String[] parts = rest.split("\\s+", 3);
    if (parts.length < 2 || !parts[1].matches("[1-5]")) {
      return reply(Text.RATE_USAGE.of());
    }
    return rate(event, parts[0], Integer.parseInt(parts[1]), parts.length == 3 ? parts[2] : "");
  }

  private Future<List<Reply>> rate(ChatEvent event, String receipt, int stars, String comment) {
    return tickets.find(receipt).compose(t -> {
      if (t == null) {
        return reply(true, Text.RATE_NOT_FOUND.of(receipt));
      }
      if (!t.source().resident().equals(event.identity().key())) {
        return reply(true, Text.RATE_NOT_YOURS.of());
      }
      return tickets.rate(receipt, stars, PersonalData.mask(comment), times.now())
          .compose(result -> {
            if (!result.applied()) {
              return reply(true, result.outcome() == TransitionResult.Outcome.BAD_RATING
                  ? Text.RATE_BAD.of()
                  : Text.RATE_NOT_YET.of(result.current().label()));
            }
            Ticket rated = result.ticket();
            LOG.info("Ticket {} rated {}", receipt, stars);
            Reply thanks = Reply.privateText(stars <= 2
                ? Text.RATE_REOPENED.of(receipt)
                : Text.RATE_THANKS.of(receipt));
            // Without a comment, the bot asks once for one: the next message is it.
            return hub.rated(rated)
                .compose(v -> comment.isBlank()
                    ? replies.askComment(event, receipt, thanks)
                    : Future.succeededFuture(thanks))
                .map(List::of);
          });
    });
  }

  /** The rating buttons sent with "已办结". */
  public static List<Reply.Button> ratingButtons(String receipt) {
    List<Reply.Button> buttons = new ArrayList<>();
    Text[] labels = {Text.RATE_BUTTON_1, Text.RATE_BUTTON_2, Text.RATE_BUTTON_3, Text.RATE_BUTTON_4,
        Text.RATE_BUTTON_5};
    for (int i = 1; i <= 5; i++) {
      buttons.add(new Reply.Button(labels[i - 1].of(), RATE + receipt + ":" + i));
    }
    return buttons;
  }

  private static Future<List<Reply>> reply(String text) {
    return Future.succeededFuture(List.of(Reply.text(text)));
  }

  private static Future<List<Reply>> reply(boolean privately, String text) {
    return Future.succeededFuture(List.of(privately ? Reply.privateText(text) : Reply.text(text)));
  }
}
