package org.linli.bot.helpline;

import io.vertx.core.Future;
import java.util.List;
import org.linli.bot.consultation.Moderators;
import org.linli.bot.text.Text;
import org.linli.bot.ticket.TicketStore;
import org.linli.bot.ticket.TransitionResult;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The community's own evaluation of how a ticket was handled (联合评单): a moderator of the chat
 * the ticket was written in types {@code /evaluate <receipt> 1-5 评语} (also {@code /评单}), or an
 * operator calls {@code POST /api/v1/tickets/{receipt}/evaluation}. Each evaluation is a line of
 * the ticket's history ({@code evaluation}, by {@code community}) and a signed {@code
 * ticket.evaluated} to the hub; the status does not change.
 */
public record Evaluations(TicketStore tickets, HubFeed hub, Moderators moderators, Times times) {

  private static final Logger LOG = LoggerFactory.getLogger(Evaluations.class);

  /**
   * Records an evaluation by {@code by} (a moderator's identity, or the operator named in the API
   * call) and queues its hub event. The result is refused for a score outside 1–5 ({@code
   * BAD_RATING}) or an unknown receipt.
   */
  public Future<TransitionResult> evaluate(String receipt, int score, String comment, String by) {
    return tickets.evaluate(receipt, score, comment == null ? "" : comment.strip(), times.now())
        .compose(result -> {
          if (!result.applied()) {
            return Future.succeededFuture(result);
          }
          LOG.info("Ticket {} evaluated {} by the community", receipt, score);
          return hub.evaluated(result.ticket(), by).map(result);
        });
  }

  /** {@code /evaluate <receipt> <1-5> 评语}, for the moderators of the ticket's chat. */
  Future<List<Reply>> command(ChatEvent event, String rest) {
    String[] parts = rest.strip().split("\\s+", 3);
    if (parts.length < 2 || !parts[1].matches("[1-5]")) {
      return reply(Text.EVALUATE_USAGE.of());
    }
    String receipt = parts[0];
    return tickets.find(receipt).compose(t -> {
      if (t == null) {
        return reply(Text.REPLY_NOT_FOUND.of(receipt));
      }
      if (!HelpDesk.moderates(moderators, t, event)) {
        return reply(Text.EVALUATE_NOT_MODERATOR.of(receipt));
      }
      int score = Integer.parseInt(parts[1]);
      return evaluate(receipt, score, parts.length == 3 ? parts[2] : "", event.identity().key())
          .compose(r -> r.applied()
              ? reply(Text.EVALUATE_DONE.of(receipt, score))
              : reply(Text.REPLY_NOT_FOUND.of(receipt)));
    });
  }

  private static Future<List<Reply>> reply(String text) {
    return Future.succeededFuture(List.of(Reply.privateText(text)));
  }
}
