package org.linli.webhooks.hub;

/**
 * A delivery that was not sent because every connection to the hub was busy: nothing reached the
 * hub, so it is no attempt; the caller tries again shortly.
 */
public final class HubBusy extends RuntimeException {

  HubBusy(String what, int connections) {
    super("not sent: all " + connections + " connections to the hub are busy (" + what + ")", null, false, false);
  }
}
