package org.linli.bot.http.console;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Set;
import org.linli.bot.console.Account;
import org.linli.bot.console.Role;
import org.linli.bot.text.Text;

/**
 * {@code GET /console/}: the dashboard — the account's name, role and communities and the pages it
 * may use, then what the {@link Dashboard} shows its role (none when the console has none).
 */
final class HomePage implements ConsoleModule {

  private final Dashboard dashboard;

  /** The home page with {@code dashboard}'s parts, or without them when it is null. */
  HomePage(Dashboard dashboard) {
    this.dashboard = dashboard;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(new NavItem(ConsoleRoutes.PATH + "/", Text.CONSOLE_NAV_DASHBOARD, Set.of(Role.values())));
  }

  @Override
  public void mount(Router router, ConsoleKit kit) {
    router.get(ConsoleRoutes.PATH + "/").handler(kit.inCommunity()).handler(ctx -> {
      Account account = kit.account(ctx);
      Future<Dashboard.Board> board = dashboard == null
          ? Future.succeededFuture(null)
          : dashboard.board(account.role(), kit.community(ctx).id());
      board.onSuccess(b -> kit.page(ctx, "dashboard.jte", Text.CONSOLE_NAV_DASHBOARD.of(), ConsoleRoutes.params(
          "account", account, "board", b, "pages", kit.navOf(account.role()).stream()
              .filter(item -> !item.path().equals(ctx.normalizedPath())).toList())))
          .onFailure(ctx::fail);
    });
  }
}
