package org.linli.bot.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.linli.bot.community.LocalFacts;
import org.linli.bot.text.Phones;
import org.linli.bot.text.Text;
import org.linli.bot.text.TraditionalScript;
import org.linli.kb.Answer;
import org.linli.kb.Entry;
import org.linli.kb.QuestionFocus;
import org.linli.kb.QuestionFocus.Aspect;
import org.linli.webhooks.ChatRef;
import org.linli.webhooks.Reply;

/**
 * Turns the knowledge base's {@link Answer} into what a resident reads in a chat bubble: a short
 * guide card, a "not sure" with the closest guides, or a forward offer. Replies go out in the
 * script the resident wrote in: the bot's own words from the Traditional bundle, the guide's
 * words converted by {@link TraditionalScript}.
 */
public final class ReplyComposer {

  /** Button data prefix that shows a guide. */
  public static final String SHOW_GUIDE = "kb:";
  /** Button data that asks to forward the matter to the help-line. */
  public static final String FORWARD = "forward";

  private volatile String publicUrl;
  private final Phones phones;
  private final Function<ChatRef, LocalFacts> localFacts;
  /** Cards by guide id and part asked, in both scripts; an entry reloaded from its file is a new object. */
  private final ConcurrentHashMap<String, RenderedCard> cards = new ConcurrentHashMap<>();

  private record RenderedCard(Entry entry, String simplified, String traditional) {
  }

  /** Cards without a community's own facts. */
  public ReplyComposer(String publicUrl, Phones phones) {
    this(publicUrl, phones, chat -> LocalFacts.NONE);
  }

  /**
   * {@code localFacts}: the facts of a chat's community (its office's address, phone, hours), which
   * a card of a guide handled at the community's own office shows.
   */
  public ReplyComposer(String publicUrl, Phones phones, Function<ChatRef, LocalFacts> localFacts) {
    this.publicUrl = publicUrl;
    this.phones = phones;
    this.localFacts = localFacts;
  }

  /** The numbers replies tell residents to call. */
  public Phones phones() {
    return phones;
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
    return compose(answer, question, LocalFacts.NONE);
  }

  /** The reply for an answer to {@code question} asked in {@code chat} (null: no community's facts). */
  public Reply compose(Answer answer, String question, ChatRef chat) {
    return compose(answer, question, factsOf(chat));
  }

  /**
   * The reply for an answer to {@code question} asked of a community whose office has these
   * {@code facts} (a card of a guide handled there ends with them; {@link LocalFacts#NONE}: none).
   */
  public Reply compose(Answer answer, String question, LocalFacts facts) {
    if (answer.outcome() == Answer.Outcome.ANSWERED) {
      Aspect asked = QuestionFocus.in(question, answer.entry().guide()).map(QuestionFocus.Focus::aspect)
          .orElse(asksPlace(question, answer.entry()) ? Aspect.PLACE : null);
      RenderedCard rendered = rendered(answer.entry(), asked, facts == null ? LocalFacts.NONE : facts);
      return new Reply(answer.traditional() ? rendered.traditional() : rendered.simplified(), List.of(), false);
    }
    boolean traditional = answer.traditional();
    return switch (answer.outcome()) {
      case NOT_SURE -> notSure(answer.alternatives(), traditional);
      case FORWARD -> forwardOffer(answer.intent().urgent(), traditional);
      default -> Reply.text(SmallTalk.reply(answer.intent().rule(), question, introduction(traditional), traditional));
    };
  }

  /** The card of one guide: title, summary, key points, office, source, date, link. */
  public String card(Entry entry) {
    return card(entry, null);
  }

  /** The card of one guide as shown in {@code chat} (null: no community's facts). */
  public String card(Entry entry, ChatRef chat) {
    return rendered(entry, null, factsOf(chat)).simplified();
  }

  private LocalFacts factsOf(ChatRef chat) {
    LocalFacts facts = chat == null ? null : localFacts.apply(chat);
    return facts == null ? LocalFacts.NONE : facts;
  }

  private static boolean asksPlace(String question, Entry entry) {
    return !entry.office().isBlank() && QuestionFocus.aspects(question).contains(Aspect.PLACE);
  }

  private RenderedCard rendered(Entry entry, Aspect asked, LocalFacts facts) {
    String key = entry.id() + (asked == null ? "" : "#" + asked.name()) + (facts.isEmpty() ? "" : "@" + facts);
    RenderedCard cached = cards.get(key);
    if (cached != null && cached.entry() == entry) {
      return cached;
    }
    String simplified = GuideCard.render(entry, asked, link(entry.id()), false, facts);
    RenderedCard fresh = new RenderedCard(entry, simplified,
        GuideCard.render(entry, asked, link(entry.id()), true, facts));
    cards.put(key, fresh);
    return fresh;
  }

  /** The "not sure" reply: closest guides as buttons, and the help-line offer. */
  public Reply notSure(List<Entry> alternatives) {
    return notSure(alternatives, false);
  }

  private Reply notSure(List<Entry> alternatives, boolean traditional) {
    StringBuilder out = new StringBuilder(Text.ANSWER_NOT_SURE.in(traditional));
    List<Reply.Button> buttons = new ArrayList<>();
    if (!alternatives.isEmpty()) {
      out.append(Text.ANSWER_NOT_SURE_MAYBE.in(traditional)).append('\n');
      for (int i = 0; i < alternatives.size(); i++) {
        Entry e = alternatives.get(i);
        String title = traditional ? TraditionalScript.of(e.title()) : e.title();
        out.append(i + 1).append(". ").append(title).append(" ").append(link(e.id())).append('\n');
        buttons.add(new Reply.Button(title, SHOW_GUIDE + e.id()));
      }
    }
    out.append(Text.ANSWER_FORWARD_ALSO.in(traditional));
    buttons.add(new Reply.Button(Text.BUTTON_FORWARD.in(traditional), FORWARD));
    return new Reply(out.toString(), buttons, true);
  }

  /** The offer for a personal case or a request for action. */
  public Reply forwardOffer(boolean urgent) {
    return forwardOffer(urgent, false);
  }

  private Reply forwardOffer(boolean urgent, boolean traditional) {
    StringBuilder out = new StringBuilder();
    if (urgent) {
      out.append(Text.ANSWER_EMERGENCY.in(traditional, phones.police(), phones.fire(), phones.ambulance()))
          .append('\n');
    }
    out.append(Text.ANSWER_FORWARD_OFFER.in(traditional));
    return new Reply(out.toString(), List.of(new Reply.Button(Text.BUTTON_FORWARD.in(traditional), FORWARD)), true);
  }

  /** What the bot says when addressed with small talk. */
  public String introduction() {
    return introduction(false);
  }

  private static String introduction(boolean traditional) {
    return Text.ANSWER_INTRODUCTION.in(traditional);
  }

  /** The public link to a guide's full page. */
  public String link(String id) {
    return publicUrl + "/kb/" + id;
  }
}
