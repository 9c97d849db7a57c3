package org.linli.bot.answer;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.linli.bot.gaps.FeedbackStore;
import org.linli.bot.helpline.ForwardOffers;
import org.linli.bot.kb.KbService;
import org.linli.bot.text.Text;
import org.linli.kb.Answer;
import org.linli.kb.Entry;
import org.linli.kb.index.Candidate;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Reply;

/**
 * The "有帮助" and "没帮到我" buttons under every guide answer. A helpful vote is counted for the
 * guide and thanked; an unhelpful one records the question with the guide given and offers the
 * closest other guides and the help-line instead.
 */
public final class Feedback {

  /** Button data prefix of "有帮助": {@code fb:y:<token>}. */
  public static final String HELPFUL = "fb:y:";
  /** Button data prefix of "没帮到我": {@code fb:n:<token>}. */
  public static final String UNHELPFUL = "fb:n:";

  private static final int OTHERS = 3;

  private final KbService kb;
  private final FeedbackStore store;
  private final ForwardOffers offers;
  private final ReplyComposer composer;

  public Feedback(KbService kb, FeedbackStore store, ForwardOffers offers, ReplyComposer composer) {
    this.kb = kb;
    this.store = store;
    this.offers = offers;
    this.composer = composer;
  }

  /** True for the data of a feedback button. */
  public static boolean handles(String data) {
    return data.startsWith(HELPFUL) || data.startsWith(UNHELPFUL);
  }

  /** The guide reply with the two feedback buttons, the question kept behind a short token. */
  public Future<Reply> attach(Reply reply, ChatEvent event, String question, Answer answer) {
    return store.remember(new FeedbackStore.Given(question, answer.entry().id(),
        event.chatRef().key()))
        .map(token -> {
          List<Reply.Button> buttons = new ArrayList<>(reply.buttons());
          buttons.add(new Reply.Button(Text.BUTTON_HELPFUL.in(answer.traditional()), HELPFUL + token));
          buttons.add(new Reply.Button(Text.BUTTON_UNHELPFUL.in(answer.traditional()), UNHELPFUL + token));
          return reply.withButtons(buttons);
        });
  }

  /** Answers a press of one of the two buttons. */
  public Future<List<Reply>> press(ChatEvent event, String data) {
    boolean helpful = data.startsWith(HELPFUL);
    String token = data.substring(helpful ? HELPFUL.length() : UNHELPFUL.length());
    String voter = event.identity().key();
    return store.vote(token, voter, helpful).compose(vote -> {
      if (vote == null) {
        return Future.succeededFuture(List.of(Reply.text(Text.FEEDBACK_EXPIRED.of())));
      }
      if (helpful) {
        return Future.succeededFuture(List.of(Reply.text(vote.counted()
            ? Text.FEEDBACK_THANKS.of()
            : Text.FEEDBACK_ALREADY.of())));
      }
      // The vote is in; if the search fails now, the help-line offer alone is still worth sending.
      return others(vote.given()).recover(e -> Future.succeededFuture(List.of()))
          .compose(others -> offer(vote.given(), others)).map(List::of);
    });
  }

  /** The closest guides other than the one given: the knowledge base asked again, then word matches. */
  private Future<List<Entry>> others(FeedbackStore.Given given) {
    return kb.ask(given.question()).compose(answer -> {
      Set<String> ids = new LinkedHashSet<>();
      if (answer.answered()) {
        ids.add(answer.entry().id());
      }
      answer.alternatives().forEach(e -> ids.add(e.id()));
      ids.remove(given.guide());
      if (ids.size() >= OTHERS) {
        return Future.succeededFuture(entries(ids));
      }
      // A confident answer names one guide only; the word search ranks the runners-up.
      return kb.wordCandidates(given.question())
          .map(candidates -> {
            candidates.stream()
                .sorted(Comparator.comparingDouble(Candidate::lexical).reversed())
                .map(Candidate::entryId)
                .filter(id -> !id.equals(given.guide()))
                .forEach(ids::add);
            return entries(ids);
          });
    });
  }

  private List<Entry> entries(Set<String> ids) {
    return ids.stream().map(kb.knowledgeBase()::entry).filter(e -> e != null).limit(OTHERS).toList();
  }

  private Future<Reply> offer(FeedbackStore.Given given, List<Entry> others) {
    StringBuilder text = new StringBuilder(Text.FEEDBACK_SORRY.of());
    List<Reply.Button> buttons = new ArrayList<>();
    if (!others.isEmpty()) {
      text.append(Text.FEEDBACK_MAYBE.of()).append('\n');
      for (int i = 0; i < others.size(); i++) {
        Entry e = others.get(i);
        text.append(i + 1).append(". ").append(e.title()).append(' ').append(composer.link(e.id())).append('\n');
        buttons.add(new Reply.Button(e.title(), ReplyComposer.SHOW_GUIDE + e.id()));
      }
    }
    text.append(Text.ANSWER_FORWARD_ALSO.of());
    return offers.remember(new ForwardOffers.Offer(given.question(), false, "unhelpful"))
        .map(data -> {
          buttons.add(new Reply.Button(Text.BUTTON_FORWARD.of(), data));
          return new Reply(text.toString(), buttons, true);
        });
  }
}
