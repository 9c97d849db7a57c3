package org.linli.bot.answer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.linli.bot.gaps.FeedbackStore;
import org.linli.bot.helpline.ForwardOffers;
import org.linli.bot.kb.KbService;
import org.linli.kb.Answer;
import org.linli.kb.ChineseScript;
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

  static final String HELPFUL_LABEL = "有帮助";
  static final String UNHELPFUL_LABEL = "没帮到我";
  private static final int OTHERS = 3;

  private final Vertx vertx;
  private final KbService kb;
  private final FeedbackStore store;
  private final ForwardOffers offers;
  private final ReplyComposer composer;

  public Feedback(Vertx vertx, KbService kb, FeedbackStore store, ForwardOffers offers, ReplyComposer composer) {
    this.vertx = vertx;
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
          buttons.add(new Reply.Button(label(HELPFUL_LABEL, answer.traditional()), HELPFUL + token));
          buttons.add(new Reply.Button(label(UNHELPFUL_LABEL, answer.traditional()), UNHELPFUL + token));
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
        return Future.succeededFuture(List.of(Reply.text("这个按钮已经过期了。如果还有问题，请直接再问我一次。")));
      }
      if (helpful) {
        return Future.succeededFuture(List.of(Reply.text(vote.counted()
            ? "谢谢您的反馈！有别的事随时问我。" : "已经收到您的反馈了，谢谢！")));
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
      return vertx.executeBlocking(() -> kb.knowledgeBase().wordCandidates(given.question()), false)
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
    StringBuilder text = new StringBuilder("抱歉没帮到您，这个问题我记下了，工作人员会据此完善指南。");
    List<Reply.Button> buttons = new ArrayList<>();
    if (!others.isEmpty()) {
      text.append("您问的也可能是：\n");
      for (int i = 0; i < others.size(); i++) {
        Entry e = others.get(i);
        text.append(i + 1).append(". ").append(e.title()).append(' ').append(composer.link(e.id())).append('\n');
        buttons.add(new Reply.Button(e.title(), ReplyComposer.SHOW_GUIDE + e.id()));
      }
    }
    text.append("也可以把问题转给社区求助热线，由工作人员答复您。");
    return offers.remember(new ForwardOffers.Offer(given.question(), false, "unhelpful"))
        .map(data -> {
          buttons.add(new Reply.Button("转给求助热线", data));
          return new Reply(text.toString(), buttons, true);
        });
  }

  private static String label(String label, boolean traditional) {
    return traditional ? ChineseScript.toTraditional(label) : label;
  }
}
