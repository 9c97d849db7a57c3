package org.linli.bot.http.console;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.linli.bot.console.Account;
import org.linli.bot.console.Accounts;
import org.linli.bot.console.Role;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.errors.Conflict;
import org.linli.bot.text.Text;

/**
 * The accounts, for admins only: {@code GET /console/accounts} (the list and a form to create
 * one), {@code POST /console/accounts} ({@code username}, {@code password}, {@code role}, and the
 * {@code communities} it works for, one field per community or {@code *} for all), and per account
 * {@code POST …/{name}/password}, {@code …/communities} ({@code communities}: ids separated by
 * commas or spaces), {@code …/disable}, {@code …/enable}. Each change is audited.
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
            ConsoleRoutes.params("accounts", all, "roles", List.of(Role.values()), "communities",
                kit.communities().all())))
        .onFailure(ctx::fail));
    router.post(ACCOUNTS).handler(kit.only(Role.ADMIN)).handler(ctx -> {
      String name = Accounts.normalise(ConsoleKit.form(ctx, "username"));
      Role role = Role.of(ConsoleKit.form(ctx, "role")).orElse(null);
      if (role == null) {
        ctx.fail(new BadRequest(Text.CONSOLE_ERROR_BAD_REQUEST.of()));
        return;
      }
      Set<String> communities;
      try {
        communities = communities(kit, ctx.request().formAttributes().getAll("communities"), role);
      } catch (BadRequest e) {
        ctx.fail(e);
        return;
      }
      accounts.create(name, ConsoleKit.raw(ctx, "password"), role, communities)
          .compose(created -> kit.audit(ctx, "account.create", created.name() + " (" + role.wire() + ") "
              + String.join(",", new TreeSet<>(communities))))
          .onSuccess(v -> ConsoleKit.seeOther(ctx, ACCOUNTS))
          .onFailure(ctx::fail);
    });
    router.post(ACCOUNTS + "/:name/password").handler(kit.only(Role.ADMIN)).handler(ctx -> change(ctx, kit,
        "account.password", accounts.resetPassword(ctx.pathParam("name"), ConsoleKit.raw(ctx, "password"))));
    router.post(ACCOUNTS + "/:name/communities").handler(kit.only(Role.ADMIN)).handler(ctx -> {
      Set<String> communities;
      try {
        communities = communities(kit, List.of(ConsoleKit.form(ctx, "communities").split("[,\\uFF0C\\s]+")), null);
      } catch (BadRequest e) {
        ctx.fail(e);
        return;
      }
      accounts.setCommunities(ctx.pathParam("name"), communities)
          .compose(changed -> kit.audit(ctx, "account.communities", changed.name() + " → "
              + String.join(",", new TreeSet<>(communities))))
          .onSuccess(v -> ConsoleKit.seeOther(ctx, ACCOUNTS))
          .onFailure(ctx::fail);
    });
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

  /**
   * The communities named in a form, each one that exists or {@code *}. On the creation form
   * ({@code role} given) none ticked means the default community (an admin works for all anyway);
   * a change must name one.
   */
  private static Set<String> communities(ConsoleKit kit, List<String> named, Role role) {
    Set<String> out = new TreeSet<>();
    for (String n : named) {
      String id = n.strip();
      if (id.isEmpty()) {
        continue;
      }
      if (!id.equals(Account.EVERY_COMMUNITY) && kit.communities().find(id).isEmpty()) {
        throw new BadRequest(Text.CONSOLE_ACCOUNT_COMMUNITY_UNKNOWN.of(id));
      }
      out.add(id);
    }
    if (out.isEmpty() && role != null) {
      out.add(Account.DEFAULT_COMMUNITY);
    }
    if (out.isEmpty()) {
      throw new BadRequest(Text.CONSOLE_ACCOUNT_COMMUNITIES_NONE.of());
    }
    return out;
  }

  private static void change(RoutingContext ctx, ConsoleKit kit, String action, Future<Void> done) {
    done.compose(v -> kit.audit(ctx, action, Accounts.normalise(ctx.pathParam("name"))))
        .onSuccess(v -> ConsoleKit.seeOther(ctx, ACCOUNTS))
        .onFailure(ctx::fail);
  }
}
