package org.linli.webhooks.hub;

/**
 * The hub answered {@code 410 Gone}: it wants no more deliveries from us. Permanent, and more than
 * one message's failure: the caller stops delivering to this hub and raises an alarm for a person
 * to look at {@code hub.url}.
 *
 * <p>Not a {@link org.linli.webhooks.ChannelSender.SendFailure} (that class is final); check for
 * it first.
 */
public final class HubGone extends RuntimeException {

  private final String webhookId;

  /** The hub refused the delivery {@code webhookId} with 410. */
  public HubGone(String webhookId) {
    super("hub answered 410 Gone to " + webhookId + ": it no longer accepts deliveries; stop and check hub.url",
        null, false, false);
    this.webhookId = webhookId;
  }

  /** The delivery the hub refused. */
  public String webhookId() {
    return webhookId;
  }

  /** Always true: no retry can succeed. */
  public boolean permanent() {
    return true;
  }
}
