package org.linli.bot.attachment;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.linli.webhooks.Attachment;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.MediaDownload;
import org.linli.webhooks.MediaFetcher;

/**
 * Turns the photos and locations of a chat message into what a ticket keeps: each photo's bytes
 * are taken from the message (Base64, generic channel), fetched through the platform's API (by its
 * media reference) or downloaded from its URL, then checked and kept ({@link Attachments}); a
 * location is kept as it is. When the message carries a location, photos keep their EXIF.
 */
public final class PhotoIntake {

  private static final long TIMEOUT_MILLIS = 15_000;

  private final Attachments attachments;
  private final Map<String, MediaFetcher> fetchers;
  private final WebClient web;

  /** {@code fetchers} by platform name. */
  public PhotoIntake(Attachments attachments, Map<String, MediaFetcher> fetchers, WebClient web) {
    this.attachments = attachments;
    this.fetchers = Map.copyOf(fetchers);
    this.web = web;
  }

  /** The largest photo accepted, in bytes. */
  public long maxBytes() {
    return attachments.maxBytes();
  }

  /** The message's attachments, kept, in order; fails with the first photo refused or not fetched. */
  public Future<List<KeptAttachment>> keep(ChatEvent event) {
    boolean located = event.attachments().stream().anyMatch(a -> a.kind() == Attachment.Kind.LOCATION);
    Future<List<KeptAttachment>> kept = Future.succeededFuture(new ArrayList<>());
    for (Attachment a : event.attachments()) {
      kept = kept.compose(list -> one(event, a, located).map(k -> {
        list.add(k);
        return list;
      }));
    }
    return kept.map(List::copyOf);
  }

  private Future<KeptAttachment> one(ChatEvent event, Attachment a, boolean located) {
    if (a.kind() == Attachment.Kind.LOCATION) {
      return Future.succeededFuture(KeptAttachment.location(a.latitude(), a.longitude(), a.label()));
    }
    return bytes(event, a).compose(b -> attachments.save(b, located)).map(KeptAttachment::image);
  }

  private Future<byte[]> bytes(ChatEvent event, Attachment image) {
    long max = attachments.maxBytes();
    if (!image.base64().isEmpty()) {
      byte[] decoded;
      try {
        decoded = Base64.getMimeDecoder().decode(image.base64());
      } catch (IllegalArgumentException e) {
        return Future.failedFuture(new AttachmentRefused(AttachmentRefused.Reason.UNREADABLE, "not Base64"));
      }
      return Future.succeededFuture(decoded);
    }
    MediaFetcher fetcher = fetchers.get(event.platform());
    Future<Buffer> fetched = !image.ref().isEmpty() && fetcher != null
        ? fetcher.fetch(image, event.messageId(), max)
        : download(image.url(), max);
    // A platform API that cannot fetch by reference may still have given a URL (a picture URL in the callback).
    if (!image.ref().isEmpty() && fetcher != null && !image.url().isEmpty()) {
      fetched = fetched.recover(e -> e instanceof MediaDownload.TooLarge
          ? Future.failedFuture(e)
          : download(image.url(), max));
    }
    return fetched.recover(e -> Future.failedFuture(e instanceof MediaDownload.TooLarge
        ? new AttachmentRefused(AttachmentRefused.Reason.TOO_LARGE, e.getMessage())
        : e)).map(Buffer::getBytes);
  }

  private Future<Buffer> download(String url, long max) {
    if (url.isEmpty()) {
      return Future
          .failedFuture(new IllegalStateException("the photo has neither bytes, a fetchable reference nor a URL"));
    }
    return web.getAbs(url).timeout(TIMEOUT_MILLIS).connectTimeout(TIMEOUT_MILLIS).send()
        .compose(response -> MediaDownload.body(response, max, "the photo's URL"));
  }
}
