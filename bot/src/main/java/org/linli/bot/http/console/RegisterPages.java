package org.linli.bot.http.console;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.RedisAPI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.linli.bot.community.Community;
import org.linli.bot.console.Role;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.errors.NotFound;
import org.linli.bot.household.BindingCode;
import org.linli.bot.household.Household;
import org.linli.bot.household.HouseholdCsv;
import org.linli.bot.household.HouseholdRegister;
import org.linli.bot.household.RegisterPreview;
import org.linli.bot.household.Registers;
import org.linli.bot.text.Text;

/**
 * The household register for moderators and admins: {@code GET /console/households} (search by
 * building or room, bound members per household, the upload and slip forms), {@code POST
 * …/preview} (a CSV file: what it would change, or every bad line; the file waits in Redis for 15
 * minutes under a random id, for the account that sent it), {@code POST …/import} (commits the
 * previewed file through {@link HouseholdRegister#importCsv}) and {@code POST …/slips} (one new
 * binding code per household of a building, as printable slips); {@code GET …/{id}} (one
 * household: its bound chat identities and binding events) and {@code POST …/{id}/unbind}
 * ({@code identity}: takes that binding back). Every page is of one community
 * ({@link ConsoleKit#inCommunity}, {@code ?c=}) and works on its register; a previewed file is
 * imported only into the community it was previewed in. Every change is audited.
 */
public final class RegisterPages implements ConsoleModule {

  static final String PAGE = ConsoleRoutes.PATH + "/households";
  /** The paths that take a file (read by {@link FormUploads}). */
  static final Set<String> UPLOADS = Set.of(PAGE + "/preview");
  private static final Set<Role> ROLES = Set.of(Role.ADMIN, Role.MODERATOR);
  private static final int KEEP_SECONDS = 15 * 60;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Registers registers;
  private final RedisAPI redis;

  private RegisterPages(Registers registers, RedisAPI redis) {
    this.registers = registers;
    this.redis = redis;
  }

  /** The module, for {@code LinliVerticle}. */
  public static ConsoleModule of(Registers registers, RedisAPI redis) {
    return new RegisterPages(registers, redis);
  }

  private HouseholdRegister register(RoutingContext ctx, ConsoleKit kit) {
    return registers.of(kit.community(ctx).id());
  }

  /** An audit line's target, led by the community ({@code c=xinghe …}) unless it is the default one. */
  static String audited(ConsoleKit kit, RoutingContext ctx, String target) {
    return kit.community(ctx).isDefault() ? target : "c=" + kit.community(ctx).id() + " " + target;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(new NavItem(PAGE, Text.CONSOLE_NAV_REGISTER, ROLES));
  }

  @Override
  public void mount(Router router, ConsoleKit kit) {
    router.get(PAGE).handler(kit.only(Role.ADMIN, Role.MODERATOR)).handler(kit.inCommunity())
        .handler(ctx -> list(ctx, kit));
    router.post(PAGE + "/preview").handler(kit.only(Role.ADMIN, Role.MODERATOR)).handler(kit.inCommunity())
        .handler(ctx -> preview(ctx, kit));
    router.post(PAGE + "/import").handler(kit.only(Role.ADMIN, Role.MODERATOR)).handler(kit.inCommunity())
        .handler(ctx -> commit(ctx, kit));
    router.post(PAGE + "/slips").handler(kit.only(Role.ADMIN, Role.MODERATOR)).handler(kit.inCommunity())
        .handler(ctx -> slips(ctx, kit));
    router.get(PAGE + "/:id").handler(kit.only(Role.ADMIN, Role.MODERATOR)).handler(kit.inCommunity())
        .handler(ctx -> household(ctx, kit));
    router.post(PAGE + "/:id/unbind").handler(kit.only(Role.ADMIN, Role.MODERATOR)).handler(kit.inCommunity())
        .handler(ctx -> unbind(ctx, kit));
  }

  /** One household: its record, the chat identities bound to it (each with 解除绑定) and its binding events. */
  private void household(RoutingContext ctx, ConsoleKit kit) {
    String id = ctx.pathParam("id");
    register(ctx, kit).bindingsOf(id).onSuccess(found -> {
      if (found == null) {
        ctx.fail(new NotFound(Text.CONSOLE_HOUSEHOLD_UNKNOWN.of(id)));
        return;
      }
      kit.page(ctx, "household.jte", found.household().label(), ConsoleRoutes.params("household",
          found.household(), "members", found.members(), "events", found.events(), "done",
          ctx.request().getParam("done", "")));
    }).onFailure(ctx::fail);
  }

  private void unbind(RoutingContext ctx, ConsoleKit kit) {
    String id = ctx.pathParam("id");
    String identity = ConsoleKit.form(ctx, "identity");
    register(ctx, kit).unbind(id, identity, kit.account(ctx).name()).compose(revoked -> revoked
        ? kit.audit(ctx, "household.unbind", audited(kit, ctx, id + " " + identity))
        : Future.failedFuture(new NotFound(Text.CONSOLE_HOUSEHOLD_NOT_BOUND.of(id))))
        .onSuccess(v -> ConsoleKit.seeOther(ctx, kit.link(ctx, PAGE + "/" + id + "?done=unbind")))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx, ConsoleKit kit) {
    String query = ctx.request().getParam("q", "").strip();
    register(ctx, kit).list().onSuccess(all -> {
      List<HouseholdRegister.Listed> shown = all.stream().filter(l -> matches(l.household(), query)).toList();
      long bound = all.stream().filter(l -> l.boundMembers() > 0).count();
      kit.page(ctx, "households.jte", Text.CONSOLE_NAV_REGISTER.of(), ConsoleRoutes.params("households", shown,
          "query", query, "total", all.size(), "bound", bound, "imported", ctx.request().getParam("imported", "")));
    }).onFailure(ctx::fail);
  }

  /** A household matches a search by its building, its room, its address or its id. */
  static boolean matches(Household h, String query) {
    if (query.isEmpty()) {
      return true;
    }
    String q = query.toLowerCase(Locale.ROOT);
    return h.building().toLowerCase(Locale.ROOT).equals(q) || h.room().toLowerCase(Locale.ROOT).contains(q)
        || h.label().toLowerCase(Locale.ROOT).contains(q) || h.id().toLowerCase(Locale.ROOT).contains(q);
  }

  private void preview(RoutingContext ctx, ConsoleKit kit) {
    Buffer file = FormUploads.file(ctx, "file");
    if (file == null || file.length() == 0) {
      ctx.fail(new BadRequest(Text.CONSOLE_REGISTER_NO_FILE.of()));
      return;
    }
    String csv;
    try {
      csv = HouseholdCsv.decode(file.getBytes());
    } catch (HouseholdCsv.Invalid e) {
      showPreview(ctx, kit, new RegisterPreview(e.problems(), List.of(), List.of(), 0, List.of()), "");
      return;
    }
    RegisterPreview.of(register(ctx, kit), csv).compose(p -> {
      if (!p.valid()) {
        return Future.succeededFuture(new Previewed(p, ""));
      }
      String id = HexFormat.of().formatHex(random());
      JsonObject kept = new JsonObject().put("account", kit.account(ctx).name())
          .put("community", kit.community(ctx).id()).put("csv", csv);
      return redis.setex(key(id), String.valueOf(KEEP_SECONDS), kept.encode()).map(ok -> new Previewed(p, id));
    }).onSuccess(shown -> showPreview(ctx, kit, shown.preview(), shown.upload())).onFailure(ctx::fail);
  }

  private record Previewed(RegisterPreview preview, String upload) {
  }

  private static byte[] random() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static void showPreview(RoutingContext ctx, ConsoleKit kit, RegisterPreview preview, String upload) {
    kit.page(ctx, preview.valid() ? 200 : 400, "households-preview.jte", Text.CONSOLE_REGISTER_PREVIEW.of(),
        ConsoleRoutes.params("preview", preview, "upload", upload));
  }

  private void commit(RoutingContext ctx, ConsoleKit kit) {
    String id = ConsoleKit.form(ctx, "upload");
    if (!id.matches("[0-9a-f]{32}")) {
      ctx.fail(new BadRequest(Text.CONSOLE_REGISTER_EXPIRED.of()));
      return;
    }
    String account = kit.account(ctx).name();
    String community = kit.community(ctx).id();
    redis.get(key(id)).compose(found -> {
      JsonObject kept = found == null ? null : new JsonObject(found.toString());
      // A file previewed before communities existed was the default community's.
      if (kept == null || !account.equals(kept.getString("account"))
          || !community.equals(kept.getString("community", Community.DEFAULT))) {
        return Future.failedFuture(new BadRequest(Text.CONSOLE_REGISTER_EXPIRED.of()));
      }
      return register(ctx, kit).importCsv(kept.getString("csv")).recover(e -> Future.failedFuture(
          e instanceof HouseholdCsv.Invalid invalid
              ? new BadRequest(Text.CONSOLE_REGISTER_REFUSED.of(
                  String.join("; ", invalid.problems())))
              : e));
    }).compose(result -> redis.del(List.of(key(id)))
        .compose(v -> kit.audit(ctx, "register.import", audited(kit, ctx, Text.CONSOLE_REGISTER_AUDIT.of(
            result.imported(), result.added(), result.updated()))))
        .map(v -> result.imported()))
        .onSuccess(imported -> ConsoleKit.seeOther(ctx, kit.link(ctx, PAGE + "?imported=" + imported)))
        .onFailure(ctx::fail);
  }

  private void slips(RoutingContext ctx, ConsoleKit kit) {
    String building = ConsoleKit.form(ctx, "building");
    boolean unboundOnly = !ConsoleKit.form(ctx, "unboundOnly").isEmpty();
    if (building.isEmpty() || building.length() > 32) {
      ctx.fail(new BadRequest(Text.CONSOLE_SLIPS_BUILDING.of()));
      return;
    }
    HouseholdRegister register = register(ctx, kit);
    register.list().compose(all -> {
      List<Household> chosen = all.stream().filter(l -> l.household().building().equals(building))
          .filter(l -> !unboundOnly || l.boundMembers() == 0).map(HouseholdRegister.Listed::household).toList();
      if (chosen.isEmpty()) {
        return Future.<List<Slip>>failedFuture(new NotFound(Text.CONSOLE_SLIPS_NONE.of(building)));
      }
      // One after the other, as the API does: a building of a few hundred households.
      Future<List<Slip>> slips = Future.succeededFuture(new ArrayList<>());
      for (Household h : chosen) {
        slips = slips.compose(out -> register.issueCode(h.id()).map(code -> {
          out.add(new Slip(h, code));
          return out;
        }));
      }
      return slips;
    }).compose(slips -> kit.audit(ctx, "register.codes",
        audited(kit, ctx, Text.CONSOLE_SLIPS_AUDIT.of(building, slips.size())))
        .map(v -> slips))
        .onSuccess(slips -> kit.page(ctx, 201, "slips.jte", Text.CONSOLE_SLIPS_TITLE.of(building),
            ConsoleRoutes.params("slips", slips)))
        .onFailure(ctx::fail);
  }

  /** One printed slip: the household and its new binding code. */
  public record Slip(Household household, BindingCode code) {
  }

  /** How the preview names a field of {@link RegisterPreview.Change#fields()}. */
  public static String fieldLabel(String field) {
    return switch (field) {
      case "building" -> Text.CONSOLE_REGISTER_FIELD_BUILDING.of();
      case "unit" -> Text.CONSOLE_REGISTER_FIELD_UNIT.of();
      case "room" -> Text.CONSOLE_REGISTER_FIELD_ROOM.of();
      case "area" -> Text.CONSOLE_REGISTER_FIELD_AREA.of();
      case "owners" -> Text.CONSOLE_REGISTER_FIELD_OWNERS.of();
      case "names" -> Text.CONSOLE_REGISTER_FIELD_NAMES.of();
      case "phones" -> Text.CONSOLE_REGISTER_FIELD_PHONES.of();
      default -> field;
    };
  }

  private static String key(String upload) {
    return "console:{console}:register-upload:" + upload;
  }
}
