package org.linli.bot.answer;

import java.util.ArrayList;
import java.util.List;
import org.linli.kb.Answer;
import org.linli.kb.ChineseScript;
import org.linli.kb.Entry;
import org.linli.kb.QuestionFocus;
import org.linli.kb.QuestionFocus.Aspect;
import org.linli.webhooks.Reply;

/**
 * Turns the knowledge base's {@link Answer} into what a resident reads in a chat bubble: a short
 * guide card, a "not sure" with the closest guides, or a forward offer. Replies go out in the
 * script the resident wrote in.
 */
public final class ReplyComposer {

  /** Button data prefix that shows a guide. */
  public static final String SHOW_GUIDE = "kb:";
  /** Button data that asks to forward the matter to the help-line. */
  public static final String FORWARD = "forward";

  private volatile String publicUrl;
  /** Cards by guide id and part asked, in both scripts; an entry reloaded from its file is a new object. */
  private final java.util.concurrent.ConcurrentHashMap<String, RenderedCard> cards =
      new java.util.concurrent.ConcurrentHashMap<>();

  private record RenderedCard(Entry entry, String simplified, String traditional) {}

  public ReplyComposer(String publicUrl) {
    this.publicUrl = publicUrl;
  }

  /** The address residents reach the service at, used in links. */
  public String publicUrl() {
    return publicUrl;
  }

  /** Sets the address residents reach the service at (once the port is known). */
  public void publicUrl(String url) {
    this.publicUrl = url;
    cards.clear();
  }

  /** The reply for an answer; empty text never happens. */
  public Reply compose(Answer answer) {
    return compose(answer, "");
  }

  /**
   * The reply for an answer to {@code question}: a guide card that shows the part asked about
   * first, the "not sure" list, the forward offer, or a reply to small talk.
   */
  public Reply compose(Answer answer, String question) {
    if (answer.outcome() == Answer.Outcome.ANSWERED) {
      Aspect asked = QuestionFocus.in(question, answer.entry().guide()).map(QuestionFocus.Focus::aspect)
          .orElse(asksPlace(question, answer.entry()) ? Aspect.PLACE : null);
      RenderedCard rendered = rendered(answer.entry(), asked);
      return new Reply(answer.traditional() ? rendered.traditional() : rendered.simplified(), List.of(), false);
    }
    Reply reply =
        switch (answer.outcome()) {
          case NOT_SURE -> notSure(answer.alternatives());
          case FORWARD -> forwardOffer(answer.intent().urgent());
          default -> Reply.text(SmallTalk.reply(answer.intent().rule(), question, introduction()));
        };
    return answer.traditional() ? inTraditional(reply) : reply;
  }

  /** The card of one guide: title, summary, key points, office, source, date, link. */
  public String card(Entry entry) {
    return rendered(entry, null).simplified();
  }

  private static boolean asksPlace(String question, Entry entry) {
    return !entry.office().isBlank() && QuestionFocus.aspects(question).contains(Aspect.PLACE);
  }

  private RenderedCard rendered(Entry entry, Aspect asked) {
    String key = entry.id() + (asked == null ? "" : "#" + asked.name());
    RenderedCard cached = cards.get(key);
    if (cached != null && cached.entry() == entry) {
      return cached;
    }
    String simplified = GuideCard.render(entry, asked, link(entry.id()));
    RenderedCard fresh = new RenderedCard(entry, simplified, ChineseScript.toTraditional(simplified));
    cards.put(key, fresh);
    return fresh;
  }

  /** The "not sure" reply: closest guides as buttons, and the help-line offer. */
  public Reply notSure(List<Entry> alternatives) {
    StringBuilder out = new StringBuilder("这个问题我不太确定，怕答错耽误您。");
    List<Reply.Button> buttons = new ArrayList<>();
    if (!alternatives.isEmpty()) {
      out.append("您问的可能是：\n");
      for (int i = 0; i < alternatives.size(); i++) {
        Entry e = alternatives.get(i);
        out.append(i + 1).append(". ").append(e.title()).append(" ").append(link(e.id())).append('\n');
        buttons.add(new Reply.Button(e.title(), SHOW_GUIDE + e.id()));
      }
    }
    out.append("也可以把问题转给社区求助热线，由工作人员答复您。");
    buttons.add(new Reply.Button("转给求助热线", FORWARD));
    return new Reply(out.toString(), buttons, true);
  }

  /** The offer for a personal case or a request for action. */
  public Reply forwardOffer(boolean urgent) {
    StringBuilder out = new StringBuilder();
    if (urgent) {
      out.append("⚠️ 如有人身危险，请立即拨打 110（报警）、119（火警）或 120（急救）。\n");
    }
    out.append("这件事需要工作人员来处理，我会把它转给社区求助热线（一门式受理、首问负责），受理后您会收到回执编号，办理进度我会在这里告诉您。");
    return new Reply(out.toString(), List.of(new Reply.Button("转给求助热线", FORWARD)), true);
  }

  /** What the bot says when addressed with small talk. */
  public String introduction() {
    return "您好，我是邻里小助手。可以直接问我社区办事的问题，比如“居住证怎么办”“低保怎么申请”；"
        + "遇到需要工作人员处理的事（报修、求助），告诉我，我帮您转给社区求助热线。";
  }

  /** A reply in Traditional characters. */
  public static Reply inTraditional(Reply reply) {
    List<Reply.Button> buttons =
        reply.buttons().stream().map(b -> new Reply.Button(ChineseScript.toTraditional(b.label()), b.data())).toList();
    return new Reply(ChineseScript.toTraditional(reply.text()), buttons, reply.forward());
  }

  /** The public link to a guide's full page. */
  public String link(String id) {
    return publicUrl + "/kb/" + id;
  }
}
