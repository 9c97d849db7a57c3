package org.linli.bot.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.linli.bot.helpline.Evaluations;
import org.linli.bot.helpline.HubEvents;

/**
 * {@code POST /api/v1/tickets/{receipt}/evaluation} with {@code {"score": 4, "comment": "处理及时",
 * "by": "网格员王"}} (hub or admin token): the community's evaluation of the handling (联合评单),
 * answered with the ticket; 400 for a score outside 1–5, 404 for an unknown receipt.
 */
final class EvaluationApi {

  private final Evaluations evaluations;

  EvaluationApi(Evaluations evaluations) {
    this.evaluations = evaluations;
  }

  void evaluate(RoutingContext ctx) {
    JsonObject body = RequestBodies.jsonObject(ctx, "{\"score\": 4, \"comment\": \"…\", \"by\": \"…\"}");
    if (!(body.getValue("score") instanceof Integer score) || score < 1 || score > 5) {
      ctx.fail(new HttpException(400, "score must be a whole number from 1 to 5"));
      return;
    }
    String comment = body.getValue("comment") instanceof String c ? c : "";
    String by = body.getValue("by") instanceof String b && !b.isBlank() ? b.strip() : "operator";
    String receipt = ctx.pathParam("receipt");
    evaluations.evaluate(receipt, score, comment, by)
        .onSuccess(result -> {
          if (result.applied()) {
            Routes.json(ctx, HubEvents.ticket(result.ticket()));
          } else {
            ctx.fail(new HttpException(404, "There is no ticket " + receipt));
          }
        })
        .onFailure(ctx::fail);
  }
}
