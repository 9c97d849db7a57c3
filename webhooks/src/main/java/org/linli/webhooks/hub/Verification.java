package org.linli.webhooks.hub;

import java.util.Objects;

/**
 * The outcome of checking one signed webhook: accepted, or rejected for a {@link Reason} with a
 * short detail fit for a log line (it never quotes the body or a signature).
 *
 * @param webhookId the {@code webhook-id} header as received (may be null when it was missing);
 *     trustworthy only when {@link #ok()}, and then the key to refuse a replay by
 * @param reason why it was rejected, null when accepted
 * @param detail the reason in words, empty when accepted
 */
public record Verification(String webhookId, Reason reason, String detail) {

  /** Why a webhook was turned away. */
  public enum Reason {
    /** The hub has no secret configured, so nothing can be trusted. */
    NOT_CONFIGURED,
    /** webhook-id, webhook-timestamp or webhook-signature absent or blank. */
    MISSING_HEADER,
    /** webhook-timestamp is not a whole number of seconds. */
    TIMESTAMP_NOT_A_NUMBER,
    /** webhook-timestamp lies further in the past than the tolerance (a replay, or a slow queue). */
    TIMESTAMP_TOO_OLD,
    /** webhook-timestamp lies further in the future than the tolerance (a skewed clock). */
    TIMESTAMP_IN_THE_FUTURE,
    /** None of the signatures was made with our secret over these exact bytes. */
    NO_MATCHING_SIGNATURE
  }

  public Verification {
    detail = detail == null ? "" : detail;
  }

  /** An accepted webhook with this id. */
  public static Verification ok(String webhookId) {
    return new Verification(webhookId, null, "");
  }

  /** A rejected webhook. */
  public static Verification rejected(String webhookId, Reason reason, String detail) {
    return new Verification(webhookId, Objects.requireNonNull(reason, "reason"), detail);
  }

  /** True when the signature, timestamp and headers all held. */
  public boolean ok() {
    return reason == null;
  }
}
