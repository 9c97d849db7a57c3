package org.linli.bot.helpline;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.errors.Conflict;
import org.linli.bot.errors.Unauthorized;
import org.linli.bot.ticket.Ticket;
import org.linli.bot.ticket.TicketStatus;
import org.linli.webhooks.hub.HubCallbackVerifier;
import org.linli.webhooks.hub.Verification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/hub}: the hub's status changes and operators' replies. The Standard
 * Webhooks signature and the timestamp (within 5 minutes) are checked on the raw bytes before
 * anything is parsed (401 otherwise); a {@code webhook-id} is accepted once (409 on a replay); then
 * the ticket changes through the {@link OperatorDesk}, as an operator's action would (illegal
 * transitions: 409, unknown receipt: 404), and the resident is told where they asked; a reply is a
 * {@code message} line of the history. Nothing is changed by a refused call.
 *
 * <pre>
 * {"type": "ticket.status", "data": {"receipt": "20261122-0042", "status": "dispatched", "note": "已派物业电工"}}
 * {"type": "ticket.reply",  "data": {"receipt": "20261122-0042", "message": "请问是几楼的灯？"}}
 * {"type": "ticket.status", "receipt": "20261122-0042", "status": "dispatched", "note": "已派物业电工"}
 * </pre>
 *
 * <p>The fields are read from the {@code data} envelope or, without one, from the top level; when
 * both are present the envelope is read and the top level ignored. A {@code data} that is not an
 * object is refused (400).
 */
public final class HubCallbacks {

  private static final Logger LOG = LoggerFactory.getLogger(HubCallbacks.class);
  private static final String SEEN = "hub:{callbacks}:";
  private static final long SEEN_SECONDS = 7 * 86_400;

  private final HubCallbackVerifier verifier;
  private final RedisAPI redis;
  private final OperatorDesk desk;
  private final Clock clock;

  /** Verifies with {@code verifier}, claims webhook-ids in {@code redis}, acts through {@code desk}. */
  public HubCallbacks(HubCallbackVerifier verifier, RedisAPI redis, OperatorDesk desk, Clock clock) {
    this.verifier = verifier;
    this.redis = redis;
    this.desk = desk;
    this.clock = clock;
  }

  /**
   * Handles one call: {@code raw} is the body as received (verified before anything is parsed),
   * {@code json} parses it when the signature holds, {@code from} names the caller for the log.
   * Succeeds with the answer {@code {"receipt", "status"}}; fails with {@link Unauthorized},
   * {@link Conflict}, {@link BadRequest} or {@link org.linli.bot.errors.NotFound}.
   */
  public Future<JsonObject> receive(MultiMap headers, Buffer raw, Supplier<JsonObject> json, Object from) {
    Verification check = verifier.verify(headers, raw);
    if (!check.ok()) {
      LOG.warn("Hub callback refused ({}) from {}", check.reason(), from);
      return Future.failedFuture(new Unauthorized("The call is not signed by the hub: " + check.detail()));
    }
    String id = check.webhookId();
    // Claim the id first: of two deliveries of the same call, one goes through.
    return redis.set(List.of(SEEN + id, clock.instant().toString(), "NX", "EX", String.valueOf(SEEN_SECONDS)))
        .compose(r -> r == null
            ? Future.failedFuture(new Conflict("webhook-id " + id + " was already received"))
            : apply(json, id).recover(e -> redis.del(List.of(SEEN + id)).transform(x -> Future.failedFuture(e))));
  }

  private Future<JsonObject> apply(Supplier<JsonObject> json, String id) {
    JsonObject call;
    try {
      call = json.get();
    } catch (DecodeException | ClassCastException e) {
      return Future.failedFuture(new BadRequest("The body is not a JSON object"));
    }
    JsonObject data = call == null ? null : fields(call);
    if (data == null || !(data.getValue("receipt") instanceof String receipt)) {
      return Future.failedFuture(new BadRequest(
          "Expected {\"type\": …, \"receipt\": …} or {\"type\": …, \"data\": {\"receipt\": …}}"));
    }
    String type = call.getString("type", "");
    return switch (type) {
      case "ticket.status" -> status(id, receipt, data);
      case "ticket.reply" -> reply(id, receipt, data);
      default -> Future.failedFuture(new BadRequest("Unknown type '" + type + "': ticket.status or ticket.reply"));
    };
  }

  /**
   * The call's fields: the {@code data} envelope when there is one (it wins, whole, over any
   * top-level fields), else the top level itself ({@code {"type", "receipt", "status", "note"}}).
   */
  static JsonObject fields(JsonObject call) {
    Object data = call.getValue("data");
    if (data instanceof JsonObject envelope) {
      return envelope;
    }
    return data == null ? call : null;
  }

  private Future<JsonObject> status(String id, String receipt, JsonObject data) {
    TicketStatus to = data.getValue("status") instanceof String s ? TicketStatus.fromApiName(s) : null;
    if (to == null) {
      return Future.failedFuture(new BadRequest("\"status\" must be one of received, dispatched, in_progress,"
          + " waiting_resident, resolved, closed, rejected, merged"));
    }
    String note = data.getValue("note") instanceof String n ? n : "";
    return desk.status(receipt, to, note, OperatorDesk.Actor.HUB, "hub-" + id).map(HubCallbacks::answer);
  }

  private Future<JsonObject> reply(String id, String receipt, JsonObject data) {
    String message = data.getValue("message") instanceof String m ? m.strip() : "";
    if (message.isEmpty()) {
      return Future.failedFuture(new BadRequest("\"message\" is required for ticket.reply"));
    }
    return desk.reply(receipt, message, OperatorDesk.Actor.HUB, "hub-" + id).map(HubCallbacks::answer);
  }

  private static JsonObject answer(Ticket t) {
    return new JsonObject().put("receipt", t.receipt()).put("status", t.status().apiName());
  }

}
