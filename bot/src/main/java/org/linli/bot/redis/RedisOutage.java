package org.linli.bot.redis;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure means Redis cannot be reached or cannot take writes for now — refused or closed
 * connections, a timeout, a server still loading its files, a failover under way (LOADING,
 * MASTERDOWN, READONLY, CLUSTERDOWN, TRYAGAIN, NOREPLICAS) — rather than a fault of the request or
 * of the code. Such a failure is answered 503 and retried by the caller; it passes by itself when
 * Redis is back.
 */
public final class RedisOutage {

  private static final List<String> REPLIES = List.of("CONNECTION_CLOSED", "LOADING", "MASTERDOWN", "READONLY",
      "CLUSTERDOWN", "TRYAGAIN",
      "NOREPLICAS", "BUSY ");
  private static final List<String> WORDS = List.of("connection refused", "connection closed", "connection reset",
      "broken pipe", "connection is closed", "cannot connect", "failed to connect", "no connection", "timeout",
      "closedchannelexception", "connectexception");

  private RedisOutage() {
  }

  /** True when {@code failure}, or one of its causes, says Redis is away or failing over. */
  public static boolean is(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectException || t instanceof ClosedChannelException || t instanceof TimeoutException) {
        return true;
      }
      String message = t.getMessage() == null ? "" : t.getMessage();
      if (REPLIES.stream().anyMatch(message::startsWith)) {
        return true;
      }
      String lower = message.toLowerCase(Locale.ROOT);
      if ((t instanceof IOException || t instanceof ReplicatedWrites.ReplyError
          || t.getClass().getName().startsWith("io.vertx"))
          && WORDS.stream().anyMatch(lower::contains)) {
        return true;
      }
    }
    return false;
  }
}
