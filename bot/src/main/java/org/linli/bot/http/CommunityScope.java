package org.linli.bot.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Optional;
import java.util.TreeSet;
import org.linli.bot.community.Communities;
import org.linli.bot.community.Community;
import org.linli.bot.console.Account;

/**
 * The community a REST call is about, after its token was checked: the path's {@code
 * /communities/<c>/}, or {@code default} for a path without one. A community that does not exist
 * is 404; a console account's token that does not work for it is 403 (the shared tokens work for
 * every community). Handlers read the community with {@link #of}; a resource of another community
 * (a poll, a ticket, a household) is not found in this one.
 */
public final class CommunityScope implements Handler<RoutingContext> {

  private static final String KEY = "linli.community";

  private final Communities communities;

  public CommunityScope(Communities communities) {
    this.communities = communities;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String asked = ctx.pathParam("community");
    String id = asked == null || asked.isEmpty() ? Community.DEFAULT : asked;
    Optional<Community> known = communities.find(id);
    if (known.isPresent()) {
      admit(ctx, known.get());
      return;
    }
    // Created a moment ago on another instance, perhaps: read once more before refusing.
    if (!ctx.request().isEnded()) {
      ctx.request().pause();
    }
    communities.findFresh(id).onSuccess(found -> {
      ctx.request().resume();
      if (found.isEmpty()) {
        ctx.fail(new HttpException(404, "There is no community " + id));
      } else {
        admit(ctx, found.get());
      }
    });
  }

  private static void admit(RoutingContext ctx, Community community) {
    Account account = ctx.get(Account.class.getName());
    if (account != null && !account.worksIn(community.id())) {
      ctx.fail(new HttpException(403, "This token's account works for the communities "
          + String.join(", ", new TreeSet<>(account.communities())) + ", not for " + community.id()));
      return;
    }
    ctx.put(KEY, community);
    ctx.next();
  }

  /** The community of this call (after this handler); the default one before it. */
  public static String of(RoutingContext ctx) {
    Community community = ctx.get(KEY);
    return community == null ? Community.DEFAULT : community.id();
  }

  /** The community of this call as a record, or null before this handler ran. */
  public static Community community(RoutingContext ctx) {
    return ctx.get(KEY);
  }
}
