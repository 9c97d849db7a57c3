package org.linli.bot.helpline;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import org.linli.bot.PersonalData;
import org.linli.bot.outbox.Poster;
import org.linli.bot.ticket.Ticket;
import org.linli.webhooks.Capabilities;
import org.linli.webhooks.Capability;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Identity;
import org.linli.webhooks.Outgoing;
import org.linli.webhooks.Reply;

/**
 * Tells a resident about their ticket where they asked: a private message on platforms where the
 * bot can write to a person, otherwise in the group the request came from — then with the receipt
 * number only and phone numbers, ID numbers and addresses masked, never the resident's own text.
 */
public final class ResidentNotifier {

  private final Poster poster;
  private final Capabilities capabilities;

  /**
   * Posts through {@code poster}; privately only where the platform {@linkplain
   * Capability#PRIVATE_MESSAGES writes to a person}.
   */
  public ResidentNotifier(Poster poster, Capabilities capabilities) {
    this.poster = poster;
    this.capabilities = capabilities;
  }

  /** Sends {@code text} (with {@code buttons}) about {@code ticket}, once per {@code id}. */
  public Future<Boolean> tell(String id, Ticket ticket, String text, List<Reply.Button> buttons) {
    String resident = ticket.source().resident();
    String platform = ticket.source().platform();
    Optional<Identity> person = Identity.parse(resident);
    boolean privately = capabilities.has(platform, Capability.PRIVATE_MESSAGES) && person.isPresent();
    ChatEvent.Chat chat = privately
        ? new ChatEvent.Chat(person.get().user(), ChatEvent.ChatType.PRIVATE)
        : new ChatEvent.Chat(ticket.source().chatId(),
            "private".equals(ticket.source().chatType()) ? ChatEvent.ChatType.PRIVATE : ChatEvent.ChatType.GROUP);
    String shown = chat.type() == ChatEvent.ChatType.GROUP ? PersonalData.maskForGroup(text) : text;
    return poster.post(id,
        new Outgoing(platform, chat, Reply.builder(shown).buttons(buttons).privately(privately).build()));
  }
}
