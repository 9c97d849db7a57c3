package org.linli.bot.household;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;
import org.linli.bot.text.Text;
import org.linli.bot.text.Words;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.ChatRef;
import org.linli.webhooks.Reply;

/**
 * The chat side of the register: {@code /bind 483920} (or {@code /绑定 483920}) binds the sender
 * to the household the community office gave the code for, on the register of the community the
 * chat belongs to (a code of another community's household does not bind there). Replies concern
 * one household, so they are private even in a group.
 */
public final class HouseholdChat {

  static final String USAGE = Text.BIND_USAGE.of();
  private static final String VOTING = Text.BIND_VOTING.of();
  private static final List<String> BIND = Words.COMMAND_BIND.list();

  private static final int FULL_WIDTH_ZERO = 0xFF10;
  private static final int IDEOGRAPHIC_SPACE = 0x3000;

  private final Function<ChatRef, HouseholdRegister> registers;

  /** Binds on this one register, whatever the chat. */
  public HouseholdChat(HouseholdRegister register) {
    this(chat -> register);
  }

  /** Binds on the register of each chat's community. */
  public HouseholdChat(Registers registers) {
    this(registers::of);
  }

  private HouseholdChat(Function<ChatRef, HouseholdRegister> registers) {
    this.registers = registers;
  }

  /** True for the commands this class answers. */
  public static boolean handles(String command) {
    return BIND.contains(command);
  }

  /** The identity a binding is kept under: {@code platform:userId} (generic:u1, or a chat app's own user id after its name). */
  public static String identity(ChatEvent event) {
    return event.identity().key();
  }

  /** Answers {@code /bind <code>}; {@code rest} is what follows the command. */
  public Future<List<Reply>> bind(ChatEvent event, String rest) {
    String code = digits(rest);
    String identity = identity(event);
    HouseholdRegister register = registers.apply(event.chatRef());
    if (rest.isBlank()) {
      return register.householdOf(identity)
          .compose(id -> id == null ? Future.succeededFuture(null) : register.find(id))
          .map(h -> reply(h == null ? USAGE : Text.BIND_CURRENT.of(h.label())));
    }
    if (!code.matches("\\d{6}")) {
      return Future.succeededFuture(reply(Text.BIND_SIX_DIGITS.of() + USAGE));
    }
    // One sentence for every refusal: whether a code exists, was used or binding is paused is
    // nothing a guesser should learn.
    return register.bind(code, identity)
        .map(result -> reply(result.bound() ? bound(result) : Text.BIND_REFUSED.of()));
  }

  private static String bound(BindResult result) {
    String label = result.household().label();
    if (result.previous() == null) {
      return Text.BIND_BOUND.of(label) + VOTING;
    }
    if (result.previousId().equals(result.householdId())) {
      return Text.BIND_REBOUND.of(label);
    }
    return Text.BIND_MOVED.of(label, result.previous().label()) + VOTING;
  }

  // Residents type codes with spaces or full-width digits (４８３ ９２０).
  private static String digits(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (c >= FULL_WIDTH_ZERO && c <= FULL_WIDTH_ZERO + 9) {
        out.append((char) ('0' + c - FULL_WIDTH_ZERO));
      } else if (!Character.isWhitespace(c) && c != '-' && c != IDEOGRAPHIC_SPACE) {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  private static List<Reply> reply(String text) {
    return List.of(Reply.privateText(text));
  }
}
