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

  /** Why a send failed, and whether a retry may succeed. */
  final class SendFailure extends RuntimeException {
    private final boolean permanent;

    public SendFailure(String message, boolean permanent) {
      super(message, null, false, false);
      this.permanent = permanent;
    }

    /** True when retrying cannot help (refused as malformed, unknown chat, channel not configured). */
    public boolean permanent() {
      return permanent;
    }
  }
}
