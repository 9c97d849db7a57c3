package org.linli.bot.household;

import io.vertx.core.Future;
import java.util.List;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Reply;

/**
 * The chat side of the register: {@code /bind 483920} (or {@code /绑定 483920}) binds the sender
 * to the household the community office gave the code for. Replies concern one household, so they
 * are private even in a group.
 */
public final class HouseholdChat {

  static final String USAGE = "绑定房屋请发送：/bind 绑定码（6位数字，由社区居委会发放），例如 /bind 483920";
  private static final String VOTING = "遇到按户表决的大事，您可以代表本户投票（一户一票，同户成员后投的票会替换先投的）。";

  private final HouseholdRegister register;

  public HouseholdChat(HouseholdRegister register) {
    this.register = register;
  }

  /** True for the commands this class answers. */
  public static boolean handles(String command) {
    return command.equals("/bind") || command.equals("/绑定");
  }

  /** The identity a binding is kept under: {@code platform:userId} (generic:u1, telegram:12345). */
  public static String identity(ChatEvent event) {
    return event.identity().key();
  }

  /** Answers {@code /bind <code>}; {@code rest} is what follows the command. */
  public Future<List<Reply>> bind(ChatEvent event, String rest) {
    String code = digits(rest);
    String identity = identity(event);
    if (rest.isBlank()) {
      return register.householdOf(identity)
          .compose(id -> id == null ? Future.succeededFuture(null) : register.find(id))
          .map(h -> reply(h == null ? USAGE : "您目前绑定的是 " + h.label() + "。如需改绑，请发送：/bind 新的绑定码"));
    }
    if (!code.matches("\\d{6}")) {
      return Future.succeededFuture(reply("绑定码是6位数字。" + USAGE));
    }
    return register.bind(code, identity).map(result -> reply(switch (result.status()) {
      case BOUND -> bound(result);
      case ALREADY_USED -> "这个绑定码已经用过了，每个码只能用一次。如需绑定，请到社区居委会领取新的绑定码。";
      case TOO_MANY_ATTEMPTS -> "输错绑定码的次数太多了，请一小时后再试，或到社区居委会核对绑定码。";
      case UNKNOWN_OR_EXPIRED -> "绑定码不对或已过期。请核对6位数字后重新发送；如果还不行，请到社区居委会领取新的绑定码。";
    }));
  }

  private static String bound(BindResult result) {
    String label = result.household().label();
    if (result.previous() == null) {
      return "已绑定 " + label + "。" + VOTING;
    }
    if (result.previousId().equals(result.householdId())) {
      return "已重新绑定 " + label + "。";
    }
    return "已绑定 " + label + "，原来绑定的 " + result.previous().label() + " 已解除。" + VOTING;
  }

  // Residents type codes with spaces or full-width digits (４８３ ９２０).
  private static String digits(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (c >= '０' && c <= '９') {
        out.append((char) ('0' + c - '０'));
      } else if (!Character.isWhitespace(c) && c != '-' && c != '\u3000') {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  private static List<Reply> reply(String text) {
    return List.of(Reply.privateText(text));
  }
}
