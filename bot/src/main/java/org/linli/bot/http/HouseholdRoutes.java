package org.linli.bot.http;

import io.vertx.ext.web.Router;
import org.linli.bot.household.HouseholdRegister;

/**
 * The household register, behind the admin token: import the CSV, list the households (masked),
 * issue a binding code. See {@link HouseholdApi}.
 */
public final class HouseholdRoutes implements FeatureRoutes {

  private final HouseholdApi households;

  public HouseholdRoutes(HouseholdRegister register) {
    this.households = new HouseholdApi(register);
  }

  @Override
  public void mount(Router router, Guards guards) {
    router.post("/api/v1/households").handler(guards.moderators()).handler(households.csvBody())
        .handler(households::importCsv);
    router.post("/api/v1/households/preview").handler(guards.moderators()).handler(households.csvBody())
        .handler(households::previewCsv);
    router.get("/api/v1/households").handler(guards.moderators()).handler(households::list);
    router.post("/api/v1/households/codes").handler(guards.body()).handler(guards.moderators())
        .handler(households::issueCodesForBuilding);
    router.post("/api/v1/households/:id/codes").handler(guards.moderators()).handler(households::issueCode);
  }
}
