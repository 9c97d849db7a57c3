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
    router.postWithRegex(ApiPaths.of("/polls")).handler(guards.body()).handler(guards.moderators())
        .handler(guards.community()).handler(polls::create);
    router.getWithRegex(ApiPaths.of("/polls/:id")).handler(guards.moderators()).handler(guards.community())
        .handler(polls::get);
    router.getWithRegex(ApiPaths.of("/polls/:id/results")).handler(guards.moderators()).handler(guards.community())
        .handler(polls::results);
    router.postWithRegex(ApiPaths.of("/polls/:id/close")).handler(guards.moderators()).handler(guards.community())
        .handler(polls::close);
    router.getWithRegex(ApiPaths.of("/polls/:id/results.csv")).handler(guards.moderators())
        .handler(guards.community()).handler(polls::inCommunity).handler(published.csv());
  }
}
