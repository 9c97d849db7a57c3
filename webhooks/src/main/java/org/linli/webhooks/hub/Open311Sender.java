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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

  private final WebClient client;
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
    return client.postAbs(url)
        .timeout(timeoutMillis)
        .connectTimeout(timeoutMillis)
        .followRedirects(false)
        .putHeader("Content-Type", "application/x-www-form-urlencoded")
        .putHeader("Accept", "application/json")
        .sendBuffer(Buffer.buffer(form(apiKey, request)))
        .recover(e -> {
          LOG.info("Open311 request {} not answered: {}", ref, e.getClass().getSimpleName());
          return Future.failedFuture(HubAnswers.unreachable(ref, e));
        })
        .compose(response -> outcome(ref, response));
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
