package org.linli.webhooks;

import java.util.Objects;

/**
 * The service's side of a platform's callback routes: what answers events, and where replies go
 * that do not fit in the HTTP answer.
 */
public record ChatService(ChatHandler handler, Outbound outbox) {

  public ChatService {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(outbox, "outbox");
  }
}
