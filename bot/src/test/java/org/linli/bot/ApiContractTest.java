package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.mediatype.ContentAnalyser;
import io.vertx.openapi.mediatype.ContentAnalyserFactory;
import io.vertx.openapi.mediatype.MediaTypeRegistration;
import io.vertx.openapi.mediatype.MediaTypeRegistry;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import io.vertx.openapi.validation.ValidationContext;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real responses of the main routes, taken from a running service, validate against the shipped
 * OpenAPI document ({@code bot/src/main/resources/openapi.yaml}) with vertx-openapi.
 */
class ApiContractTest extends WithHubAndChatApp {

  @TempDir
  Path data;

  private Vertx vertx;
  private OpenAPIContract contract;
  private ResponseValidator validator;
  private final List<String> validated = new ArrayList<>();

  @BeforeEach
  void read_the_contract() {
    vertx = Vertx.vertx();
    contract = RunningService.await(OpenAPIContract.builder(vertx).setContractPath("openapi.yaml")
        .mediaTypeRegistry(MediaTypeRegistry.createDefault().register(new WholeText())).build());
    validator = ResponseValidator.create(vertx, contract);
  }

  @AfterEach
  void close() {
    RunningService.await(vertx.close());
  }

  /** Validates {@code response} as an answer of {@code operationId} and returns it. */
  private HttpResponse<Buffer> valid(String operationId, HttpResponse<Buffer> response) {
    // The document names media types without parameters (charset, version): compare the type itself.
    String header = response.getHeader("Content-Type");
    String type = header == null ? "" : header.split(";")[0].strip();
    ValidatableResponse actual = ValidatableResponse.create(response.statusCode(),
        Map.of("Content-Type", type), response.body(), type);
    try {
      RunningService.await(validator.validate(actual, operationId));
    } catch (RuntimeException e) {
      throw new AssertionError(operationId + " " + response.statusCode() + " does not fit the document: "
          + e.getMessage() + "\n" + response.bodyAsString(), e);
    }
    validated.add(operationId + " " + response.statusCode());
    return response;
  }

  @Test
  void responses_of_the_main_routes_fit_the_openapi_document() {
    try (RunningService service = RunningService.start(data, helplineEnv())) {
      valid("health", service.get("/health", null));
      valid("live", service.get("/health/live", null));
      valid("ready", service.get("/health/ready", null));
      valid("ask", service.post("/api/v1/ask", new JsonObject().put("text", "居住证怎么办理").encode(), null));
      valid("ask", service.post("/api/v1/ask", new JsonObject().put("text", "今天吃什么好呢").encode(), null));
      valid("ask", service.post("/api/v1/ask", "{}", null));

      JsonObject draft = new JsonObject().put("channel", "generic").put("chat", "g1").put("question", "周六活动室开放时间")
          .put("options", new JsonArray().add("上午").add("下午")).put("scale", "small").put("rule", "majority")
          .put("closesAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withNano(0).toString());
      String poll = valid("createPoll", service.post("/api/v1/polls", draft.encode(), RunningService.ADMIN))
          .bodyAsJsonObject().getString("id");
      valid("createPoll", service.post("/api/v1/polls", draft.encode(), null));
      service.say("g1", "u1", null, "vote:" + poll + ":1");
      valid("getPoll", service.get("/api/v1/polls/" + poll, RunningService.ADMIN));
      valid("pollResults", service.get("/api/v1/polls/" + poll + "/results", RunningService.ADMIN));
      valid("pollResults", service.get("/api/v1/polls/nope/results", RunningService.ADMIN));
      valid("closePoll", service.post("/api/v1/polls/" + poll + "/close", "", RunningService.ADMIN));
      valid("addFollowUp", service.post("/api/v1/polls/" + poll + "/followups",
          new JsonObject().put("text", "已联系施工方").encode(), RunningService.ADMIN));
      valid("getFollowUp", service.get("/api/v1/polls/" + poll + "/followups", RunningService.ADMIN));

      String proposal = valid("createProposal", service.post("/api/v1/proposals", new JsonObject()
          .put("channel", "generic").put("chat", "g1").put("title", "小区加装充电桩").put("proposer", "generic:u1")
          .encode(), RunningService.ADMIN)).bodyAsJsonObject().getString("id");
      valid("listProposals", service.get("/api/v1/proposals", RunningService.ADMIN));
      valid("getProposal", service.get("/api/v1/proposals/" + proposal, RunningService.ADMIN));
      valid("acceptProposal", service.post("/api/v1/proposals/" + proposal + "/accept", "", RunningService.ADMIN));
      valid("declineProposal", service.post("/api/v1/proposals/" + proposal + "/decline",
          new JsonObject().put("reason", "本年度预算已用完").encode(), RunningService.ADMIN));

      valid("importHouseholds", RunningService.await(service.client.post("/api/v1/households")
          .putHeader("Content-Type", "text/csv; charset=utf-8")
          .putHeader("Authorization", "Bearer " + RunningService.ADMIN)
          .sendBuffer(Buffer.buffer("户号,楼栋,单元,房号,建筑面积,业主人数,业主姓名,联系电话\n"
              + "7-1-301,7,1,301,88.88,2,\"赵六, 钱七\",13900001111\n"))));
      valid("listHouseholds", service.get("/api/v1/households", RunningService.ADMIN));
      valid("listHouseholdsInCommunity", service.get("/api/v1/communities/default/households", RunningService.ADMIN));
      valid("listHouseholdsInCommunity", service.get("/api/v1/communities/nowhere/households", RunningService.ADMIN));
      valid("listPolls", service.get("/api/v1/polls", RunningService.ADMIN));
      valid("getPollInCommunity", service.get("/api/v1/communities/default/polls/" + poll, RunningService.ADMIN));
      valid("issueBindingCode", service.post("/api/v1/households/7-1-301/codes", "", RunningService.ADMIN));
      valid("issueBindingCode", service.post("/api/v1/households/no-such/codes", "", RunningService.ADMIN));

      JsonObject reply = service.say("g1", "u1", "/help 3号楼楼道灯坏了，电话13812345678", null).getJsonObject(0);
      String receipt = reply.getString("text").replaceAll("(?s).*回执号：(\\d{8}-\\d{4}).*", "$1");
      valid("listTickets", service.get("/api/v1/tickets", HUB_TOKEN));
      valid("listTickets", service.get("/api/v1/tickets?status=nothing", HUB_TOKEN));
      valid("getTicket", service.get("/api/v1/tickets/" + receipt, HUB_TOKEN));
      valid("getTicket", service.get("/api/v1/tickets/" + receipt, null));
      valid("setTicketCategory", service.post("/api/v1/tickets/" + receipt + "/category",
          new JsonObject().put("category", "repair").encode(), HUB_TOKEN));
      valid("hubCallback", hubCall(service, new JsonObject().put("type", "ticket.status").put("data",
          new JsonObject().put("receipt", receipt).put("status", "dispatched").put("note", "已派物业电工"))));
      valid("evaluateTicket", service.post("/api/v1/tickets/" + receipt + "/evaluation",
          new JsonObject().put("score", 4).put("comment", "及时").encode(), HUB_TOKEN));
      valid("ticketStats", service.get("/api/v1/stats", HUB_TOKEN));
      valid("listTicketsInCommunity", service.get("/api/v1/communities/default/tickets", HUB_TOKEN));
      valid("listTicketsInCommunity", service.get("/api/v1/communities/nowhere/tickets", HUB_TOKEN));
      valid("getTicketInCommunity", service.get("/api/v1/communities/default/tickets/" + receipt, HUB_TOKEN));
      valid("ticketStatsInCommunity", service.get("/api/v1/communities/default/stats", HUB_TOKEN));
      valid("ticketQueueInCommunity", service.get("/api/v1/communities/default/tickets/queue", HUB_TOKEN));
      valid("ticketQueue", service.get("/api/v1/tickets/queue", HUB_TOKEN));
      valid("ticketQueue", service.get("/api/v1/tickets/queue?limit=0", HUB_TOKEN));
      valid("setTicketStatus", service.post("/api/v1/tickets/" + receipt + "/status",
          new JsonObject().put("status", "in_progress").put("note", "电工已到").encode(), HUB_TOKEN));
      valid("setTicketStatus", service.post("/api/v1/tickets/" + receipt + "/status",
          new JsonObject().put("status", "received").encode(), HUB_TOKEN));
      valid("replyToResident", service.post("/api/v1/tickets/" + receipt + "/replies",
          new JsonObject().put("text", "师傅下午三点到").encode(), HUB_TOKEN));
      valid("replyToResident", service.post("/api/v1/tickets/" + receipt + "/replies",
          new JsonObject().put("text", "").encode(), HUB_TOKEN));
      valid("mergeTicket", service.post("/api/v1/tickets/" + receipt + "/merge",
          new JsonObject().put("into", receipt).encode(), HUB_TOKEN));
      // The validator reads JSON bodies only: for the CSV export, its status and type.
      var csv = service.get("/api/v1/tickets.csv", HUB_TOKEN);
      assertThat(csv.statusCode()).isEqualTo(200);
      assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");

      valid("previewHouseholds", RunningService.await(service.client.post("/api/v1/households/preview")
          .putHeader("Content-Type", "text/csv").putHeader("Authorization", "Bearer " + RunningService.ADMIN)
          .sendBuffer(Buffer.buffer("household,building,unit,room,area,owners\n7-1-302,7,1,302,90,1\n"))));
      valid("issueBuildingCodes", service.post("/api/v1/households/codes", "{\"building\":\"7\"}",
          RunningService.ADMIN));
      valid("issueBuildingCodes", service.post("/api/v1/households/codes", "{\"building\":\"99\"}",
          RunningService.ADMIN));
      valid("grantModerator", service.post("/api/v1/moderators",
          new JsonObject().put("platform", "generic").put("chat", "g1").put("user", "wang").encode(),
          RunningService.ADMIN));
      valid("grantModerator", service.post("/api/v1/moderators", "{\"platform\":\"\"}", RunningService.ADMIN));
      valid("listModerators", service.get("/api/v1/moderators", RunningService.ADMIN));
      valid("createCommunity", service.post("/api/v1/communities", new JsonObject().put("id", "xinghe")
          .put("name", "星河社区").put("office", new JsonObject().put("address", "星河路 18 号")).encode(),
          RunningService.ADMIN));
      valid("createCommunity", service.post("/api/v1/communities", "{\"id\":\"xinghe\",\"name\":\"又一个\"}",
          RunningService.ADMIN));
      valid("addCommunityChat", service.post("/api/v1/communities/xinghe/chats",
          "{\"platform\":\"generic\",\"chat\":\"xh-1\"}", RunningService.ADMIN));
      valid("addCommunityChat", service.post("/api/v1/communities/xinghe/chats",
          "{\"platform\":\"generic\",\"chat\":\"xh-1\"}", RunningService.ADMIN));
      valid("listCommunities", service.get("/api/v1/communities", HUB_TOKEN));
      valid("getCommunity", service.get("/api/v1/communities/xinghe", RunningService.ADMIN));
      valid("getCommunity", service.get("/api/v1/communities/nowhere", RunningService.ADMIN));
      valid("updateCommunity", service.put("/api/v1/communities/xinghe",
          "{\"office\":{\"phone\":\"021-5555 0101\"}}", RunningService.ADMIN));
      valid("removeCommunityChat", service.delete("/api/v1/communities/xinghe/chats?platform=generic&chat=xh-1",
          RunningService.ADMIN));
      valid("removeCommunityChat", service.delete("/api/v1/communities/xinghe/chats?platform=generic&chat=xh-1",
          RunningService.ADMIN));
      valid("revokeModerator", service.delete("/api/v1/moderators?platform=generic&chat=g1&user=wang",
          RunningService.ADMIN));
      valid("revokeModerator", service.delete("/api/v1/moderators?platform=generic&chat=g1&user=wang",
          RunningService.ADMIN));
      valid("listGuides", service.get("/api/v1/guides", RunningService.ADMIN));
      String guide = service.ask("居住证怎么办理").getJsonObject("entry").getString("id");
      String markdown = valid("getGuide", service.get("/api/v1/guides/" + guide, RunningService.ADMIN))
          .bodyAsJsonObject().getString("markdown");
      valid("getGuide", service.get("/api/v1/guides/no-such-guide", RunningService.ADMIN));
      valid("previewGuide", service.post("/api/v1/guides/preview",
          new JsonObject().put("id", guide).put("markdown", markdown).encode(), RunningService.ADMIN));
      valid("previewGuide", service.post("/api/v1/guides/preview",
          new JsonObject().put("id", guide).put("markdown", "没有前言").encode(), RunningService.ADMIN));
      valid("publishGuide", service.put("/api/v1/guides/" + guide, new JsonObject().put("markdown", markdown).encode(),
          RunningService.ADMIN));
      valid("publishGuide", service.put("/api/v1/guides/" + guide, new JsonObject().put("markdown", "x").encode(),
          RunningService.ADMIN));
      valid("restoreGuide", service.post("/api/v1/guides/" + guide + "/restore", "", RunningService.ADMIN));
      valid("withdrawGuide", service.delete("/api/v1/guides/no-such-guide", RunningService.ADMIN));

      valid("deadLetters", service.get("/api/v1/outbox/hub/dead", RunningService.ADMIN));
      valid("deadLetters", service.get("/api/v1/outbox/nowhere/dead", RunningService.ADMIN));
      valid("replayDeadLetter", service.post("/api/v1/outbox/hub/dead/nothing/replay", "", RunningService.ADMIN));
      valid("resumeHub", service.post("/api/v1/hub/resume", "", RunningService.ADMIN));
      valid("metrics", service.get("/metrics", RunningService.ADMIN));
      valid("openapi", service.get("/openapi.yaml", null));

      hub.await(c -> c.json().getString("type").equals("ticket.evaluated"), 15);
      List<String> events = new ArrayList<>();
      for (var call : hub.received()) {
        JsonObject event = call.json();
        events.add(event.getString("type"));
        var result = webhook(event.getString("type")).validate(event);
        assertThat(result.getValid()).as("%s fits the document's webhooks: %s\n%s", event.getString("type"),
            result.getErrors(), event.encode()).isTrue();
      }
      assertThat(events).contains("ticket.created", "ticket.evaluated");
    }
    assertThat(validated).hasSizeGreaterThan(35);
  }

  /** The schema of the hub event {@code type} under the document's {@code webhooks}, its references resolved in it. */
  private static Validator webhook(String type) {
    JsonObject document;
    try (var in = ApiContractTest.class.getResourceAsStream("/openapi.yaml")) {
      document = new JsonObject(new ObjectMapper(new YAMLFactory()).readValue(in, Map.class));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(document.getJsonObject("webhooks").fieldNames()).contains(type);
    document.put("$ref", "#/webhooks/" + type + "/post/requestBody/content/application~1json/schema");
    return Validator.create(JsonSchema.of(document),
        new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("https://linli.example/openapi.yaml"));
  }

  /** The documents that are text but not plain (the YAML document, CSV): validated by type, not content. */
  private static final class WholeText implements MediaTypeRegistration {
    private static final List<String> TYPES = List.of("application/yaml", "text/csv");

    @Override
    public ContentAnalyser createContentAnalyser(String contentType, Buffer content, ValidationContext context) {
      return ContentAnalyserFactory.noop().create(contentType, content, context);
    }

    @Override
    public boolean canHandle(String mediaType) {
      return TYPES.stream().anyMatch(mediaType::startsWith);
    }

    @Override
    public List<String> supportedTypes() {
      return TYPES;
    }
  }

  private static HttpResponse<Buffer> hubCall(RunningService service, JsonObject event) {
    return hubCallback(service, "msg_" + System.nanoTime(), event);
  }
}
