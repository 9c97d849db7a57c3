package org.linli.bot.http.console;

import io.vertx.ext.web.Router;
import java.util.List;

/**
 * A group of console pages (accounts, tokens, audit; later consultations, register, tickets): its
 * links in the navigation and its routes under {@code /console/}. {@link ConsoleRoutes} mounts
 * every module after the session and CSRF checks, so a module's handlers always run with a signed-in
 * account and a checked form. See {@code docs/console.md}, "Adding a page".
 */
public interface ConsoleModule {

  /** The module's links in the navigation, in order. */
  List<NavItem> nav();

  /** Mounts the module's routes; {@code kit} renders pages, checks roles and audits. */
  void mount(Router router, ConsoleKit kit);
}
