package org.linli.bot.helpline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linli.bot.PersonalData;
import org.linli.bot.text.Text;
import org.linli.bot.ticket.Ticket;
import org.linli.bot.ticket.TicketStore;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resident's side of a ticket in the chat. While a ticket waits for the resident (待居民补充),
 * their answer — a private message, a message quoting the bot's message about that ticket (it
 * names the receipt number), or {@code /reply <receipt> …} (also {@code /补充}) — goes into the
 * ticket's history, resumes its clock and reaches the hub as a signed {@code ticket.reply}. A
 * resident with several waiting tickets who quotes none is asked once which receipt (buttons
 * {@code reply:<receipt>}); what they write meanwhile joins the pending text. After a rating
 * without a comment the bot asks "想补充几句吗？": the resident's next message in that chat within
 * {@code tickets.commentMinutes} is the rating's comment ({@code ticket.comment}).
 */
final class ResidentReplies {

  /** Button data prefix of the choice of a waiting ticket: {@code reply:<receipt>}. */
  static final String BUTTON = "reply:";

  private static final Logger LOG = LoggerFactory.getLogger(ResidentReplies.class);
  private static final Pattern RECEIPT = Pattern.compile("(?<!\\d)(\\d{8}-\\d{4,})(?!\\d)");
  private static final String CHOICE = "helpline:{replies}:choice:";
  private static final String COMMENT = "helpline:{replies}:comment:";
  private static final long CHOICE_SECONDS = 86_400;

  private final TicketPhotos photos;
  private final TicketStore tickets;
  private final HubFeed hub;
  private final RedisAPI redis;
  private final Times times;
  private final Duration commentWindow;

  ResidentReplies(TicketStore tickets, HubFeed hub, RedisAPI redis, Times times, Duration commentWindow,
      TicketPhotos photos) {
    this.photos = photos;
    this.tickets = tickets;
    this.hub = hub;
    this.redis = redis;
    this.times = times;
    this.commentWindow = commentWindow;
  }

  /** {@code /reply <receipt> 内容}: the resident's reply about one of their open tickets. */
  Future<List<Reply>> command(ChatEvent event, String rest) {
    String[] parts = rest.strip().split("\\s+", 2);
    if (parts.length < 2 || parts[1].isBlank()) {
      return reply(Text.REPLY_USAGE.of());
    }
    return tickets.find(parts[0]).compose(t -> {
      if (t == null) {
        return reply(Text.REPLY_NOT_FOUND.of(parts[0]));
      }
      if (!t.source().resident().equals(event.identity().key())) {
        return reply(Text.REPLY_NOT_YOURS.of());
      }
      return send(event, t.receipt(), parts[1].strip());
    });
  }

  /**
   * A message that is not a command: the comment on a rating the bot asked about, or the answer
   * to a ticket waiting for this resident. Empty when it is neither (then it is a question).
   */
  Future<Optional<List<Reply>>> answering(ChatEvent event) {
    String text = event.text().strip();
    if (text.isEmpty() || event.isCallback()) {
      return Future.succeededFuture(Optional.empty());
    }
    String resident = event.identity().key();
    return redis.get(COMMENT + resident).compose(pending -> {
      if (pending != null) {
        JsonObject p = new JsonObject(pending.toString());
        if (p.getString("chat", "").equals(event.chat().id())) {
          return redis.del(List.of(COMMENT + resident))
              .compose(v -> comment(p.getString("receipt"), text))
              .map(Optional::of);
        }
      }
      return waiting(event, text);
    });
  }

  private Future<Optional<List<Reply>>> waiting(ChatEvent event, String text) {
    if (event.chat().type() != ChatEvent.ChatType.PRIVATE && !RECEIPT.matcher(event.quoted()).find()) {
      return Future.succeededFuture(Optional.empty()); // group chatter: no look-up
    }
    return tickets.waitingFor(event.identity().key()).compose(list -> {
      if (list.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      Matcher quoted = RECEIPT.matcher(event.quoted());
      while (quoted.find()) {
        String receipt = quoted.group(1);
        if (list.stream().anyMatch(t -> t.receipt().equals(receipt))) {
          return send(event, receipt, text).map(Optional::of);
        }
      }
      if (event.chat().type() != ChatEvent.ChatType.PRIVATE) {
        return Future.succeededFuture(Optional.empty()); // among neighbours only a quote is an answer
      }
      if (list.size() == 1) {
        return send(event, list.get(0).receipt(), text).map(Optional::of);
      }
      return ask(event, text, list).map(Optional::of);
    });
  }

  /** Several tickets wait: ask once which one, keeping the text (later messages join it). */
  private Future<List<Reply>> ask(ChatEvent event, String text, List<Ticket> waiting) {
    String key = CHOICE + event.identity().key();
    return redis.get(key).compose(before -> {
      boolean asked = before != null;
      String joined = asked ? new JsonObject(before.toString()).getString("text") + "\n" + text : text;
      String json = new JsonObject().put("text", joined).encode();
      return redis.set(List.of(key, json, "EX", String.valueOf(CHOICE_SECONDS))).map(ok -> {
        if (asked) {
          return List.of(Reply.privateText(Text.REPLY_WHICH_MORE.of()));
        }
        List<Reply.Button> buttons = new ArrayList<>();
        for (Ticket t : waiting) {
          buttons.add(new Reply.Button(t.receipt() + " " + HelpDesk.categoryName(t.category()), BUTTON + t.receipt()));
        }
        return List.of(Reply.builder(Text.REPLY_WHICH.of(waiting.size())).buttons(buttons).privately().build());
      });
    });
  }

  /** The press of {@code reply:<receipt>}: the pending text goes to that ticket. */
  Future<List<Reply>> press(ChatEvent event, String data) {
    String receipt = data.substring(BUTTON.length());
    return redis.getdel(CHOICE + event.identity().key()).compose(pending -> {
      if (pending == null) {
        return reply(Text.REPLY_BUTTON_EXPIRED.of());
      }
      String text = new JsonObject(pending.toString()).getString("text");
      return tickets.find(receipt).compose(t -> t == null || !t.source().resident().equals(event.identity().key())
          ? reply(Text.REPLY_NOT_YOURS.of())
          : send(event, receipt, text));
    });
  }

  /** The resident's reply {@code text} to ticket {@code receipt}: its history and a {@code ticket.reply}. */
  Future<List<Reply>> send(ChatEvent event, String receipt, String text) {
    return tickets.reply(receipt, text, times.now()).compose(result -> switch (result.outcome()) {
      case APPLIED -> {
        Ticket t = result.ticket();
        LOG.info("Ticket {}: the resident replied ({} -> {})", receipt, result.previous().apiName(),
            t.status().apiName());
        yield attachments(event, receipt).compose(attached -> hub.reply(t, attached))
            .map(v -> List.of(Reply.privateText(Text.REPLY_RECEIVED.of(receipt, t.status().label()))));
      }
      case UNKNOWN -> reply(Text.REPLY_NOT_FOUND.of(receipt));
      default -> reply(Text.REPLY_CLOSED.of(receipt, result.current().label()));
    });
  }

  /**
   * What the resident attached to the reply (photos, a location), kept and added to the ticket's
   * attachments, as the hub reads them (signed links); empty when nothing was attached. A photo the
   * store refuses does not hold the reply back: the reply goes without it.
   */
  private Future<JsonArray> attachments(ChatEvent event, String receipt) {
    if (!event.hasAttachments()) {
      return Future.succeededFuture(new JsonArray());
    }
    return photos.keep(event)
        .compose(kept -> photos.add(receipt, kept).map(n -> photos.forHub(kept)))
        .recover(e -> {
          LOG.warn("Ticket {}: an attachment of the resident's reply was not kept: {}", receipt, e.getMessage());
          return Future.succeededFuture(new JsonArray());
        });
  }

  /** After a rating without a comment: asks for one and opens the window for it. */
  Future<Reply> askComment(ChatEvent event, String receipt, Reply thanks) {
    String json = new JsonObject().put("receipt", receipt).put("chat", event.chat().id()).encode();
    return redis.set(List.of(COMMENT + event.identity().key(), json, "EX", String.valueOf(commentWindow.toSeconds())))
        .map(ok -> Reply.privateText(thanks.text() + "\n" + Text.RATE_COMMENT_ASK.of(commentWindow.toMinutes())));
  }

  private Future<List<Reply>> comment(String receipt, String text) {
    return tickets.comment(receipt, PersonalData.mask(text), times.now()).compose(result -> {
      if (!result.applied()) {
        return Future.succeededFuture(List.<Reply>of());
      }
      return hub.comment(result.ticket()).map(v -> List.of(Reply.privateText(Text.RATE_COMMENT_THANKS.of(receipt))));
    });
  }

  private static Future<List<Reply>> reply(String text) {
    return Future.succeededFuture(List.of(Reply.privateText(text)));
  }
}
