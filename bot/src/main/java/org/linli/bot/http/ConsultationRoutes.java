package org.linli.bot.http;

import io.vertx.ext.web.Router;

/**
 * The moderators' consultation API, behind the admin token: open a poll, read it and its results
 * (JSON or CSV), close it early; at {@code /api/v1/polls…} for the default community and at {@code
 * /api/v1/communities/<c>/polls…} for any. See {@link PollApi}.
 */
public final class ConsultationRoutes implements FeatureRoutes {

  private final PollApi polls;
  private final PollPages published;

  public ConsultationRoutes(PollApi polls, PollPages published) {
    this.polls = polls;
    this.published = published;
  }

  @Override
  public void mount(Router router, Guards guards) {
    ApiPaths.post(router, "/polls").handler(guards.body()).handler(guards.moderators())
        .handler(guards.community()).handler(polls::create);
    ApiPaths.get(router, "/polls/:id").handler(guards.moderators()).handler(guards.community())
        .handler(polls::get);
    ApiPaths.get(router, "/polls/:id/results").handler(guards.moderators()).handler(guards.community())
        .handler(polls::results);
    ApiPaths.post(router, "/polls/:id/close").handler(guards.moderators()).handler(guards.community())
        .handler(polls::close);
    ApiPaths.get(router, "/polls/:id/results.csv").handler(guards.moderators())
        .handler(guards.community()).handler(polls::inCommunity).handler(published.csv());
  }
}
