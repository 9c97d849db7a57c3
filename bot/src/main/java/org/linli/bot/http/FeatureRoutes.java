package org.linli.bot.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * One feature's HTTP routes (asking, consultations, households, tickets and the hub, the outbox,
 * the public pages, the chat platforms). {@link Routes} mounts every feature in turn, handing it
 * what the routes share.
 */
public interface FeatureRoutes {

  /** Mounts this feature's routes on {@code router}. */
  void mount(Router router, Guards guards);

  /**
   * What every feature's routes share.
   *
   * @param body reads the body, within the service's body limit
   * @param admin lets through calls that carry the admin token, or an admin account's API token
   * @param operators lets through calls that carry the hub's or the admin token, or the API token
   *     of an operator or admin account
   * @param moderators lets through calls that carry the admin token, or the API token of a
   *     moderator or admin account (consultations, proposals, the register)
   * @param community after one of the token guards, on a route mounted at {@link ApiPaths#of}:
   *     the community the call is about, refused when the caller does not work for it
   * @param everyone lets through calls with either shared token or any account's API token (the
   *     communities an account works for)
   */
  record Guards(BodyHandler body, AdminAuth admin, AdminAuth operators, AdminAuth moderators,
      CommunityScope community, AdminAuth everyone) {
  }
}
