package org.linli.bot.http;

import io.vertx.ext.web.Router;

/**
 * Residents' proposals and the follow-up of decisions: the moderators' API behind the admin token
 * ({@code /api/v1/proposals…}, {@code /api/v1/polls/:id/followups}, the list {@code GET
 * /api/v1/polls}; each also at {@code /api/v1/communities/<c>/…}) and the public index of
 * consultations ({@code GET /polls}, the whole office's). See {@link ProposalApi}.
 */
public final class ProposalRoutes implements FeatureRoutes {

  private final ProposalApi api;

  public ProposalRoutes(ProposalApi api) {
    this.api = api;
  }

  @Override
  public void mount(Router router, Guards guards) {
    router.get("/polls").handler(api::index);
    ApiPaths.get(router, "/polls").handler(guards.moderators()).handler(guards.community())
        .handler(api::pollList);
    ApiPaths.post(router, "/proposals").handler(guards.body()).handler(guards.moderators())
        .handler(guards.community()).handler(api::create);
    ApiPaths.get(router, "/proposals").handler(guards.moderators()).handler(guards.community())
        .handler(api::list);
    ApiPaths.get(router, "/proposals/:id").handler(guards.moderators()).handler(guards.community())
        .handler(api::get);
    ApiPaths.post(router, "/proposals/:id/accept").handler(guards.body()).handler(guards.moderators())
        .handler(guards.community()).handler(api::accept);
    ApiPaths.post(router, "/proposals/:id/decline").handler(guards.body()).handler(guards.moderators())
        .handler(guards.community()).handler(api::decline);
    ApiPaths.post(router, "/polls/:id/followups").handler(guards.body()).handler(guards.moderators())
        .handler(guards.community()).handler(api::followUp);
    ApiPaths.get(router, "/polls/:id/followups").handler(guards.moderators()).handler(guards.community())
        .handler(api::followUps);
  }
}
