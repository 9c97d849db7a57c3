package org.linli.bot.http.console;

import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Set;
import org.linli.bot.console.Role;
import org.linli.bot.consultation.Moderators;
import org.linli.bot.text.Text;

/**
 * Who moderates which chat, for admins, over {@link Moderators} (the same checks as {@code
 * /api/v1/moderators}): {@code GET /console/moderators} (the setting's moderators and the granted
 * ones), {@code POST /console/moderators} ({@code platform}, {@code chat}, {@code user}: grants) and
 * {@code POST /console/moderators/revoke} (the same fields: takes a grant back; one of the setting
 * is refused). Every instance follows within seconds, without a restart. Each change is audited.
 */
public final class ModeratorPages implements ConsoleModule {

  static final String MODERATORS = ConsoleRoutes.PATH + "/moderators";

  private final Moderators moderators;

  /** The pages over {@code moderators}. */
  public ModeratorPages(Moderators moderators) {
    this.moderators = moderators;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(new NavItem(MODERATORS, Text.CONSOLE_NAV_MODERATORS, Set.of(Role.ADMIN)));
  }

  @Override
  public void mount(Router router, ConsoleKit kit) {
    router.get(MODERATORS).handler(kit.only(Role.ADMIN)).handler(ctx -> moderators.refresh()
        .onSuccess(v -> kit.page(ctx, "moderators.jte", Text.CONSOLE_NAV_MODERATORS.of(), ConsoleRoutes.params(
            "settings", moderators.fromSettings(), "granted", moderators.granted())))
        .onFailure(ctx::fail));
    router.post(MODERATORS).handler(kit.only(Role.ADMIN)).handler(ctx -> {
      String platform = ConsoleKit.form(ctx, "platform");
      String chat = ConsoleKit.form(ctx, "chat");
      String user = ConsoleKit.form(ctx, "user");
      moderators.grant(platform, chat, user)
          .compose(added -> kit.audit(ctx, "moderator.grant", platform + ":" + chat + ":" + user))
          .onSuccess(v -> ConsoleKit.seeOther(ctx, MODERATORS))
          .onFailure(ctx::fail);
    });
    router.post(MODERATORS + "/revoke").handler(kit.only(Role.ADMIN)).handler(ctx -> {
      String platform = ConsoleKit.form(ctx, "platform");
      String chat = ConsoleKit.form(ctx, "chat");
      String user = ConsoleKit.form(ctx, "user");
      moderators.revoke(platform, chat, user)
          .compose(v -> kit.audit(ctx, "moderator.revoke", platform + ":" + chat + ":" + user))
          .onSuccess(v -> ConsoleKit.seeOther(ctx, MODERATORS))
          .onFailure(ctx::fail);
    });
  }
}
