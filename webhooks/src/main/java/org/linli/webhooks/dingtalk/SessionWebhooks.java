package org.linli.webhooks.dingtalk;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest session webhook DingTalk handed us per conversation, and when it expires (about 90
 * minutes after the message that carried it). {@link DingtalkChannel} fills it, {@link
 * DingtalkSender} reads it: DingTalk's robot can speak in a conversation only through a live one.
 *
 * <p>Kept in this instance's memory: after a restart, or on another instance, a conversation has
 * none until someone addresses the robot there again.
 */
public final class SessionWebhooks {

  /** A webhook this close to its expiry is no longer used: the request could arrive too late. */
  static final Duration MARGIN = Duration.ofSeconds(30);

  private static final int PRUNE_ABOVE = 10_000;

  private record Entry(String url, long expiresAtMillis) {}

  private final Map<String, Entry> byConversation = new ConcurrentHashMap<>();

  /** Keeps {@code url} as the way into {@code conversationId} until {@code expiresAtMillis}. */
  public void remember(String conversationId, String url, long expiresAtMillis, long nowMillis) {
    if (conversationId == null || url == null || url.isBlank() || expiresAtMillis <= nowMillis) {
      return;
    }
    byConversation.merge(conversationId, new Entry(url, expiresAtMillis),
        (old, fresh) -> fresh.expiresAtMillis() >= old.expiresAtMillis() ? fresh : old);
    if (byConversation.size() > PRUNE_ABOVE) {
      byConversation.values().removeIf(e -> e.expiresAtMillis() <= nowMillis);
    }
  }

  /** The webhook to reach {@code conversationId} through, unless none is live at {@code nowMillis}. */
  public Optional<String> live(String conversationId, long nowMillis) {
    Entry entry = byConversation.get(conversationId);
    if (entry == null || entry.expiresAtMillis() - MARGIN.toMillis() <= nowMillis) {
      return Optional.empty();
    }
    return Optional.of(entry.url());
  }
}
