package org.linli.bot.helpline;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.linli.bot.consultation.Moderators;
import org.linli.bot.outbox.Outbox;
import org.linli.bot.ticket.CategoryGuesser;
import org.linli.bot.ticket.NewTicket;
import org.linli.bot.ticket.Ticket;
import org.linli.bot.ticket.TicketEvent;
import org.linli.bot.ticket.TicketLimitReached;
import org.linli.bot.ticket.TicketSource;
import org.linli.bot.ticket.TicketStore;
import org.linli.bot.ticket.TransitionResult;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The help-line in the chat (一门式受理, 首问负责, 收件回执): {@code /help 楼道灯坏了} (also
 * {@code /求助}), a request the bot recognises, or the "转给求助热线" button opens a ticket; the
 * resident is answered with the receipt number and the promised time limit only once the ticket is
 * in Redis, and the ticket goes to the hub through the durable outbox. {@code /status <receipt>}
 * shows progress (details to the requester and the chat's moderators only); {@code /rate} and the
 * rating buttons record satisfaction.
 */
public final class HelpDesk {

  /** Button data prefix of a rating: {@code rate:<receipt>:<stars>}. */
  public static final String RATE = "rate:";
  /** The hotline residents can always call. */
  public static final String HOTLINE = "12345";

  private static final Logger LOG = LoggerFactory.getLogger(HelpDesk.class);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");
  private static final Map<String, String> CATEGORY = Map.of(
      CategoryGuesser.EMERGENCY, "紧急求助", CategoryGuesser.REPAIR, "报修", CategoryGuesser.ELDERLY, "为老服务",
      CategoryGuesser.SOCIAL_ASSISTANCE, "社会救助", CategoryGuesser.CONSULTATION, "咨询求助");

  private final TicketStore tickets;
  private final CategoryGuesser guesser = new CategoryGuesser();
  private final Outbox hub;
  private final ForwardOffers offers;
  private final Moderators moderators;
  private final ZoneId zone;
  private final Clock clock;

  public HelpDesk(TicketStore tickets, Outbox hub, ForwardOffers offers, Moderators moderators, ZoneId zone,
      Clock clock) {
    this.tickets = tickets;
    this.hub = hub;
    this.offers = offers;
    this.moderators = moderators;
    this.zone = zone;
    this.clock = clock;
  }

  /** True for the commands this desk answers. */
  public static boolean handles(String command) {
    return switch (command) {
      case "/help", "/求助", "/status", "/进度", "/rate", "/评价" -> true;
      default -> false;
    };
  }

  /** The name of a category as residents read it. */
  public static String categoryName(String category) {
    return CATEGORY.getOrDefault(category, category);
  }

  /** Answers one of the commands of {@link #handles}. */
  public Future<List<Reply>> command(ChatEvent event, String command, String rest) {
    return switch (command) {
      case "/help", "/求助" -> rest.isBlank()
          ? reply("请在 /help 后面写上需要帮助的事，例如：/help 3号楼2单元楼道灯坏了。紧急情况请直接拨打 110/119/120。")
          : open(event, rest, false, "");
      case "/status", "/进度" -> status(event, rest.strip());
      default -> rateCommand(event, rest.strip());
    };
  }

  /** A pressed button: {@code forward:<token>} or {@code rate:<receipt>:<stars>}; empty when not ours. */
  public Optional<Future<List<Reply>>> button(ChatEvent event, String data) {
    return data.startsWith(ForwardOffers.PREFIX) || data.startsWith(RATE)
        ? Optional.of(press(event, data)) : Optional.empty();
  }

  private Future<List<Reply>> press(ChatEvent event, String data) {
    if (data.startsWith(ForwardOffers.PREFIX)) {
      return offers.take(data).compose(offer -> offer == null
          ? reply("这个按钮已经用过或过期了。如需帮助，请发送 /help 加上您的情况，或拨打求助热线 " + HOTLINE + "。")
          : open(event, offer.text(), offer.urgent(), offer.rule()));
    }
    if (data.startsWith(RATE)) {
      String[] parts = data.substring(RATE.length()).split(":");
      if (parts.length == 2 && parts[1].matches("[1-5]")) {
        return rate(event, parts[0], Integer.parseInt(parts[1]), "");
      }
      return reply("这个评价按钮已经失效了。");
    }
    throw new IllegalArgumentException("Not a help-line button: " + data);
  }

  /**
   * Opens a ticket for {@code text}; replies with the receipt number and the time limit once it is
   * stored, or with a polite refusal naming the hotline when the resident's hourly limit is reached.
   */
  public Future<List<Reply>> open(ChatEvent event, String text, boolean urgent, String rule) {
    String category = guesser.guess(text, rule);
    boolean isUrgent = urgent || CategoryGuesser.EMERGENCY.equals(category);
    TicketSource source = new TicketSource(event.platform(), event.chat().id(),
        event.chat().type().name().toLowerCase(java.util.Locale.ROOT), event.messageId(),
        event.identity().key());
    return tickets.open(new NewTicket(category, isUrgent, text, source, event.chat().id(), "", clock.instant()))
        .compose(ticket -> hub.enqueue(HubEvents.id("created", ticket.receipt()), HubEvents.created(ticket, clock.instant()))
            .map(queued -> ticket))
        .map(ticket -> List.of(Reply.text(received(ticket))))
        .recover(e -> {
          if (e instanceof TicketLimitReached limit) {
            return reply("您这一小时内已经提交了多次求助，请稍后（" + WHEN.format(limit.retryAfter().atZone(zone))
                + " 以后）再提交；如情况紧急，请直接拨打社区求助热线 " + HOTLINE + "，有人身危险请拨打 110/119/120。");
          }
          return Future.failedFuture(e);
        });
  }

  private String received(Ticket t) {
    StringBuilder out = new StringBuilder();
    if (t.urgent()) {
      out.append("⚠️ 已按紧急情况转交。如有人身危险，请立即拨打 110（报警）/119（火警）/120（急救）。\n");
    }
    out.append("✅ 已受理您的求助，回执号：").append(t.receipt()).append("（请记下，可发送 /status ").append(t.receipt())
        .append(" 查询进度）。\n类别：").append(categoryName(t.category()));
    if (t.timeLimit() != null && t.dueAt() != null) {
      out.append("；承诺时限：").append(t.timeLimit().toHours() > 0 ? hours(t.timeLimit().toHours())
              : Math.max(1, t.timeLimit().toMinutes()) + "分钟").append("内（").append(WHEN.format(t.dueAt().atZone(zone)))
          .append(" 前）");
    }
    out.append("。\n社区求助热线首问负责、全程跟踪，有进展会第一时间告诉您。");
    return out.toString();
  }

  private static String hours(long h) {
    return h % 24 == 0 && h >= 24 ? (h / 24) + "天" : h + "小时";
  }

  private Future<List<Reply>> status(ChatEvent event, String receipt) {
    if (receipt.isEmpty()) {
      String resident = event.identity().key();
      return tickets.byResident(resident, 5).map(list -> {
        if (list.isEmpty()) {
          return List.of(Reply.privateText("您还没有提交过求助。发送 /help 加上您的情况即可。"));
        }
        StringBuilder out = new StringBuilder("您最近的求助：\n");
        list.forEach(t -> out.append(t.receipt()).append(" ").append(t.status().label()).append('\n'));
        out.append("发送 /status 回执号 查看详情。");
        return List.of(Reply.privateText(out.toString()));
      });
    }
    return tickets.find(receipt).map(t -> {
      if (t == null) {
        return List.of(Reply.privateText("没有找到回执号 " + receipt + "，请核对（格式如 20261122-0042）。"));
      }
      boolean requester = t.source().resident().equals(event.identity().key());
      boolean moderator = moderators.moderates(event.chatRef(), event.identity());
      if (!requester && !moderator) {
        return List.of(Reply.privateText("求助 " + receipt + " 的详情只有提交人和社区工作人员可以查看。"));
      }
      return List.of(Reply.privateText(details(t)));
    });
  }

  private String details(Ticket t) {
    StringBuilder out = new StringBuilder("求助 ").append(t.receipt()).append("：").append(t.status().label()).append('\n')
        .append("类别：").append(categoryName(t.category())).append("；受理：").append(WHEN.format(t.createdAt().atZone(zone)));
    if (t.dueAt() != null) {
      out.append("；时限：").append(WHEN.format(t.dueAt().atZone(zone))).append(" 前");
    }
    out.append('\n');
    for (TicketEvent e : t.history()) {
      out.append("· ").append(WHEN.format(e.at().atZone(zone))).append(" ").append(e.status().label());
      if (e.note() != null && !e.note().isBlank()) {
        out.append("：").append(e.note());
      }
      out.append('\n');
    }
    return out.toString().strip();
  }

  private Future<List<Reply>> rateCommand(ChatEvent event, String rest) {
    String[] parts = rest.split("\\s+", 3);
    if (parts.length < 2 || !parts[1].matches("[1-5]")) {
      return reply("评价的写法：/rate 回执号 1到5分 [意见]，例如 /rate 20261122-0042 5 修得很及时");
    }
    return rate(event, parts[0], Integer.parseInt(parts[1]), parts.length == 3 ? parts[2] : "");
  }

  private Future<List<Reply>> rate(ChatEvent event, String receipt, int stars, String comment) {
    return tickets.find(receipt).compose(t -> {
      if (t == null) {
        return reply(true, "没有找到回执号 " + receipt + "。");
      }
      if (!t.source().resident().equals(event.identity().key())) {
        return reply(true, "只有提交求助的居民可以评价。");
      }
      return tickets.rate(receipt, stars, org.linli.bot.PersonalData.mask(comment), clock.instant())
          .compose(result -> {
            if (!result.applied()) {
              return reply(true, result.outcome() == TransitionResult.Outcome.BAD_RATING
                  ? "请打 1 到 5 分。" : "这件事现在还不能评价（" + result.current().label() + "）。");
            }
            Ticket rated = result.ticket();
            LOG.info("Ticket {} rated {}", receipt, stars);
            return hub.enqueue(HubEvents.id("rated", receipt), HubEvents.rated(rated, clock.instant()))
                .map(v -> List.of(Reply.privateText(stars <= 2
                    ? "谢谢您的评价。我们已重新打开这件事（" + receipt + "），会有专人跟进，给您满意的答复。"
                    : "谢谢您的评价！这件事（" + receipt + "）已办结回访。")));
          });
    });
  }

  /** The rating buttons sent with "已办结". */
  public static List<Reply.Button> ratingButtons(String receipt) {
    List<Reply.Button> buttons = new ArrayList<>();
    String[] labels = {"1 很不满意", "2 不满意", "3 一般", "4 满意", "5 很满意"};
    for (int i = 1; i <= 5; i++) {
      buttons.add(new Reply.Button(labels[i - 1], RATE + receipt + ":" + i));
    }
    return buttons;
  }

  private static Future<List<Reply>> reply(String text) {
    return Future.succeededFuture(List.of(Reply.text(text)));
  }

  private static Future<List<Reply>> reply(boolean privately, String text) {
    return Future.succeededFuture(List.of(privately ? Reply.privateText(text) : Reply.text(text)));
  }
}
