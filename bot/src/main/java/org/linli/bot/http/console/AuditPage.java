package org.linli.bot.http.console;

import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Set;
import org.linli.bot.console.Role;
import org.linli.bot.text.Text;

/** {@code GET /console/audit}, for admins: the latest 200 entries of the audit log, newest first. */
final class AuditPage implements ConsoleModule {

  static final String AUDIT = ConsoleRoutes.PATH + "/audit";
  static final int SHOWN = 200;

  @Override
  public List<NavItem> nav() {
    return List.of(new NavItem(AUDIT, Text.CONSOLE_NAV_AUDIT, Set.of(Role.ADMIN)));
  }

  @Override
  public void mount(Router router, ConsoleKit kit) {
    router.get(AUDIT).handler(kit.only(Role.ADMIN)).handler(ctx -> kit.console().audit().recent(SHOWN)
        .onSuccess(entries -> kit.page(ctx, "audit.jte", Text.CONSOLE_NAV_AUDIT.of(),
            ConsoleRoutes.params("entries", entries)))
        .onFailure(ctx::fail));
  }
}
