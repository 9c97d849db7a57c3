package org.linli.bot.ticket;

import io.vertx.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A ticket to and from its Redis hash and history list. */
final class TicketCodec {

  /** A ticket as read, with the revision its hash was at (for {@link TicketIndex#sync}). */
  record Loaded(Ticket ticket, long rev) {
  }

  private TicketCodec() {
  }

  /** The hash fields of a new ticket, as field, value, field, value ... */
  static List<String> fields(Ticket t) {
    List<String> f = new ArrayList<>(List.of(
        "receipt", t.receipt(), "category", t.category(), "urgent", t.urgent() ? "1" : "0", "text", t.text(),
        "platform", t.source().platform(), "chatId", t.source().chatId(), "chatType", t.source().chatType(),
        "messageId", t.source().messageId(), "resident", t.source().resident(), "community", t.community(),
        "grid", t.grid(), "createdAt", ms(t.createdAt()), "limitMs", String.valueOf(t.timeLimit().toMillis()),
        "dueAt", ms(t.dueAt()), "status", t.status().apiName(), "rev", "1", "address", t.address()));
    return f;
  }

  /** Reads the reply of the read script: {hash as flat pairs, history}; null if there is no ticket. */
  static Loaded read(Response r) {
    Response hash = r.get(0);
    if (hash == null || hash.size() == 0) {
      return null;
    }
    Map<String, String> h = new HashMap<>();
    for (int i = 0; i + 1 < hash.size(); i += 2) {
      h.put(hash.get(i).toString(), hash.get(i + 1).toString());
    }
    List<TicketEvent> history = new ArrayList<>();
    for (Response e : r.get(1)) {
      history.add(TicketEvent.fromJson(e.toString()));
    }
    String hubId = h.getOrDefault("hubId", "");
    String hubToken = h.getOrDefault("hubToken", "");
    TicketStatus status = TicketStatus.fromApiName(h.get("status"));
    Ticket t = new Ticket(
        h.get("receipt"), h.get("category"), "1".equals(h.get("urgent")), h.getOrDefault("text", ""),
        new TicketSource(h.get("platform"), h.get("chatId"), h.get("chatType"), h.get("messageId"), h.get("resident")),
        h.get("community"), h.get("grid"), instant(h.get("createdAt")),
        Duration.ofMillis(Long.parseLong(h.get("limitMs"))), instant(h.get("dueAt")),
        status == TicketStatus.WAITING_RESIDENT && h.containsKey("remainingMs")
            ? Duration.ofMillis(Long.parseLong(h.get("remainingMs")))
            : null,
        status,
        hubId.isEmpty() && hubToken.isEmpty() ? null : new HubReference(hubId, hubToken),
        h.containsKey("rating") ? Integer.valueOf(h.get("rating")) : null, h.get("comment"),
        instant(h.get("firstResolvedAt")), "1".equals(h.get("resolvedInTime")), history,
        h.getOrDefault("address", ""));
    return new Loaded(t, Long.parseLong(h.getOrDefault("rev", "1")));
  }

  static String ms(Instant at) {
    return String.valueOf(at.toEpochMilli());
  }

  private static Instant instant(String ms) {
    return ms == null ? null : Instant.ofEpochMilli(Long.parseLong(ms));
  }
}
