package org.linli.webhooks.wecom;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps each chat under WeCom's pace (about 20 messages a minute per group): a token bucket per
 * chat that holds a minute's worth and refills evenly. The buckets live in this instance only.
 */
final class ChatPacer {

  private static final int MAX_CHATS = 10_000;

  private final int perMinute;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new HashMap<>();

  ChatPacer(int perMinute, Clock clock) {
    this.perMinute = Math.max(1, perMinute);
    this.clock = clock;
  }

  /**
   * Takes {@code messages} tokens from the chat's bucket: 0 when they were there, otherwise the
   * seconds until they will be (nothing taken).
   */
  synchronized long take(String chat, int messages) {
    long now = clock.millis();
    double wanted = Math.min(messages, perMinute);
    Bucket bucket = buckets.computeIfAbsent(chat, c -> new Bucket(perMinute, now));
    double perMilli = perMinute / 60_000.0;
    bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * perMilli);
    bucket.at = now;
    if (bucket.tokens >= wanted) {
      bucket.tokens -= wanted;
      forgetFullBuckets(now);
      return 0;
    }
    return (long) Math.ceil((wanted - bucket.tokens) / perMilli / 1000.0);
  }

  private void forgetFullBuckets(long now) {
    if (buckets.size() > MAX_CHATS) {
      buckets.values().removeIf(b -> b.tokens + (now - b.at) * perMinute / 60_000.0 >= perMinute);
    }
  }

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }
}
