package org.linli.bot.http.console;

import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Set;
import org.linli.bot.console.Account;
import org.linli.bot.console.Role;
import org.linli.bot.text.Text;

/** {@code GET /console/}: the dashboard, for now the account's name, role and communities and the pages it may use. */
final class HomePage implements ConsoleModule {

  @Override
  public List<NavItem> nav() {
    return List.of(new NavItem(ConsoleRoutes.PATH + "/", Text.CONSOLE_NAV_DASHBOARD, Set.of(Role.values())));
  }

  @Override
  public void mount(Router router, ConsoleKit kit) {
    router.get(ConsoleRoutes.PATH + "/").handler(ctx -> {
      Account account = kit.account(ctx);
      kit.page(ctx, "dashboard.jte", Text.CONSOLE_NAV_DASHBOARD.of(), ConsoleRoutes.params("account", account,
          "pages", kit.navOf(account.role()).stream().filter(item -> !item.path().equals(ctx.normalizedPath()))
              .toList()));
    });
  }
}
