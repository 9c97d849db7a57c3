package org.linli.webhooks.hub;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.linli.config.Secret;

/**
 * Checks a status update the hub posts to {@code /webhooks/hub}, from the three Standard Webhooks
 * headers and the raw body bytes, before anything parses the body: signature with our {@code
 * hub.secret}, timestamp within five minutes. Refusing a {@code webhook-id} seen before (a replay)
 * is the caller's part; the accepted id is in {@link Verification#webhookId()}.
 *
 * <p>Without a secret configured, every callback is refused ({@link
 * Verification.Reason#NOT_CONFIGURED}): a forgotten setting closes the door.
 */
public final class HubCallbackVerifier {

  /** How far a callback's timestamp may be from our clock. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private final StandardWebhooks webhooks;
  private final Clock clock;

  /**
   * A verifier for callbacks signed with {@code secret}, judged by {@code clock}.
   *
   * @throws IllegalArgumentException when the secret is set but not of the form {@code
   *     whsec_<base64>}
   */
  public HubCallbackVerifier(Secret secret, Clock clock) {
    Objects.requireNonNull(secret, "secret");
    this.webhooks = secret.isSet() ? new StandardWebhooks(secret, TOLERANCE) : null;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A verifier on the system clock. */
  public HubCallbackVerifier(Secret secret) {
    this(secret, Clock.systemUTC());
  }

  /** Checks a callback from its {@code webhook-*} headers (any case) and raw body. */
  public Verification verify(MultiMap headers, Buffer body) {
    return verify(headers.get("webhook-id"), headers.get("webhook-timestamp"), headers.get("webhook-signature"),
        body == null ? new byte[0] : body.getBytes());
  }

  /** Checks a callback from the three header values (null when absent) and the raw body bytes. */
  public Verification verify(String webhookId, String timestamp, String signature, byte[] body) {
    if (webhooks == null) {
      return Verification.rejected(webhookId, Verification.Reason.NOT_CONFIGURED, "hub.secret is not set");
    }
    return webhooks.verify(webhookId, timestamp, signature, body, clock.instant());
  }
}
