package org.linli.bot.http;

import io.vertx.ext.web.Router;

/** The outboxes' dead letters, behind the admin token: list them, replay one. See {@link DeadLetterApi}. */
public final class OutboxRoutes implements FeatureRoutes {

  private final DeadLetterApi deadLetters;

  public OutboxRoutes(DeadLetterApi deadLetters) {
    this.deadLetters = deadLetters;
  }

  @Override
  public void mount(Router router, Guards guards) {
    router.get("/api/v1/outbox/:queue/dead").handler(guards.admin()).handler(deadLetters::list);
    router.post("/api/v1/outbox/:queue/dead/:id/replay").handler(guards.admin()).handler(deadLetters::replay);
  }
}
