package org.linli.bot.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/** Reads a JSON object request body, or fails with a 400 that shows what was expected. */
final class RequestBodies {

  private RequestBodies() {
  }

  /** The body as a JSON object; {@code example} is shown to the caller when it is not one. */
  static JsonObject jsonObject(RoutingContext ctx, String example) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException e) {
      throw new HttpException(400, "The body is not valid JSON; expected " + example);
    } catch (ClassCastException e) {
      throw new HttpException(400, "The body must be a JSON object: " + example);
    }
    if (body == null) {
      throw new HttpException(400, "The body is empty; expected " + example);
    }
    return body;
  }

  /** The text field {@code field} of {@code body}, or null when it is absent or not a string (the caller's check names it). */
  static String text(JsonObject body, String field) {
    return body.getValue(field) instanceof String s ? s : null;
  }
}
