package org.linli.bot.helpline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import org.linli.bot.outbox.Delivery;
import org.linli.bot.outbox.DeliveryDeferred;
import org.linli.webhooks.hub.HubBusy;
import org.linli.webhooks.hub.HubGone;
import org.linli.webhooks.hub.HubSender;
import org.linli.webhooks.hub.Open311Receipt;
import org.linli.webhooks.hub.Open311Request;
import org.linli.webhooks.hub.Open311Sender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the hub queue of the outbox: each message is a hub event (see {@link HubEvents}). In
 * {@code webhooks} mode its JSON is POSTed signed, the outbox id being the {@code webhook-id}; in
 * {@code open311} mode a new ticket is filed as a GeoReport v2 request and the hub's id is kept on
 * the ticket (Open311 has no reminders: those are recorded as delivered); a retry first looks the
 * request up, so that one the hub filed without answering is not filed twice. While the hub is gone
 * (410), nothing is sent and messages wait; a delivery not sent because every connection to the hub
 * was busy is deferred without spending an attempt.
 */
public final class HubDelivery implements Delivery {

  private static final Logger LOG = LoggerFactory.getLogger(HubDelivery.class);
  /** When a delivery that was not sent (every connection busy) is looked at again; no attempt is spent. */
  static final Duration NOT_SENT_AGAIN = Duration.ofSeconds(1);

  private final HubSender webhooks;
  private final Open311Sender open311;
  private final String serviceCode;
  private final HubState state;
  private final BiFunction<String, Open311Receipt, Future<Void>> filed;
  private final Clock clock;

  /**
   * Exactly one of {@code webhooks} and {@code open311} is used (the other may be null); {@code
   * filed} keeps the hub's Open311 id on the ticket with this receipt number.
   */
  public HubDelivery(HubSender webhooks, Open311Sender open311, String serviceCode, HubState state,
      BiFunction<String, Open311Receipt, Future<Void>> filed, Clock clock) {
    this.webhooks = webhooks;
    this.open311 = open311;
    this.serviceCode = serviceCode;
    this.state = state;
    this.filed = filed;
    this.clock = clock;
  }

  @Override
  public Future<Void> deliver(String id, JsonObject payload, int attempt) {
    return state.goneSince().compose(gone -> {
      if (gone != null) {
        return Future.failedFuture(new DeliveryDeferred("the hub answered 410 Gone at " + gone
            + "; deliveries wait until an administrator resumes them"));
      }
      return (open311 != null ? file(payload, attempt) : post(id, payload)).recover(e -> e instanceof HubBusy
          ? Future.failedFuture(new DeliveryDeferred(e.getMessage(), NOT_SENT_AGAIN))
          : Future.failedFuture(e));
    });
  }

  private Future<Void> post(String id, JsonObject event) {
    if (webhooks == null || !webhooks.configured()) {
      return Future.failedFuture(new DeliveryDeferred("hub.url is not set"));
    }
    return webhooks.send(id, event.encode().getBytes(StandardCharsets.UTF_8))
        .recover(e -> {
          if (e instanceof HubGone) {
            LOG.error("ALARM: the help-line hub answered 410 Gone to {}: deliveries to it are stopped until"
                + " POST /api/v1/hub/resume", id);
            return state.markGone(id, clock.instant())
                .compose(v -> Future.failedFuture(new DeliveryDeferred("the hub answered 410 Gone")));
          }
          return Future.failedFuture(e);
        });
  }

  private Future<Void> file(JsonObject event, int attempt) {
    if (!open311.configured()) {
      return Future.failedFuture(new DeliveryDeferred("hub.url or hub.apiKey is not set"));
    }
    if (!HubEvents.CREATED.equals(event.getString("type"))) {
      return Future.succeededFuture(); // GeoReport v2 has nothing for reminders or ratings
    }
    JsonObject data = event.getJsonObject("data");
    JsonObject contact = data.getJsonObject("contact", new JsonObject());
    String code = data.getString("serviceCode", serviceCode);
    // The first photo as media_url and the first location as lat/long (GeoReport takes one of each).
    String media = "";
    String lat = "";
    String lng = "";
    for (Object a : data.getJsonArray("attachments", new JsonArray())) {
      if (a instanceof JsonObject one && "image".equals(one.getString("kind")) && media.isEmpty()) {
        media = one.getString("url", "");
      } else if (a instanceof JsonObject one && "location".equals(one.getString("kind")) && lat.isEmpty()) {
        lat = String.valueOf(one.getDouble("latitude"));
        lng = String.valueOf(one.getDouble("longitude"));
      }
    }
    Open311Request request = new Open311Request(code.isEmpty() ? data.getString("category") : code,
        "[" + data.getString("receipt") + "] " + data.getString("text"), contact.getString("name"),
        contact.getString("phone"), data.getString("address"), media, lat, lng);
    String receipt = data.getString("receipt");
    // An earlier attempt may have reached the hub unanswered: ask before filing again (docs/helpline.md).
    Future<Optional<Open311Receipt>> earlier = attempt <= 1
        ? Future.succeededFuture(Optional.empty())
        : open311.lookup(receipt, "[" + receipt + "]", Instant.parse(data.getString("createdAt")));
    return earlier.compose(found -> {
      if (found.isPresent()) {
        LOG.info("Open311 request {} was filed by an earlier attempt; not filed again", receipt);
        return Future.succeededFuture(found.get());
      }
      return open311.submit(receipt, request);
    }).compose(hubReceipt -> filed.apply(receipt, hubReceipt));
  }
}
