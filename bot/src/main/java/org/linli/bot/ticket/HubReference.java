package org.linli.bot.ticket;

/**
 * What the hub calls the ticket: its Open311 {@code service_request_id}, or the {@code token} it
 * hands out before an id is assigned. Either may be empty, not both.
 */
public record HubReference(String serviceRequestId, String token) {

  public HubReference {
    serviceRequestId = serviceRequestId == null ? "" : serviceRequestId;
    token = token == null ? "" : token;
    if (serviceRequestId.isEmpty() && token.isEmpty()) {
      throw new IllegalArgumentException("a hub reference needs a service_request_id or a token");
    }
  }
}
