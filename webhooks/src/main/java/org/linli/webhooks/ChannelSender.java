package org.linli.webhooks;

import io.vertx.core.Future;

/**
 * Sends {@link Outgoing} messages to one platform. A failed future carrying a {@link SendFailure}
 * tells the outbox whether trying again can help; any other failure is treated as temporary.
 */
public interface ChannelSender {

  /** The platform name, as in {@link ChatEvent#platform()}. */
  String platform();

  /** Delivers one message; succeeds only once the platform has accepted it. */
  Future<Void> send(Outgoing message);

  /**
   * Delivers one message under the outbox id it is kept by. Senders whose platform takes an
   * idempotency key pass {@code id} on, so a retried delivery is recognised as the same message; the
   * default ignores it.
   */
  default Future<Void> send(String id, Outgoing message) {
    return send(message);
  }

  /**
   * False while the channel lacks the settings it needs to send (no outbound address, no token).
   * The outbox then keeps the channel's messages waiting instead of trying them.
   */
  default boolean configured() {
    return true;
  }

  /** Why a send failed, whether a retry may succeed, and how long the platform asked us to wait. */
  final class SendFailure extends RuntimeException {
    private final boolean permanent;
    private final long retryAfterSeconds;

    public SendFailure(String message, boolean permanent) {
      this(message, permanent, 0);
    }

    /** A failure after which the platform asked for {@code retryAfterSeconds} of quiet (0: no wish). */
    public SendFailure(String message, boolean permanent, long retryAfterSeconds) {
      super(message, null, false, false);
      this.permanent = permanent;
      this.retryAfterSeconds = Math.max(0, retryAfterSeconds);
    }

    /** True when retrying cannot help (refused as malformed, unknown chat). */
    public boolean permanent() {
      return permanent;
    }

    /** Seconds the platform asked us to wait before the next try ({@code Retry-After}), or 0. */
    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }
}
