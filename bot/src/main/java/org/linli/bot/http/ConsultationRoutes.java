package org.linli.bot.http;

import io.vertx.ext.web.Router;

/**
 * The moderators' consultation API, behind the admin token: open a poll, read it and its results
 * (JSON or CSV), close it early. See {@link PollApi}.
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
    router.post("/api/v1/polls").handler(guards.body()).handler(guards.moderators()).handler(polls::create);
    router.get("/api/v1/polls/:id").handler(guards.moderators()).handler(polls::get);
    router.get("/api/v1/polls/:id/results").handler(guards.moderators()).handler(polls::results);
    router.post("/api/v1/polls/:id/close").handler(guards.moderators()).handler(polls::close);
    router.get("/api/v1/polls/:id/results.csv").handler(guards.moderators()).handler(published.csv());
  }
}
