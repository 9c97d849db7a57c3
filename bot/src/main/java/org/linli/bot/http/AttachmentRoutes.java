package org.linli.bot.http;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.linli.bot.attachment.AttachmentLinks;
import org.linli.bot.attachment.Attachments;
import org.linli.bot.errors.NotFound;

/**
 * {@code GET /attachments/{id}?expires=…&sig=…}: a stored photo, for whoever holds a signed link
 * that has not expired (the hub). A wrong or expired signature is 403, an unknown photo 404; photos
 * are served with their type found from their bytes, never cached by shared caches, never sniffed.
 */
public final class AttachmentRoutes implements FeatureRoutes {

  private final Attachments attachments;
  private final AttachmentLinks links;

  public AttachmentRoutes(Attachments attachments, AttachmentLinks links) {
    this.attachments = attachments;
    this.links = links;
  }

  @Override
  public void mount(Router router, Guards guards) {
    router.get(AttachmentLinks.PATH + ":id").handler(this::serve);
  }

  private void serve(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!links.valid(id, ctx.queryParams().get("expires"), ctx.queryParams().get("sig"))) {
      ctx.response().setStatusCode(403).putHeader("Content-Type", "application/json")
          .end("{\"error\":\"The link is not signed, or it has expired\"}");
      return;
    }
    attachments.load(id)
        .compose(photo -> photo == null
            ? Future.failedFuture(new NotFound("No such attachment"))
            : Future
                .succeededFuture(photo))
        .onSuccess(photo -> ctx.response()
            .putHeader("Content-Type", photo.type().contentType())
            .putHeader("Cache-Control", "private, max-age=3600")
            .putHeader("X-Content-Type-Options", "nosniff")
            .putHeader("Content-Disposition", "inline")
            .end(photo.bytes()))
        .onFailure(ctx::fail);
  }

}
