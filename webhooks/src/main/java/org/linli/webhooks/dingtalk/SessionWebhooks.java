package org.linli.webhooks.dingtalk;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest session webhook DingTalk handed us per conversation, and when it expires (about 90
 * minutes after the message that carried it). {@link DingtalkChannel} fills it, {@link
 * DingtalkSender} reads it: DingTalk's robot can speak in a conversation only through a live one.
 *
 * <p>Kept in this instance's memory, and — given a {@link Shared} store (the service passes one
 * in Redis) — shared with every instance and kept across restarts until it expires.
 */
public final class SessionWebhooks {

  /** Where session webhooks are shared between instances. */
  public interface Shared {
    /** Keeps {@code url} for {@code conversationId} until {@code expiresAtMillis}. */
    Future<Void> put(String conversationId, String url, long expiresAtMillis);

    /** The url and its expiry for {@code conversationId}, or null. */
    Future<Map.Entry<String, Long>> get(String conversationId);
  }

  private final Shared shared;

  /** Kept in this instance's memory only. */
  public SessionWebhooks() {
    this(null);
  }

  /** Kept in memory and in {@code shared} (null: memory only). */
  public SessionWebhooks(Shared shared) {
    this.shared = shared;
  }

  /** A webhook this close to its expiry is no longer used: the request could arrive too late. */
  static final Duration MARGIN = Duration.ofSeconds(30);

  private static final int PRUNE_ABOVE = 10_000;

  private record Entry(String url, long expiresAtMillis) {
  }

  private final Map<String, Entry> byConversation = new ConcurrentHashMap<>();

  /** Keeps {@code url} as the way into {@code conversationId} until {@code expiresAtMillis}. */
  public void remember(String conversationId, String url, long expiresAtMillis, long nowMillis) {
    if (conversationId == null || url == null || url.isBlank() || expiresAtMillis <= nowMillis) {
      return;
    }
    byConversation.merge(conversationId, new Entry(url, expiresAtMillis),
        (old, fresh) -> fresh.expiresAtMillis() >= old.expiresAtMillis() ? fresh : old);
    if (shared != null) {
      shared.put(conversationId, url, expiresAtMillis);
    }
    if (byConversation.size() > PRUNE_ABOVE) {
      byConversation.values().removeIf(e -> e.expiresAtMillis() <= nowMillis);
    }
  }

  /**
   * As {@link #live}, asking the shared store when this instance knows none (another instance
   * received the message, or this one restarted).
   */
  public Future<Optional<String>> find(String conversationId, long nowMillis) {
    Optional<String> here = live(conversationId, nowMillis);
    if (here.isPresent() || shared == null) {
      return Future.succeededFuture(here);
    }
    return shared.get(conversationId).map(e -> {
      if (e == null) {
        return Optional.<String>empty();
      }
      byConversation.putIfAbsent(conversationId, new Entry(e.getKey(), e.getValue()));
      return live(conversationId, nowMillis);
    }).otherwise(Optional.empty());
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
