package org.linli.bot.http.console;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import org.linli.bot.community.Communities;
import org.linli.bot.community.Community;
import org.linli.bot.community.LocalFacts;
import org.linli.bot.console.Account;
import org.linli.bot.console.Role;
import org.linli.bot.consultation.Moderators;
import org.linli.bot.text.Text;
import org.linli.webhooks.ChatRef;

/**
 * The street office's communities (社区): {@code GET /console/communities} (the ones the account
 * works for; for admins every one and a form to create one: {@code POST /console/communities} with
 * {@code id}, {@code name}, {@code address}, {@code phone}, {@code hours}), and per community
 * {@code GET /console/communities/{id}}: its name and the local facts its guide cards show, its
 * chats, its moderators (the people granted its chats, and the console accounts that work for it)
 * and its figures. Admins change it there: {@code POST …/{id}} (name and facts), {@code …/chats}
 * and {@code …/chats/remove} ({@code platform}, {@code chat}), {@code …/moderators} and {@code
 * …/moderators/revoke} ({@code chat} one of its chats as {@code platform:chat}, {@code user}). Each
 * change is audited and reaches every instance within seconds.
 */
public final class CommunityPages implements ConsoleModule {

  static final String COMMUNITIES = ConsoleRoutes.PATH + "/communities";

  private final Moderators moderators;
  private final CommunityFigures figures;

  /** The pages over the kit's communities; the moderators granted per chat; each community's figures. */
  public CommunityPages(Moderators moderators, CommunityFigures figures) {
    this.moderators = moderators;
    this.figures = figures;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(new NavItem(COMMUNITIES, Text.CONSOLE_NAV_COMMUNITIES, Set.of(Role.values())));
  }

  @Override
  public void mount(Router router, ConsoleKit kit) {
    Communities communities = kit.communities();
    router.get(COMMUNITIES).handler(kit.only(Role.values())).handler(ctx -> communities.refresh()
        .onSuccess(v -> kit.page(ctx, "communities.jte", Text.CONSOLE_NAV_COMMUNITIES.of(), ConsoleRoutes.params(
            "communities", kit.communitiesOf(kit.account(ctx)), "admin", kit.account(ctx).is(Role.ADMIN))))
        .onFailure(ctx::fail));
    router.post(COMMUNITIES).handler(kit.only(Role.ADMIN)).handler(ctx -> {
      String id = ConsoleKit.form(ctx, "id");
      communities.create(id, ConsoleKit.form(ctx, "name"), facts(ctx))
          .compose(created -> kit.audit(ctx, "community.create", created.id()).map(created))
          .onSuccess(created -> ConsoleKit.seeOther(ctx, COMMUNITIES + "/" + created.id()))
          .onFailure(ctx::fail);
    });
    router.get(COMMUNITIES + "/:id").handler(kit.only(Role.values()))
        .handler(ctx -> kit.admitted(ctx, ctx.pathParam("id"))
            .onSuccess(community -> page(ctx, kit, community)));
    router.post(COMMUNITIES + "/:id").handler(kit.only(Role.ADMIN)).handler(ctx -> {
      String id = ctx.pathParam("id");
      communities.update(id, ConsoleKit.form(ctx, "name"), facts(ctx))
          .compose(changed -> kit.audit(ctx, "community.update", id))
          .onSuccess(v -> ConsoleKit.seeOther(ctx, COMMUNITIES + "/" + id))
          .onFailure(ctx::fail);
    });
    router.post(COMMUNITIES + "/:id/chats").handler(kit.only(Role.ADMIN))
        .handler(ctx -> chat(ctx, kit, "community.chat.add", communities::addChat));
    router.post(COMMUNITIES + "/:id/chats/remove").handler(kit.only(Role.ADMIN))
        .handler(ctx -> chat(ctx, kit, "community.chat.remove", communities::removeChat));
    router.post(COMMUNITIES + "/:id/moderators").handler(kit.only(Role.ADMIN)).handler(ctx -> grant(ctx, kit, true));
    router.post(COMMUNITIES + "/:id/moderators/revoke").handler(kit.only(Role.ADMIN))
        .handler(ctx -> grant(ctx, kit, false));
  }

  /** The page of one community: its facts, chats, moderators and figures. */
  private void page(RoutingContext ctx, ConsoleKit kit, Community community) {
    Future.all(moderators.refresh(), kit.console().accounts().list(), figures.of(community)).onSuccess(all -> {
      List<Account> accounts = all.<List<Account>>resultAt(1).stream()
          .filter(a -> !a.is(Role.ADMIN) && a.communities().contains(community.id())).toList();
      kit.page(ctx, "community.jte", community.name(), ConsoleRoutes.params("community", community,
          "grants", grantsOf(community), "accounts", accounts, "figures", all.resultAt(2),
          "admin", kit.account(ctx).is(Role.ADMIN)));
    }).onFailure(ctx::fail);
  }

  /** What adds or removes a chat of a community (id, platform, chat). */
  private interface ChatChange {
    Future<?> apply(String id, String platform, String chat);
  }

  /** Adds or removes a chat of the path's community from the form's platform and chat, audited. */
  private static void chat(RoutingContext ctx, ConsoleKit kit, String action, ChatChange change) {
    String id = ctx.pathParam("id");
    String platform = ConsoleKit.form(ctx, "platform");
    String chat = ConsoleKit.form(ctx, "chat");
    change.apply(id, platform, chat)
        .compose(v -> kit.audit(ctx, action, id + " " + platform + ":" + chat))
        .onSuccess(v -> ConsoleKit.seeOther(ctx, COMMUNITIES + "/" + id))
        .onFailure(ctx::fail);
  }

  /** Grants or takes back a moderator of one of the community's chats. */
  private void grant(RoutingContext ctx, ConsoleKit kit, boolean grant) {
    kit.admitted(ctx, ctx.pathParam("id")).onSuccess(community -> grant(ctx, kit, community, grant));
  }

  private void grant(RoutingContext ctx, ConsoleKit kit, Community community, boolean grant) {
    String chat = ConsoleKit.form(ctx, "chat");
    String user = ConsoleKit.form(ctx, "user");
    ChatRef ref = ChatRef.parse(chat).filter(c -> community.chats().contains(c.key())).orElse(null);
    if (ref == null) {
      ctx.fail(new PageRefusal(400, Text.CONSOLE_COMMUNITY_CHAT_NOT_OURS));
      return;
    }
    Future<?> done = grant
        ? moderators.grant(ref.platform(), ref.chat(), user)
        : moderators.revoke(ref.platform(), ref.chat(), user);
    done.compose(v -> kit.audit(ctx, grant ? "moderator.grant" : "moderator.revoke", ref.key() + ":" + user.strip()))
        .onSuccess(v -> ConsoleKit.seeOther(ctx, COMMUNITIES + "/" + community.id()))
        .onFailure(ctx::fail);
  }

  /** The chat moderators whose grant covers one of the community's chats. */
  private List<Moderators.Grant> grantsOf(Community community) {
    List<Moderators.Grant> all = new java.util.ArrayList<>(moderators.fromSettings());
    all.addAll(moderators.granted());
    return all.stream().filter(g -> community.chats().stream().anyMatch(chat -> covers(g, chat))).distinct().toList();
  }

  private static boolean covers(Moderators.Grant grant, String chat) {
    ChatRef ref = ChatRef.parse(chat).orElse(null);
    return ref != null && (grant.platform() == null || grant.platform().equals(ref.platform()))
        && (grant.chat().equals("*") || grant.chat().equals(ref.chat()));
  }

  private static LocalFacts facts(RoutingContext ctx) {
    return new LocalFacts(ConsoleKit.form(ctx, "address"), ConsoleKit.form(ctx, "phone"),
        ConsoleKit.form(ctx, "hours"));
  }
}
