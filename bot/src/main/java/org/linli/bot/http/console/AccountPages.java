package org.linli.bot.http.console;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import org.linli.bot.console.Accounts;
import org.linli.bot.console.Role;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.errors.Conflict;
import org.linli.bot.text.Text;

/**
 * The accounts, for admins only: {@code GET /console/accounts} (the list and a form to create
 * one), {@code POST /console/accounts} ({@code username}, {@code password}, {@code role}), and per
 * account {@code POST …/{name}/password}, {@code …/disable}, {@code …/enable}. Each change is
 * audited.
 */
final class AccountPages implements ConsoleModule {

  static final String ACCOUNTS = ConsoleRoutes.PATH + "/accounts";

  @Override
  public List<NavItem> nav() {
    return List.of(new NavItem(ACCOUNTS, Text.CONSOLE_NAV_ACCOUNTS, Set.of(Role.ADMIN)));
  }

  @Override
  public void mount(Router router, ConsoleKit kit) {
    Accounts accounts = kit.console().accounts();
    router.get(ACCOUNTS).handler(kit.only(Role.ADMIN)).handler(ctx -> accounts.list()
        .onSuccess(all -> kit.page(ctx, "accounts.jte", Text.CONSOLE_NAV_ACCOUNTS.of(),
            ConsoleRoutes.params("accounts", all, "roles", List.of(Role.values()))))
        .onFailure(ctx::fail));
    router.post(ACCOUNTS).handler(kit.only(Role.ADMIN)).handler(ctx -> {
      String name = Accounts.normalise(ConsoleKit.form(ctx, "username"));
      Role role = Role.of(ConsoleKit.form(ctx, "role")).orElse(null);
      if (role == null) {
        ctx.fail(new BadRequest(Text.CONSOLE_ERROR_BAD_REQUEST.of()));
        return;
      }
      accounts.create(name, ConsoleKit.raw(ctx, "password"), role)
          .compose(created -> kit.audit(ctx, "account.create", created.name() + " (" + role.wire() + ")"))
          .onSuccess(v -> ConsoleKit.seeOther(ctx, ACCOUNTS))
          .onFailure(ctx::fail);
    });
    router.post(ACCOUNTS + "/:name/password").handler(kit.only(Role.ADMIN)).handler(ctx -> change(ctx, kit,
        "account.password", accounts.resetPassword(ctx.pathParam("name"), ConsoleKit.raw(ctx, "password"))));
    router.post(ACCOUNTS + "/:name/disable").handler(kit.only(Role.ADMIN)).handler(ctx -> {
      if (Accounts.normalise(ctx.pathParam("name")).equals(kit.account(ctx).name())) {
        ctx.fail(new Conflict(Text.CONSOLE_ACCOUNT_SELF.of()));
        return;
      }
      change(ctx, kit, "account.disable", accounts.setDisabled(ctx.pathParam("name"), true));
    });
    router.post(ACCOUNTS + "/:name/enable").handler(kit.only(Role.ADMIN)).handler(ctx -> change(ctx, kit,
        "account.enable", accounts.setDisabled(ctx.pathParam("name"), false)));
  }

  private static void change(RoutingContext ctx, ConsoleKit kit, String action, Future<Void> done) {
    done.compose(v -> kit.audit(ctx, action, Accounts.normalise(ctx.pathParam("name"))))
        .onSuccess(v -> ConsoleKit.seeOther(ctx, ACCOUNTS))
        .onFailure(ctx::fail);
  }
}
