package org.linli.bot.helpline;

import io.vertx.core.Future;
import java.util.List;
import java.util.Set;
import org.linli.bot.PersonalData;
import org.linli.bot.outbox.Poster;
import org.linli.bot.ticket.Ticket;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;

/**
 * Tells a resident about their ticket where they asked: a private message on platforms where the
 * bot can write to a person, otherwise in the group the request came from — then with the receipt
 * number only and phone numbers, ID numbers and addresses masked, never the resident's own text.
 */
public final class ResidentNotifier {

  /** Platforms whose bots cannot start a private conversation (a DingTalk outgoing robot). */
  private static final Set<String> GROUP_ONLY = Set.of("dingtalk");

  private final Poster poster;

  public ResidentNotifier(Poster poster) {
    this.poster = poster;
  }

  /** Sends {@code text} (with {@code buttons}) about {@code ticket}, once per {@code id}. */
  public Future<Boolean> tell(String id, Ticket ticket, String text, List<Reply.Button> buttons) {
    String resident = ticket.source().resident();
    String platform = ticket.source().platform();
    int colon = resident.indexOf(':');
    boolean privately = !GROUP_ONLY.contains(platform) && colon > 0;
    ChatEvent.Chat chat = privately
        ? new ChatEvent.Chat(resident.substring(colon + 1), ChatEvent.ChatType.PRIVATE)
        : new ChatEvent.Chat(ticket.source().chatId(),
            "private".equals(ticket.source().chatType()) ? ChatEvent.ChatType.PRIVATE : ChatEvent.ChatType.GROUP);
    String shown = chat.type() == ChatEvent.ChatType.GROUP ? PersonalData.maskForGroup(text) : text;
    return poster.post(id, new Outgoing(platform, chat, new Reply(shown, buttons, false, privately, null)));
  }
}
