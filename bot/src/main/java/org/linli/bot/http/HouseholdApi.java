package org.linli.bot.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import java.util.List;
import java.util.Locale;
import org.linli.bot.household.Household;
import org.linli.bot.household.HouseholdCsv;
import org.linli.bot.household.HouseholdRegister;
import org.linli.bot.household.RegisterPreview;
import org.linli.bot.household.Registers;

/**
 * The moderators' REST API for the household register (bearer admin token): import the register
 * as CSV, list it (names and phone numbers masked), and issue one-time binding codes. A file with
 * any problem is refused whole, naming each line, and the stored register stays as it was. Each
 * call works on the register of its community ({@link CommunityScope}).
 */
public final class HouseholdApi {

  /** Largest CSV accepted: about 50 000 households. */
  public static final int MAX_CSV_BYTES = 4 * 1024 * 1024;

  private static final List<String> CSV_TYPES = List.of("text/csv", "text/plain", "application/csv",
      "application/vnd.ms-excel", "text/comma-separated-values");

  private final Registers registers;
  private final BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_CSV_BYTES);

  public HouseholdApi(Registers registers) {
    this.registers = registers;
  }

  private HouseholdRegister register(RoutingContext ctx) {
    return registers.of(CommunityScope.of(ctx));
  }

  /**
   * Reads a CSV request body (up to {@link #MAX_CSV_BYTES}); refuses other content types before
   * reading anything. Mount it before {@link #importCsv}.
   */
  public Handler<RoutingContext> csvBody() {
    return ctx -> {
      String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
      String mime = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      if (!mime.isEmpty() && !CSV_TYPES.contains(mime)) {
        ctx.fail(new HttpException(415, "Send the register as the CSV file itself, with Content-Type: text/csv (got "
            + mime + "); the first line is a header such as " + HouseholdCsv.EXAMPLE_HEADER));
        return;
      }
      String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
      if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAX_CSV_BYTES) {
        ctx.fail(new HttpException(413, "The file is larger than 4 MiB; split it into several files and import each"
            + " (an import adds to the register and updates households already on it)"));
        return;
      }
      body.handle(ctx);
    };
  }

  /** {@code POST /api/v1/households}: adds or updates the households of a CSV file, all or none. */
  public void importCsv(RoutingContext ctx) {
    String csv;
    try {
      csv = HouseholdCsv.decode(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
    } catch (HouseholdCsv.Invalid e) {
      ctx.fail(new HttpException(400, "Nothing was imported: " + e.getMessage()));
      return;
    }
    register(ctx).importCsv(csv)
        .onSuccess(result -> Routes.json(ctx, new JsonObject()
            .put("imported", result.imported())
            .put("added", result.added())
            .put("updated", result.updated())
            .put("households", result.households())
            .put("ignoredColumns", new JsonArray(result.ignoredColumns()))))
        .onFailure(e -> ctx.fail(e instanceof HouseholdCsv.Invalid
            ? new HttpException(400, "Nothing was imported: " + e.getMessage())
            : e));
  }

  /**
   * {@code POST /api/v1/households/preview}: what importing the CSV body would change, with nothing
   * stored — {@code {"valid", "problems": [sentence], "added": [household], "changed": [{"id",
   * "label", "fields": {field: [before, after]}}], "unchanged", "ignoredColumns"}}.
   */
  public void previewCsv(RoutingContext ctx) {
    String csv;
    try {
      csv = HouseholdCsv.decode(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
    } catch (HouseholdCsv.Invalid e) {
      Routes.json(ctx, new JsonObject().put("valid", false).put("problems", new JsonArray(e.problems())));
      return;
    }
    RegisterPreview.of(register(ctx), csv).onSuccess(p -> {
      JsonArray added = new JsonArray();
      p.added().forEach(h -> added.add(new JsonObject().put("id", h.id()).put("label", h.label())
          .put("area", h.areaSquareMetres()).put("owners", h.owners())));
      JsonArray changed = new JsonArray();
      p.changed().forEach(c -> {
        JsonObject fields = new JsonObject();
        c.fields().forEach((name, values) -> fields.put(name, new JsonArray(values)));
        changed.add(new JsonObject().put("id", c.household().id()).put("label", c.household().label())
            .put("fields", fields));
      });
      Routes.json(ctx, new JsonObject().put("valid", p.valid()).put("problems", new JsonArray(p.problems()))
          .put("added", added).put("changed", changed).put("unchanged", p.unchanged())
          .put("ignoredColumns", new JsonArray(p.ignoredColumns())));
    }).onFailure(ctx::fail);
  }

  /** {@code GET /api/v1/households}: the register, names and phone numbers in masked form only. */
  public void list(RoutingContext ctx) {
    register(ctx).list()
        .onSuccess(list -> {
          JsonArray rows = new JsonArray();
          long area = 0;
          int bound = 0;
          for (HouseholdRegister.Listed l : list) {
            Household h = l.household();
            area += h.areaHundredths();
            bound += l.boundMembers() > 0 ? 1 : 0;
            rows.add(new JsonObject()
                .put("id", h.id())
                .put("label", h.label())
                .put("building", h.building())
                .put("unit", h.unit())
                .put("room", h.room())
                .put("area", h.areaSquareMetres())
                .put("owners", h.owners())
                .put("names", h.maskedNames())
                .put("phones", h.maskedPhones())
                .put("boundMembers", l.boundMembers()));
          }
          Routes.json(ctx, new JsonObject()
              .put("households", list.size())
              .put("area", area / 100.0)
              .put("boundHouseholds", bound)
              .put("list", rows));
        })
        .onFailure(ctx::fail);
  }

  /**
   * {@code POST /api/v1/households/codes} {@code {"building", "unboundOnly"}}: a new one-time code for
   * every household of the building (those without a bound member only, when {@code unboundOnly}),
   * for printed slips — {@code {"building", "codes": [{"household", "label", "code", "expiresAt"}]}},
   * by household id; 404 when no household of the register is in that building.
   */
  public void issueCodesForBuilding(RoutingContext ctx) {
    JsonObject body = RequestBodies.jsonObject(ctx, "{\"building\":\"3\",\"unboundOnly\":true}");
    if (!(body.getValue("building") instanceof String building) || building.isBlank() || building.length() > 32) {
      ctx.fail(new HttpException(400, "\"building\" must be the building as the register writes it, e.g. \"3\""));
      return;
    }
    if (body.containsKey("unboundOnly") && !(body.getValue("unboundOnly") instanceof Boolean)) {
      ctx.fail(new HttpException(400, "\"unboundOnly\" must be true or false"));
      return;
    }
    boolean unboundOnly = body.getBoolean("unboundOnly", false);
    HouseholdRegister register = register(ctx);
    register.list().compose(list -> {
      List<Household> chosen = list.stream()
          .filter(l -> l.household().building().equals(building.strip()))
          .filter(l -> !unboundOnly || l.boundMembers() == 0)
          .map(HouseholdRegister.Listed::household)
          .toList();
      if (chosen.isEmpty()) {
        return Future.<JsonArray>failedFuture(new HttpException(404, "No household of the register is in building "
            + building.strip() + (unboundOnly ? " without a bound member" : "")));
      }
      // One after the other: a building of a few hundred households, not a burst of scripts.
      Future<JsonArray> codes = Future.succeededFuture(new JsonArray());
      for (Household h : chosen) {
        codes = codes.compose(out -> register.issueCode(h.id()).map(code -> out.add(new JsonObject()
            .put("household", h.id()).put("label", h.label()).put("code", code.code())
            .put("expiresAt", code.expiresAt().toString()))));
      }
      return codes;
    }).onSuccess(codes -> ctx.response()
        .setStatusCode(201)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(new JsonObject().put("building", building.strip()).put("codes", codes).encode()))
        .onFailure(ctx::fail);
  }

  /** {@code POST /api/v1/households/:id/codes}: a new one-time binding code for the household. */
  public void issueCode(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!Household.ID.matcher(id).matches()) {
      ctx.fail(new HttpException(404, "There is no household with that id on the register"));
      return;
    }
    register(ctx).issueCode(id)
        .onSuccess(code -> ctx.response()
            .setStatusCode(201)
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
            // A code is a credential until used: no cache may keep it.
            .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
            .end(new JsonObject()
                .put("household", code.household())
                .put("code", code.code())
                .put("expiresAt", code.expiresAt().toString())
                .encode()))
        .onFailure(e -> ctx.fail(e instanceof HouseholdRegister.UnknownHousehold
            ? new HttpException(404, "There is no household " + id + " on the register; import it first")
            : e));
  }

  /**
   * {@code GET /api/v1/households/:id/members}: the chat identities bound to the household and its
   * binding events, newest first.
   */
  public void members(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    register(ctx).bindingsOf(id).onSuccess(found -> {
      if (found == null) {
        ctx.fail(new HttpException(404, "There is no household " + id + " on the register"));
        return;
      }
      Routes.json(ctx, new JsonObject().put("household", id).put("members", new JsonArray(found.members()))
          .put("events", new JsonArray(found.events())));
    }).onFailure(ctx::fail);
  }

  /**
   * {@code DELETE /api/v1/households/:id/members?identity=platform:user}: takes that binding back;
   * 404 when the identity is not bound to the household.
   */
  public void unbind(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String identity = ctx.queryParams().get("identity");
    if (identity == null || identity.isBlank()) {
      ctx.fail(new HttpException(400, "Name the binding to take back: ?identity=<platform>:<user id>"));
      return;
    }
    register(ctx).unbind(id, identity.strip(), AdminAuth.actor(ctx)).onSuccess(revoked -> {
      if (revoked) {
        Routes.json(ctx, new JsonObject().put("household", id).put("identity", identity.strip()).put("unbound", true));
      } else {
        ctx.fail(new HttpException(404, identity.strip() + " is not bound to household " + id));
      }
    }).onFailure(ctx::fail);
  }
}
