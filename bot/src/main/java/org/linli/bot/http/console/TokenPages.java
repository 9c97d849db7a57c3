package org.linli.bot.http.console;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import org.linli.bot.console.ApiTokens;
import org.linli.bot.console.Role;
import org.linli.bot.text.Text;

/**
 * Every account's own API tokens: {@code GET /console/tokens} (the list and a form), {@code POST
 * /console/tokens} ({@code label}; the page shows the new token once) and {@code POST
 * /console/tokens/{id}/revoke}. Each change is audited.
 */
final class TokenPages implements ConsoleModule {

  static final String TOKENS = ConsoleRoutes.PATH + "/tokens";

  @Override
  public List<NavItem> nav() {
    return List.of(new NavItem(TOKENS, Text.CONSOLE_NAV_TOKENS, Set.of(Role.values())));
  }

  @Override
  public void mount(Router router, ConsoleKit kit) {
    ApiTokens tokens = kit.console().tokens();
    router.get(TOKENS).handler(ctx -> show(ctx, kit, tokens, null, null));
    router.post(TOKENS).handler(ctx -> tokens.create(kit.account(ctx), ConsoleKit.form(ctx, "label"))
        .compose(made -> kit.audit(ctx, "token.create", made.listed().label()).map(v -> made))
        .onSuccess(made -> show(ctx, kit, tokens, made.listed().label(), made.token()))
        .onFailure(ctx::fail));
    router.post(TOKENS + "/:id/revoke").handler(ctx -> tokens.revoke(kit.account(ctx).name(), ctx.pathParam("id"))
        .compose(label -> kit.audit(ctx, "token.revoke", label))
        .onSuccess(v -> ConsoleKit.seeOther(ctx, TOKENS))
        .onFailure(ctx::fail));
  }

  private static void show(RoutingContext ctx, ConsoleKit kit, ApiTokens tokens, String label, String made) {
    tokens.list(kit.account(ctx).name())
        .onSuccess(all -> kit.page(ctx, "tokens.jte", Text.CONSOLE_NAV_TOKENS.of(),
            ConsoleRoutes.params("tokens", all, "label", label, "made", made)))
        .onFailure(ctx::fail);
  }
}
