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
    router.getWithRegex(ApiPaths.of("/polls")).handler(guards.moderators()).handler(guards.community())
        .handler(api::pollList);
    router.postWithRegex(ApiPaths.of("/proposals")).handler(guards.body()).handler(guards.moderators())
        .handler(guards.community()).handler(api::create);
    router.getWithRegex(ApiPaths.of("/proposals")).handler(guards.moderators()).handler(guards.community())
        .handler(api::list);
    router.getWithRegex(ApiPaths.of("/proposals/:id")).handler(guards.moderators()).handler(guards.community())
        .handler(api::get);
    router.postWithRegex(ApiPaths.of("/proposals/:id/accept")).handler(guards.body()).handler(guards.moderators())
        .handler(guards.community()).handler(api::accept);
    router.postWithRegex(ApiPaths.of("/proposals/:id/decline")).handler(guards.body()).handler(guards.moderators())
        .handler(guards.community()).handler(api::decline);
    router.postWithRegex(ApiPaths.of("/polls/:id/followups")).handler(guards.body()).handler(guards.moderators())
        .handler(guards.community()).handler(api::followUp);
    router.getWithRegex(ApiPaths.of("/polls/:id/followups")).handler(guards.moderators()).handler(guards.community())
        .handler(api::followUps);
  }
}
