package org.linli.bot.http;

import io.vertx.ext.web.Router;
import org.linli.bot.kb.KbService;

/**
 * The public, read-only pages (no token): the guides ({@code GET /kb}, {@code GET /kb/:id}) and
 * each poll's published result with its chart ({@code GET /polls/:id}, {@code GET
 * /polls/:id/chart.png}).
 */
public final class PublicPages implements FeatureRoutes {

  private final GuidePage guides;
  private final PollPages polls;

  public PublicPages(KbService kb, PollPages polls) {
    this.guides = new GuidePage(kb);
    this.polls = polls;
  }

  @Override
  public void mount(Router router, Guards guards) {
    router.get("/kb").handler(guides.index());
    router.get("/kb/:id").handler(guides.one());
    router.get("/polls/:id").handler(polls.page());
    router.get("/polls/:id/chart.png").handler(polls.chart());
  }
}
