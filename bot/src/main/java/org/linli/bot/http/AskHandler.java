package org.linli.bot.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Locale;
import org.linli.bot.answer.ReplyComposer;
import org.linli.bot.community.Communities;
import org.linli.bot.community.Community;
import org.linli.bot.community.LocalFacts;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.gaps.GapStore;
import org.linli.bot.kb.KbService;
import org.linli.kb.Answer;
import org.linli.kb.Entry;
import org.linli.webhooks.Reply;
import org.linli.webhooks.WellFormedText;

/**
 * {@code POST /api/v1/ask} with {@code {"text": "..."}}: the knowledge base's answer as JSON, for
 * apps and for testing the knowledge base without a chat platform. An optional {@code "community"}
 * (its id) answers as in that community's chats: the card of a guide handled at its own office ends
 * with the office's address, phone and hours. An id no community can have is a 400, an unknown
 * community a 404.
 */
public record AskHandler(KbService kb, ReplyComposer composer, GapStore gaps, Communities communities)
    implements
      Handler<RoutingContext> {

  private static final int MAX_TEXT = 4000;

  @Override
  public void handle(RoutingContext ctx) {
    String text;
    String community;
    try {
      JsonObject body = RequestBodies.jsonObject(ctx, "{\"text\": \"your question\"}");
      text = text(body);
      community = community(body);
    } catch (HttpException | BadRequest e) {
      ctx.fail(e);
      return;
    }
    facts(community)
        .compose(facts -> kb.ask(text)
            .compose(answer -> gaps.recordIfUnanswered(text, answer).map(v -> answer))
            .onSuccess(answer -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .end(toJson(answer, text, facts).encode())))
        .onFailure(ctx::fail);
  }

  private static String community(JsonObject body) {
    Object value = body.getValue("community");
    if (value == null) {
      return null;
    }
    if (!(value instanceof String id) || id.isBlank()) {
      throw new HttpException(400, "\"community\" must be a community's id, a non-empty string");
    }
    // An id no community can have is refused with the rule for ids, not looked up.
    return Community.checkedId(id);
  }

  /** The office facts of a community (read again once when this instance does not know it yet). */
  private Future<LocalFacts> facts(String id) {
    if (id == null) {
      return Future.succeededFuture(LocalFacts.NONE);
    }
    return communities.findFresh(id).compose(found -> found.map(c -> Future.succeededFuture(c.facts()))
        .orElseGet(() -> Future.failedFuture(new HttpException(404, "There is no community " + id))));
  }

  private static String text(JsonObject body) {
    Object value = body.getValue("text");
    if (!(value instanceof String text) || text.isBlank()) {
      throw new HttpException(400, "\"text\" is required and must be a non-empty string");
    }
    if (WellFormedText.length(text) > MAX_TEXT) {
      throw new HttpException(400, "\"text\" is longer than " + MAX_TEXT + " characters");
    }
    return WellFormedText.of(text);
  }

  private JsonObject toJson(Answer answer, String question, LocalFacts facts) {
    Reply reply = composer.compose(answer, question, facts);
    JsonObject out = new JsonObject()
        .put("answered", answer.answered())
        .put("score", Math.round(answer.confidence() * 1000) / 1000.0)
        .put("forward", reply.forward())
        .put("kind", answer.outcome().name().toLowerCase(Locale.ROOT))
        .put("traditional", answer.traditional());
    if (answer.answered()) {
      Entry e = answer.entry();
      out.put("entry", new JsonObject()
          .put("id", e.id())
          .put("title", e.title())
          .put("office", e.office())
          .put("source", e.source())
          .put("updated", e.updated())
          .put("url", composer.link(e.id())));
      out.put("text", reply.text());
    } else {
      out.put("message", reply.text());
    }
    JsonArray alternatives = new JsonArray();
    answer.alternatives().forEach(a -> alternatives.add(new JsonObject().put("id", a.id()).put("title", a.title())));
    out.put("alternatives", alternatives);
    if (answer.intent().urgent()) {
      out.put("urgent", true);
    }
    return out;
  }
}
