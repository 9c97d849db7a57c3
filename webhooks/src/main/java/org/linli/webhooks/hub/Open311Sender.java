package org.linli.webhooks.hub;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.linli.config.Secret;
import org.linli.webhooks.ChannelSender.SendFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files requests with a hub that speaks Open311 GeoReport v2: {@code POST <hub.url>/requests.json}
 * as {@code application/x-www-form-urlencoded} (UTF-8) with {@code api_key}, {@code service_code},
 * {@code description} and, when known, {@code first_name}, {@code phone}, {@code address_string}.
 * The hub answers {@code [{"service_request_id": "638344"}]} or {@code [{"token": "12345"}]}.
 *
 * <p>Statuses read as for {@link HubSender}: 410 is {@link HubGone}; 408, 429, 5xx and no answer
 * are temporary; other 4xx (the hub's {@code [{"code", "description"}]}) are permanent. A 2xx
 * without an id or token is a permanent failure too: the hub may have filed the request, and
 * filing it again would make a duplicate. Neither the form nor the hub's error text is logged or
 * put into failure messages: both may quote the resident.
 */
public final class Open311Sender {

  private static final Logger LOG = LoggerFactory.getLogger(Open311Sender.class);

  private final HubClient client;
  private final String url;
  private final Secret apiKey;
  private final Clock clock;
  private final long timeoutMillis;

  /** A sender to the GeoReport endpoint at {@code baseUrl}, on the system clock, with a 15 s timeout. */
  public Open311Sender(WebClient client, String baseUrl, Secret apiKey) {
    this(client, baseUrl, apiKey, Clock.systemUTC(), HubSender.DEFAULT_TIMEOUT);
  }

  /** A sender that reads {@code Retry-After} dates by {@code clock} and waits at most {@code timeout}. */
  public Open311Sender(WebClient client, String baseUrl, Secret apiKey, Clock clock, Duration timeout) {
    this(HubClient.over(client, 5), baseUrl, apiKey, clock, timeout);
  }

  /** A sender through {@code client}: a request that would wait for a connection fails with {@link HubBusy}. */
  public Open311Sender(HubClient client, String baseUrl, Secret apiKey, Clock clock, Duration timeout) {
    this.client = Objects.requireNonNull(client, "client");
    String base = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
    this.url = base.isEmpty() ? "" : base + "/requests.json";
    this.apiKey = apiKey == null ? Secret.none() : apiKey;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timeoutMillis = Math.max(1, timeout.toMillis());
  }

  /** False while the hub URL or the api_key is missing; requests should wait rather than be tried. */
  public boolean configured() {
    return !url.isEmpty() && apiKey.isSet();
  }

  /**
   * Files one request; succeeds with the hub's receipt, fails with {@link HubGone} or {@link
   * SendFailure}. {@code ref} names the request in logs and failure messages (a ticket id, never
   * personal data).
   */
  public Future<Open311Receipt> submit(String ref, Open311Request request) {
    Objects.requireNonNull(request, "request");
    if (!configured()) {
      return Future.failedFuture(new SendFailure(
          url.isEmpty() ? "hub.url is not set" : "hub.apiKey is not set", false));
    }
    return client.call(ref, () -> client.web().postAbs(url)
        .timeout(timeoutMillis)
        .connectTimeout(client.connectTimeoutMillis())
        .followRedirects(false)
        .putHeader("Content-Type", "application/x-www-form-urlencoded")
        .putHeader("Accept", "application/json")
        .sendBuffer(Buffer.buffer(form(apiKey, request))))
        .recover(e -> {
          if (e instanceof HubBusy) {
            return Future.failedFuture(e);
          }
          LOG.info("Open311 request {} not answered: {}", ref, e.getClass().getSimpleName());
          return Future.failedFuture(HubAnswers.unreachable(ref, e));
        })
        .compose(response -> outcome(ref, response));
  }

  /**
   * Looks for a request filed earlier, before filing it again after an attempt that may have
   * reached the hub: {@code GET <hub.url>/requests.json?start_date=…&end_date=…} (GeoReport v2's
   * query by date, {@code since} minus a minute to now plus a minute) and the first request whose
   * {@code description} starts with {@code descriptionPrefix} (Linli writes {@code [receipt] } at
   * the start of every description). Succeeds with its receipt, or empty when the hub lists no such
   * request; fails with a temporary {@link SendFailure} when the hub cannot be asked, with a
   * permanent one when it refuses the query (it cannot say, and filing again could duplicate).
   */
  public Future<Optional<Open311Receipt>> lookup(String ref, String descriptionPrefix, Instant since) {
    if (!configured()) {
      return Future.failedFuture(new SendFailure("hub.url is not set", false));
    }
    Instant now = clock.instant();
    String query = url + "?start_date=" + URLEncoder.encode(since.minusSeconds(60).toString(), StandardCharsets.UTF_8)
        + "&end_date=" + URLEncoder.encode(now.plusSeconds(60).toString(), StandardCharsets.UTF_8);
    return client.call(ref, () -> client.web().getAbs(query)
        .timeout(timeoutMillis)
        .connectTimeout(client.connectTimeoutMillis())
        .followRedirects(false)
        .putHeader("Accept", "application/json")
        .send())
        .recover(e -> {
          if (e instanceof HubBusy) {
            return Future.failedFuture(e);
          }
          LOG.info("Open311 lookup for {} not answered: {}", ref, e.getClass().getSimpleName());
          return Future.failedFuture(HubAnswers.unreachable(ref, e));
        })
        .compose(response -> {
          int status = response.statusCode();
          if (!HubAnswers.success(status)) {
            LOG.info("Open311 hub answered {} to the lookup for {}", status, ref);
            RuntimeException failure = HubAnswers.failure(ref, status, response.getHeader("Retry-After"), clock);
            return Future.failedFuture(failure instanceof SendFailure f && f.permanent()
                ? new SendFailure("hub answered " + status + " to the lookup for " + ref
                    + "; not filed again, it may have been filed", true)
                : failure);
          }
          return Future.succeededFuture(find(response.body(), descriptionPrefix));
        });
  }

  /** The request listed with a description starting with {@code prefix}, if any. */
  private static Optional<Open311Receipt> find(Buffer body, String prefix) {
    if (body == null || body.length() == 0) {
      return Optional.empty();
    }
    Object parsed;
    try {
      parsed = Json.decodeValue(body);
    } catch (DecodeException e) {
      return Optional.empty();
    }
    if (!(parsed instanceof JsonArray list)) {
      return Optional.empty();
    }
    for (Object item : list) {
      if (item instanceof JsonObject o && o.getValue("description") instanceof String d
          && d.strip().startsWith(prefix.strip())) {
        String id = text(o, "service_request_id");
        String token = text(o, "token");
        if (!id.isEmpty() || !token.isEmpty()) {
          return Optional.of(id.isEmpty() ? new Open311Receipt("", token) : new Open311Receipt(id, ""));
        }
      }
    }
    return Optional.empty();
  }

  /** The form body, UTF-8 percent-encoded, optional fields only when present. */
  static String form(Secret apiKey, Open311Request request) {
    List<String> pairs = new ArrayList<>();
    add(pairs, "api_key", apiKey.reveal());
    add(pairs, "service_code", request.serviceCode());
    add(pairs, "description", request.description());
    add(pairs, "first_name", request.firstName());
    add(pairs, "phone", request.phone());
    add(pairs, "address_string", request.address());
    add(pairs, "lat", request.latitude());
    add(pairs, "long", request.longitude());
    add(pairs, "media_url", request.mediaUrl());
    return String.join("&", pairs);
  }

  private static void add(List<String> pairs, String name, String value) {
    if (!value.isEmpty()) {
      pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }

  private Future<Open311Receipt> outcome(String ref, HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (!HubAnswers.success(status)) {
      RuntimeException failure = HubAnswers.failure(ref, status, response.getHeader("Retry-After"), clock);
      String codes = errorCodes(response.body());
      LOG.info("Open311 hub answered {}{} to request {}", status, codes.isEmpty() ? "" : " (code " + codes + ")", ref);
      if (failure instanceof SendFailure f && !codes.isEmpty()) {
        failure = new SendFailure(f.getMessage() + " (Open311 code " + codes + ")", f.permanent(),
            f.retryAfterSeconds());
      }
      return Future.failedFuture(failure);
    }
    JsonObject first = firstElement(response.body());
    String id = text(first, "service_request_id");
    String token = text(first, "token");
    if (id.isEmpty() && token.isEmpty()) {
      LOG.warn("Open311 hub answered {} to request {} without service_request_id or token", status, ref);
      return Future.failedFuture(new SendFailure("hub answered " + status + " to " + ref
          + " without service_request_id or token; not retried, it may have been filed", true));
    }
    LOG.debug("Open311 request {} accepted ({})", ref, status);
    return Future.succeededFuture(id.isEmpty() ? new Open311Receipt("", token) : new Open311Receipt(id, ""));
  }

  /** The first object of the answer: GeoReport sends an array, a few hubs a bare object. */
  private static JsonObject firstElement(Buffer body) {
    if (body == null || body.length() == 0) {
      return new JsonObject();
    }
    try {
      Object parsed = Json.decodeValue(body);
      if (parsed instanceof JsonArray array && !array.isEmpty() && array.getValue(0) instanceof JsonObject o) {
        return o;
      }
      return parsed instanceof JsonObject o ? o : new JsonObject();
    } catch (DecodeException e) {
      return new JsonObject();
    }
  }

  /** The {@code code}s of a GeoReport error answer, comma-separated; empty when there are none. */
  private static String errorCodes(Buffer body) {
    if (body == null || body.length() == 0) {
      return "";
    }
    try {
      Object parsed = Json.decodeValue(body);
      JsonArray errors = parsed instanceof JsonArray a ? a : new JsonArray().add(parsed);
      List<String> codes = new ArrayList<>();
      for (Object error : errors) {
        if (error instanceof JsonObject o && o.getValue("code") instanceof Number n) {
          codes.add(Long.toString(n.longValue()));
        }
      }
      return String.join(",", codes);
    } catch (DecodeException e) {
      return "";
    }
  }

  /** A string or number field as text (hubs send ids both ways); empty when absent. */
  private static String text(JsonObject o, String field) {
    Object value = o.getValue(field);
    return value instanceof String || value instanceof Number ? value.toString().strip() : "";
  }
}
