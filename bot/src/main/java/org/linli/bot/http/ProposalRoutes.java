package org.linli.bot.http;

import io.vertx.ext.web.Router;

/**
 * Residents' proposals and the follow-up of decisions: the moderators' API behind the admin token
 * ({@code /api/v1/proposals…}, {@code /api/v1/polls/:id/followups}) and the public index of
 * consultations ({@code GET /polls}). See {@link ProposalApi}.
 */
public final class ProposalRoutes implements FeatureRoutes {

  private final ProposalApi api;

  public ProposalRoutes(ProposalApi api) {
    this.api = api;
  }

  @Override
  public void mount(Router router, Guards guards) {
    router.get("/polls").handler(api::index);
    router.post("/api/v1/proposals").handler(guards.body()).handler(guards.moderators()).handler(api::create);
    router.get("/api/v1/proposals").handler(guards.moderators()).handler(api::list);
    router.get("/api/v1/proposals/:id").handler(guards.moderators()).handler(api::get);
    router.post("/api/v1/proposals/:id/accept").handler(guards.body()).handler(guards.moderators())
        .handler(api::accept);
    router.post("/api/v1/proposals/:id/decline").handler(guards.body()).handler(guards.moderators())
        .handler(api::decline);
    router.post("/api/v1/polls/:id/followups").handler(guards.body()).handler(guards.moderators())
        .handler(api::followUp);
    router.get("/api/v1/polls/:id/followups").handler(guards.moderators()).handler(api::followUps);
  }
}
