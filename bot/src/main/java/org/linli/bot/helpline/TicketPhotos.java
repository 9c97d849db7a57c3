package org.linli.bot.helpline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.linli.bot.attachment.AttachmentLinks;
import org.linli.bot.attachment.KeptAttachment;
import org.linli.bot.attachment.PhotoIntake;
import org.linli.webhooks.ChatEvent;

/**
 * The photos and locations of tickets: kept through {@link PhotoIntake}, listed with the ticket in
 * Redis ({@code ticket:{<receipt>}:attachments}), and shown to the hub as signed, expiring links.
 * A ticket just opened stays the target of what the resident sends in the same chat for {@value
 * #FOLLOW_SECONDS} seconds.
 */
public final class TicketPhotos {

  /** How long after opening a ticket a photo or location in the same chat joins it. */
  static final long FOLLOW_SECONDS = 300;

  private static final String RECENT = "helpline:{recent}:";

  private final PhotoIntake intake;
  private final AttachmentLinks links;
  private final Supplier<String> publicUrl;
  private final RedisAPI redis;

  /** {@code publicUrl} gives the service's public address (links are absolute). */
  public TicketPhotos(PhotoIntake intake, AttachmentLinks links, Supplier<String> publicUrl, RedisAPI redis) {
    this.intake = intake;
    this.links = links;
    this.publicUrl = publicUrl;
    this.redis = redis;
  }

  /** Keeps the attachments of {@code event}. */
  Future<List<KeptAttachment>> keep(ChatEvent event) {
    return event.hasAttachments() ? intake.keep(event) : Future.succeededFuture(List.of());
  }

  /** Adds {@code kept} to the ticket's list; gives the list's length after (0 when nothing was added). */
  Future<Long> add(String receipt, List<KeptAttachment> kept) {
    if (kept.isEmpty()) {
      return Future.succeededFuture(0L);
    }
    List<String> args = new ArrayList<>();
    args.add(key(receipt));
    kept.forEach(k -> args.add(k.toJson().encode()));
    return redis.rpush(args).map(Response::toLong);
  }

  /** The largest photo accepted, in bytes. */
  long maxBytes() {
    return intake.maxBytes();
  }

  /** The ticket's attachments, oldest first. */
  public Future<List<KeptAttachment>> of(String receipt) {
    return redis.lrange(key(receipt), "0", "-1").map(r -> {
      List<KeptAttachment> out = new ArrayList<>();
      if (r != null) {
        for (Response item : r) {
          out.add(KeptAttachment.fromJson(new JsonObject(item.toString())));
        }
      }
      return out;
    });
  }

  /** Remembers that the sender of {@code event} just opened {@code receipt} in this chat. */
  Future<Void> opened(ChatEvent event, String receipt) {
    return redis.set(List.of(recent(event), receipt, "EX", String.valueOf(FOLLOW_SECONDS))).mapEmpty();
  }

  /** The ticket the sender opened in this chat within the last few minutes, or null. */
  Future<String> justOpened(ChatEvent event) {
    return redis.get(recent(event)).map(r -> r == null ? null : r.toString());
  }

  /**
   * The attachments as the hub reads them: {@code {"kind":"image","url","contentType","bytes"}}
   * with a signed link, {@code {"kind":"location","latitude","longitude","label"}}.
   */
  JsonArray forHub(List<KeptAttachment> kept) {
    JsonArray out = new JsonArray();
    for (KeptAttachment k : kept) {
      out.add(k.isImage()
          ? new JsonObject().put("kind", k.kind()).put("url", publicUrl.get() + links.link(k.id()))
              .put("contentType", k.contentType()).put("bytes", k.bytes())
          : new JsonObject().put("kind", k.kind()).put("latitude", k.latitude()).put("longitude", k.longitude())
              .put("label", k.label()));
    }
    return out;
  }

  private static String key(String receipt) {
    return "ticket:{" + receipt + "}:attachments";
  }

  private static String recent(ChatEvent event) {
    return RECENT + event.identity().key() + "|" + event.chat().id();
  }
}
