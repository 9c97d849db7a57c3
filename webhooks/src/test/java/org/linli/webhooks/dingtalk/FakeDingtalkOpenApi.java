package org.linli.webhooks.dingtalk;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DingTalk's OpenAPI on loopback, as far as Linli's cards use it: a real Vert.x HTTP server issuing
 * access tokens ({@code at-1}, {@code at-2} ...) for one app ({@code POST /v1.0/oauth2/accessToken}),
 * refusing calls without a valid {@code x-acs-dingtalk-access-token} (401), registering callback
 * URLs by route key, and creating cards ({@code POST /v1.0/card/instances/createAndDeliver}) whose
 * request it checks against the documented schema (400 {@code param.invalid} naming the field).
 *
 * <p>It also plays the DingTalk client: {@link #press} posts the documented {@code actionCallback}
 * for a button of a card it holds to the URL registered under the card's route key, signed by the
 * documented rule ({@code x-ddpaas-signature} = Base64(HmacSHA256(apiSecret, timestamp)), written
 * here from the documentation's Java snippet), and returns DingTalk's view of the answer. Public
 * for the bot's end-to-end tests (through the webhooks test-jar).
 */
public final class FakeDingtalkOpenApi {

  public static final String APP_KEY = "dingabcdefghijklmn";
  public static final String APP_SECRET = "app-secret-for-card-tests";

  /** The paths of callback registration and of card delivery. */
  public static final String REGISTER = "/v1.0/card/callbacks/register";
  public static final String CREATE = "/v1.0/card/instances/createAndDeliver";

  /** One call as the API received it. */
  public record Call(String path, String token, JsonObject json) {
  }

  /** A scripted answer to a card call. */
  record Answer(int status, Map<String, String> headers, JsonObject body) {
    static Answer code(int status, String code) {
      return new Answer(status, Map.of(), new JsonObject().put("code", code).put("message", "scripted " + code));
    }
  }

  /** A registered callback. */
  public record Route(String url, String apiSecret) {
  }

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Set<String> valid = ConcurrentHashMap.newKeySet();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final Map<String, JsonObject> cards = new ConcurrentHashMap<>();
  private final AtomicInteger issued = new AtomicInteger();
  private final Deque<Answer> script = new ArrayDeque<>();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private HttpServer server;
  private WebClient client;

  /** Keeps {@code bytes} as the picture of {@code downloadCode}, served through a download URL. */
  public FakeDingtalkOpenApi file(String downloadCode, byte[] bytes) {
    files.put(downloadCode, bytes);
    return this;
  }

  public Future<FakeDingtalkOpenApi> start(Vertx vertx) {
    client = WebClient.create(vertx);
    return vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1").map(s -> {
      server = s;
      return this;
    });
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public List<Call> calls(String path) {
    return calls.stream().filter(c -> c.path().equals(path)).toList();
  }

  /** The card created as {@code outTrackId}, as its createAndDeliver request gave it. */
  public JsonObject card(String outTrackId) {
    return cards.get(outTrackId);
  }

  /** Registers a callback route directly, as the office would in the console. */
  void route(String routeKey, String url, String apiSecret) {
    routes.put(routeKey, new Route(url, apiSecret));
  }

  synchronized void answerCards(Answer... answers) {
    script.clear();
    script.addAll(List.of(answers));
  }

  void revokeTokens() {
    valid.clear();
  }

  /**
   * The member {@code userId} presses button {@code index} of card {@code outTrackId}: DingTalk
   * posts the callback, signed at {@code timestampMillis}, and this returns the answer Linli gave.
   */
  public Future<HttpResponse<Buffer>> press(String outTrackId, int index, String userId, long timestampMillis) {
    JsonObject card = cards.get(outTrackId);
    Route route = routes.get(card.getString("callbackRouteKey"));
    JsonArray buttons = new JsonArray(
        card.getJsonObject("cardData").getJsonObject("cardParamMap").getString("buttons"));
    String payload = buttons.getJsonObject(index).getString("payload");
    return post(route, callbackBody(outTrackId, userId, payload), timestampMillis);
  }

  /** Posts {@code body} to {@code route} signed with its apiSecret, as DingTalk does. */
  public Future<HttpResponse<Buffer>> post(Route route, String body, long timestampMillis) {
    String timestamp = Long.toString(timestampMillis);
    return client.postAbs(route.url())
        .putHeader("Content-Type", "application/json")
        .putHeader("x-ddpaas-signature-timestamp", timestamp)
        .putHeader("x-ddpaas-signature", documentedSignature(route.apiSecret(), timestampMillis))
        .sendBuffer(Buffer.buffer(body));
  }

  public Route routeOf(String outTrackId) {
    return routes.get(cards.get(outTrackId).getString("callbackRouteKey"));
  }

  /** The callback body as the documentation shows it: {@code content} is a JSON string. */
  public static String callbackBody(String outTrackId, String userId, String payload) {
    JsonObject content = new JsonObject().put("cardPrivateData", new JsonObject()
        .put("actionIds", new JsonArray().add("press"))
        .put("params", new JsonObject().put("payload", payload)));
    return new JsonObject()
        .put("type", "actionCallback")
        .put("outTrackId", outTrackId)
        .put("corpId", "ding9f50b15bccd16741")
        .put("userId", userId)
        .put("content", content.encode())
        .encode();
  }

  /** The documentation's calcSignature(apiSecret, ts): HmacSHA256 over the decimal timestamp, Base64. */
  static String documentedSignature(String apiSecret, long ts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      SecretKeySpec key = new SecretKeySpec(apiSecret.getBytes(), "HmacSHA256");
      mac.init(key);
      return Base64.getEncoder().encodeToString(mac.doFinal(Long.toString(ts).getBytes()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private synchronized Answer nextScripted() {
    return script.poll();
  }

  private void handle(HttpServerRequest request) {
    if (request.path().startsWith("/files/")) {
      byte[] bytes = files.get(request.path().substring("/files/".length()));
      request.response().setStatusCode(bytes == null ? 404 : 200).putHeader("Content-Type", "image/jpeg")
          .end(bytes == null ? Buffer.buffer() : Buffer.buffer(bytes));
      return;
    }
    request.body().onSuccess(body -> {
      JsonObject json = body.length() > 0 ? new JsonObject(body.toString(StandardCharsets.UTF_8)) : null;
      String token = request.getHeader("x-acs-dingtalk-access-token");
      calls.add(new Call(request.path(), token, json));
      answer(request, json, token);
    });
  }

  private void answer(HttpServerRequest request, JsonObject json, String token) {
    if (request.path().equals("/v1.0/oauth2/accessToken")) {
      if (json == null || !APP_KEY.equals(json.getString("appKey"))
          || !APP_SECRET.equals(json.getString("appSecret"))) {
        reply(request, Answer.code(400, "invalidClientIdOrSecret"));
        return;
      }
      String issuedToken = "at-" + issued.incrementAndGet();
      valid.add(issuedToken);
      reply(request, new Answer(200, Map.of(), new JsonObject().put("accessToken", issuedToken).put("expireIn", 7200)));
      return;
    }
    if (token == null || !valid.contains(token)) {
      reply(request, Answer.code(401, "InvalidAuthentication"));
      return;
    }
    switch (request.path()) {
      case DingtalkFiles.DOWNLOAD -> {
        String code = json.getString("downloadCode", "");
        if (!files.containsKey(code) || !APP_KEY.equals(json.getString("robotCode"))) {
          reply(request, Answer.code(400, "resource.not.found"));
          return;
        }
        reply(request, new Answer(200, Map.of(), new JsonObject().put("downloadUrl", url() + "/files/" + code)));
      }
      case REGISTER -> {
        routes.put(json.getString("callbackRouteKey"),
            new Route(json.getString("callbackUrl"), json.getString("apiSecret")));
        reply(request, new Answer(200, Map.of(), new JsonObject().put("success", true).put("result",
            new JsonObject().put("callbackUrl", json.getString("callbackUrl")).put("apiSecret",
                json.getString("apiSecret")))));
      }
      case CREATE -> {
        Answer scripted = nextScripted();
        if (scripted != null) {
          reply(request, scripted);
          return;
        }
        String wrong = schemaViolation(json);
        if (wrong != null) {
          reply(request,
              new Answer(400, Map.of(), new JsonObject().put("code", "param.invalid").put("message", wrong)));
          return;
        }
        cards.put(json.getString("outTrackId"), json);
        String space = json.getString("openSpaceId").substring("dtv1.card//IM_GROUP.".length());
        reply(request, new Answer(200, Map.of(), new JsonObject().put("success", true).put("result", new JsonObject()
            .put("outTrackId", json.getString("outTrackId"))
            .put("deliverResults", new JsonArray().add(new JsonObject()
                .put("spaceType", "IM_GROUP").put("spaceId", space).put("success", true)
                .put("carrierId", "carrier-1"))))));
      }
      default -> reply(request, Answer.code(404, "notFound"));
    }
  }

  /**
   * What in a createAndDeliver request to a group breaks the documented schema, or null: required
   * {@code cardTemplateId}, {@code outTrackId}, {@code cardData.cardParamMap} with string values
   * only, {@code openSpaceId} {@code dtv1.card//IM_GROUP.<openConversationId>}, {@code
   * imGroupOpenSpaceModel.supportForward} when that model is given, {@code
   * imGroupOpenDeliverModel.robotCode}, {@code callbackType} STREAM or HTTP (upper case) and a
   * {@code callbackRouteKey} registered before for HTTP.
   */
  private String schemaViolation(JsonObject json) {
    List<String> wrong = new ArrayList<>();
    for (String field : List.of("cardTemplateId", "outTrackId", "openSpaceId")) {
      if (!(json.getValue(field) instanceof String s) || s.isBlank()) {
        wrong.add(field);
      }
    }
    JsonObject params = json.getJsonObject("cardData", new JsonObject()).getJsonObject("cardParamMap");
    if (params == null || params.stream().anyMatch(e -> !(e.getValue() instanceof String))) {
      wrong.add("cardData.cardParamMap");
    }
    if (!String.valueOf(json.getValue("openSpaceId")).startsWith("dtv1.card//IM_GROUP.")) {
      wrong.add("openSpaceId");
    }
    JsonObject space = json.getJsonObject("imGroupOpenSpaceModel");
    if (space != null && !(space.getValue("supportForward") instanceof Boolean)) {
      wrong.add("imGroupOpenSpaceModel.supportForward");
    }
    JsonObject deliver = json.getJsonObject("imGroupOpenDeliverModel");
    if (deliver == null || !APP_KEY.equals(deliver.getString("robotCode"))) {
      wrong.add("imGroupOpenDeliverModel.robotCode");
    }
    String callbackType = json.getString("callbackType");
    if (callbackType != null && !Set.of("STREAM", "HTTP").contains(callbackType)) {
      wrong.add("callbackType");
    }
    if ("HTTP".equals(callbackType) && !routes.containsKey(json.getString("callbackRouteKey", ""))) {
      wrong.add("callbackRouteKey");
    }
    if (json.containsKey("userIdType") && !Set.of(1, 2).contains(json.getInteger("userIdType"))) {
      wrong.add("userIdType");
    }
    return wrong.isEmpty() ? null : String.join(", ", wrong);
  }

  private static void reply(HttpServerRequest request, Answer answer) {
    answer.headers().forEach(request.response()::putHeader);
    request.response().setStatusCode(answer.status()).putHeader("Content-Type", "application/json")
        .end(answer.body().encode());
  }
}
