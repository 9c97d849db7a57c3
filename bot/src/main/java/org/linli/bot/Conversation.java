package org.linli.bot;

import io.vertx.core.Future;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.linli.bot.answer.Feedback;
import org.linli.bot.answer.GuideDirectory;
import org.linli.bot.answer.ReplyComposer;
import org.linli.bot.consultation.ConsultationService;
import org.linli.bot.consultation.proposal.ProposalChat;
import org.linli.bot.gaps.GapStore;
import org.linli.bot.helpline.ForwardOffers;
import org.linli.bot.helpline.HelpDesk;
import org.linli.bot.household.HouseholdChat;
import org.linli.bot.kb.KbService;
import org.linli.bot.text.Text;
import org.linli.bot.text.Words;
import org.linli.kb.Answer;
import org.linli.kb.Entry;
import org.linli.kb.intent.MessageKind;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a chat event is and what the bot says back: a command, a button press, a question
 * for the knowledge base, a help request, or small talk (silence in a group unless addressed).
 */
public final class Conversation {

  private static final Logger LOG = LoggerFactory.getLogger(Conversation.class);
  private static final List<String> ASK = Words.COMMAND_ASK.list();
  private static final List<String> GUIDES = Words.COMMAND_GUIDES.list();
  private static final List<String> ABOUT = Words.COMMAND_ABOUT.list();

  private final KbService kb;
  private final ReplyComposer composer;
  private final GapStore gaps;
  private final ConsultationService consultations;
  private final HouseholdChat households;
  private final HelpDesk helpDesk;
  private final ForwardOffers offers;
  private final Feedback feedback;
  private final GuideDirectory directory;
  private final ProposalChat proposals;

  public Conversation(
      KbService kb, ReplyComposer composer, GapStore gaps, ConsultationService consultations, HouseholdChat households,
      HelpDesk helpDesk, ForwardOffers offers, Feedback feedback, GuideDirectory directory, ProposalChat proposals) {
    this.kb = kb;
    this.composer = composer;
    this.gaps = gaps;
    this.consultations = consultations;
    this.households = households;
    this.helpDesk = helpDesk;
    this.offers = offers;
    this.feedback = feedback;
    this.directory = directory;
    this.proposals = proposals;
  }

  /** The replies to one event; an empty list means the bot stays silent. */
  public Future<List<Reply>> handle(ChatEvent event) {
    if (event.isCallback()) {
      String data = event.callback().strip();
      if (data.startsWith(ConsultationService.VOTE)) {
        return consultations.button(event, data);
      }
      if (ProposalChat.handlesButton(data)) {
        return proposals.button(event, data);
      }
      if (Feedback.handles(data)) {
        return feedback.press(event, data);
      }
      return helpDesk.button(event, data).orElseGet(() -> Future.succeededFuture(button(event, data)));
    }
    String text = event.text().strip();
    if (event.hasAttachments() && text.isEmpty()) {
      // A photo or location on its own belongs to the resident's request for help.
      return helpDesk.attach(event);
    }
    if (text.startsWith("/")) {
      return command(event, text);
    }
    Optional<Future<List<Reply>>> vote = consultations.quotedVote(event);
    if (vote.isPresent()) {
      return vote.get();
    }
    // A bare number after /guides picks a guide from the list shown in this chat.
    return directory.chosen(event).compose(id -> {
      Entry chosen = id == null ? null : kb.knowledgeBase().entry(id);
      if (chosen != null) {
        return Future.succeededFuture(List.of(Reply.text(composer.card(chosen, event.chatRef()))));
      }
      // The answer to a ticket waiting for this resident (or a rating's comment) is not a question.
      return helpDesk.answering(event)
          .compose(answered -> answered.isPresent()
              ? Future.succeededFuture(answered.get())
              : question(event, text, event.mentioned()));
    });
  }

  private Future<List<Reply>> question(ChatEvent event, String text, boolean addressed) {
    return kb.ask(text).compose(answer -> {
      LOG.debug("{} in {}: {} ({}, confidence {})", event.from(), event.chat().id(), answer.outcome(),
          answer.intent().rule(), String.format("%.2f", answer.confidence()));
      Reply reply = composer.compose(answer, text, event.chatRef());
      switch (answer.outcome()) {
        case ANSWERED :
          return feedback.attach(reply, event, text, answer).map(List::of);
        case FORWARD :
          // A request for help: a ticket at once when the resident spoke to the bot or someone may
          // be in danger; in a group among neighbours, the offer to forward it (one press).
          if (answer.intent().urgent() || (addressed && answer.intent().kind() == MessageKind.HELP_REQUEST)) {
            return helpDesk.open(event, text, answer.intent().urgent(), answer.intent().rule());
          }
          return withOffer(reply, text, answer).map(List::of);
        case NOT_SURE :
          // Residents talk among themselves in groups: a "not sure" there is noise unless asked.
          return gaps.recordIfUnanswered(text, answer)
              .compose(
                  v -> addressed ? withOffer(reply, text, answer).map(List::of) : Future.succeededFuture(List.of()));
        default :
          // Small talk: a short fitting reply when addressed (不客气, 您好…), silence among neighbours.
          return Future.succeededFuture(addressed ? List.of(reply) : List.of());
      }
    });
  }

  /** The reply with its "转给求助热线" button carrying the question (kept in Redis for a day). */
  private Future<Reply> withOffer(Reply reply, String text, Answer answer) {
    if (reply.buttons().stream().noneMatch(b -> b.data().equals(ReplyComposer.FORWARD))) {
      return Future.succeededFuture(reply);
    }
    return offers.remember(new ForwardOffers.Offer(text, answer.intent().urgent(), answer.intent().rule()))
        .map(data -> reply.withButtons(reply.buttons().stream()
            .map(b -> b.data().equals(ReplyComposer.FORWARD) ? new Reply.Button(b.label(), data) : b)
            .toList()));
  }

  private Future<List<Reply>> command(ChatEvent event, String text) {
    String[] parts = text.split("\\s+", 2);
    String name = parts[0].toLowerCase(Locale.ROOT).replaceFirst("@.*$", "");
    String rest = parts.length > 1 ? parts[1].strip() : "";
    if (ConsultationService.handles(name)) {
      return consultations.command(event, name, rest);
    }
    if (ProposalChat.handles(name)) {
      return proposals.command(event, name, rest);
    }
    if (HouseholdChat.handles(name)) {
      return households.bind(event, rest);
    }
    if (HelpDesk.handles(name)) {
      return helpDesk.command(event, name, rest);
    }
    if (ASK.contains(name)) {
      if (rest.isEmpty()) {
        return Future.succeededFuture(List.of(Reply.text(Text.COMMAND_ASK_EMPTY.of())));
      }
      return question(event, rest, true);
    }
    if (GUIDES.contains(name)) {
      return directory.show(event, kb.knowledgeBase().entries()).map(listing -> List.of(Reply.text(listing.text())));
    }
    if (ABOUT.contains(name)) {
      return Future.succeededFuture(List.of(Reply.text(composer.introduction())));
    }
    // Commands of other features (polls, help-line) are not this conversation's: stay silent in
    // groups, explain in private chats.
    return Future.succeededFuture(event.mentioned() ? List.of(Reply.text(Text.COMMAND_UNKNOWN.of())) : List.of());
  }

  private List<Reply> button(ChatEvent event, String data) {
    if (data.startsWith(ReplyComposer.SHOW_GUIDE)) {
      Entry entry = kb.knowledgeBase().entry(data.substring(ReplyComposer.SHOW_GUIDE.length()));
      return List.of(entry == null
          ? Reply.text(Text.GUIDE_GONE.of())
          : Reply.text(composer.card(entry, event.chatRef())));
    }
    if (data.equals(ReplyComposer.FORWARD)) {
      return List.of(Reply.text(Text.FORWARD_HOW.of(composer.phones().hotline())));
    }
    return List.of(Reply.text(Text.BUTTON_EXPIRED.of()));
  }

}
