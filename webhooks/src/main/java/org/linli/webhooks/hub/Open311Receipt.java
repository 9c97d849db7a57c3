package org.linli.webhooks.hub;

/**
 * What an Open311 hub answered to a new request: its {@code service_request_id} when it filed the
 * request at once, or a {@code token} to look the id up by later. Exactly one is non-empty.
 *
 * @param serviceRequestId the hub's receipt number (收件回执), or empty
 * @param token the hub's token for a request not yet filed, or empty
 */
public record Open311Receipt(String serviceRequestId, String token) {

  public Open311Receipt {
    serviceRequestId = serviceRequestId == null ? "" : serviceRequestId.strip();
    token = token == null ? "" : token.strip();
    if (serviceRequestId.isEmpty() == token.isEmpty()) {
      throw new IllegalArgumentException("an Open311 receipt holds either a service_request_id or a token");
    }
  }

  /** True when the hub gave its receipt number straight away. */
  public boolean filed() {
    return !serviceRequestId.isEmpty();
  }
}
