package org.linli.bot.http;

import io.vertx.ext.web.Router;
import org.linli.bot.household.Registers;

/**
 * The household register of each community, behind the admin token: import the CSV, list the
 * households (masked), issue a binding code; at {@code /api/v1/households…} for the default
 * community and at {@code /api/v1/communities/<c>/households…} for any. See {@link HouseholdApi}.
 */
public final class HouseholdRoutes implements FeatureRoutes {

  private final HouseholdApi households;

  public HouseholdRoutes(Registers registers) {
    this.households = new HouseholdApi(registers);
  }

  @Override
  public void mount(Router router, Guards guards) {
    ApiPaths.post(router, "/households").handler(guards.moderators()).handler(guards.community())
        .handler(households.csvBody()).handler(households::importCsv);
    ApiPaths.post(router, "/households/preview").handler(guards.moderators())
        .handler(guards.community()).handler(households.csvBody()).handler(households::previewCsv);
    ApiPaths.get(router, "/households").handler(guards.moderators()).handler(guards.community())
        .handler(households::list);
    ApiPaths.post(router, "/households/codes").handler(guards.body()).handler(guards.moderators())
        .handler(guards.community()).handler(households::issueCodesForBuilding);
    ApiPaths.post(router, "/households/:id/codes").handler(guards.moderators())
        .handler(guards.community()).handler(households::issueCode);
    ApiPaths.get(router, "/households/:id/members").handler(guards.moderators())
        .handler(guards.community()).handler(households::members);
    ApiPaths.delete(router, "/households/:id/members").handler(guards.moderators())
        .handler(guards.community()).handler(households::unbind);
  }
}
