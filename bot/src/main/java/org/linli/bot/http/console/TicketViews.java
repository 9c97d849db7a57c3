package org.linli.bot.http.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.linli.bot.attachment.AttachmentLinks;
import org.linli.bot.attachment.KeptAttachment;
import org.linli.bot.community.Community;
import org.linli.bot.helpline.HelpDesk;
import org.linli.bot.helpline.OperatorDesk;
import org.linli.bot.helpline.TicketQueue;
import org.linli.bot.text.Text;
import org.linli.bot.ticket.Ticket;
import org.linli.bot.ticket.TicketEvent;
import org.linli.bot.ticket.TicketStatus;

/**
 * What the ticket pages ({@code tickets.jte}, {@code ticket.jte}) show, worked out here so the
 * templates only print: a queue row with its time left and its colour (within the limit, past 80%,
 * overdue), a ticket's fields, history lines with who made them, attachments as signed links, and
 * the choices of its forms. The resident's text and address are shown as the REST API shows them.
 */
public final class TicketViews {

  /** The CSS class of a ticket within its limit. */
  public static final String WITHIN = "ticket-within";
  /** The CSS class of a ticket past four fifths of its limit. */
  public static final String SOON = "ticket-soon";
  /** The CSS class of a ticket past its limit. */
  public static final String OVERDUE = "ticket-overdue";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Map<String, Text> KINDS = Map.of("status", Text.CONSOLE_TICKET_KIND_STATUS,
      "reply", Text.CONSOLE_TICKET_KIND_REPLY, "rating", Text.CONSOLE_TICKET_KIND_RATING,
      "comment", Text.CONSOLE_TICKET_KIND_COMMENT, "evaluation", Text.CONSOLE_TICKET_KIND_EVALUATION,
      "message", Text.CONSOLE_TICKET_KIND_MESSAGE, "category", Text.CONSOLE_TICKET_KIND_CATEGORY,
      "merge", Text.CONSOLE_TICKET_KIND_MERGE);
  private static final Map<String, Text> ACTORS = Map.of("resident", Text.CONSOLE_TICKET_ACTOR_RESIDENT,
      "hub", Text.CONSOLE_TICKET_ACTOR_HUB, "operator", Text.CONSOLE_TICKET_ACTOR_OPERATOR,
      "community", Text.CONSOLE_TICKET_ACTOR_COMMUNITY, "system", Text.CONSOLE_TICKET_ACTOR_SYSTEM);

  /** A row of the queue; {@code tone} is its CSS class, {@code toneLabel} the same in words. */
  public record Row(String receipt, String status, String category, boolean urgent, String address, String text,
      String due, String left, String tone, String toneLabel) {
  }

  /** A link narrowing the queue to one status (or none), with its count. */
  public record Filter(String label, String href, boolean current) {
  }

  /** A value of a form's select and its label. */
  public record Option(String value, String label) {
  }

  /** A line of the history: when, what, the status after it, who (role and name), its note. */
  public record Line(String at, String what, String status, String who, String note) {
  }

  /** An attachment: a photo with its signed link ({@code href}), or a location ({@code href} null). */
  public record Attachment(String label, String href) {
  }

  /**
   * One ticket as its page shows it; {@code left} and {@code tone} are empty once it is no longer
   * open, {@code moves} are the statuses the lifecycle allows next (merging has its own form).
   */
  public record Detail(String receipt, String status, String category, String categoryName, boolean urgent,
      String text, String address, String resident, String community, String created, String due, String left,
      String tone, String rating, List<Line> history, List<Attachment> attachments, List<Option> moves,
      List<Option> categories) {
  }

  private final AttachmentLinks links;
  private final ZoneId zone;

  TicketViews(AttachmentLinks links, ZoneId zone) {
    this.links = links;
    this.zone = zone;
  }

  /** The rows of a page of the queue. */
  List<Row> rows(TicketQueue.Page page) {
    return page.entries().stream().map(e -> {
      Ticket t = e.ticket();
      return new Row(t.receipt(), t.status().label(), HelpDesk.categoryName(t.category()), t.urgent(), t.address(),
          t.text(), time(t.dueAt()), left(e), tone(e), toneLabel(e));
    }).toList();
  }

  /** The filter links: every open status with its count, "all" first. */
  static List<Filter> filters(TicketQueue.Page page, TicketStatus current) {
    return filters(page, current, null);
  }

  /** The filter links of the queue of {@code community} (null: of none in particular). */
  static List<Filter> filters(TicketQueue.Page page, TicketStatus current, Community community) {
    List<Filter> out = new ArrayList<>();
    int all = page.counts().values().stream().mapToInt(Integer::intValue).sum();
    out.add(new Filter(Text.CONSOLE_TICKETS_ALL.of(all), Frame.link(TicketPages.TICKETS, community),
        current == null));
    for (TicketStatus s : TicketQueue.OPEN) {
      out.add(new Filter(Text.CONSOLE_TICKETS_FILTER.of(s.label(), page.counts().getOrDefault(s, 0)),
          Frame.link(TicketPages.TICKETS + "?status=" + s.apiName(), community), s == current));
    }
    return out;
  }

  /** The ticket's page: {@code where} says where it stands now (its time left). */
  Detail detail(Ticket t, TicketQueue.Entry where, List<KeptAttachment> kept) {
    boolean open = t.status().open();
    List<Line> history = t.history().stream().map(this::line).toList();
    List<Attachment> attachments = new ArrayList<>();
    int photo = 0;
    for (KeptAttachment k : kept) {
      attachments.add(k.isImage()
          ? new Attachment(Text.CONSOLE_TICKET_PHOTO.of(++photo, Math.max(1, (k.bytes() + 512) / 1024)),
              links.link(k.id()))
          : new Attachment(Text.CONSOLE_TICKET_LOCATION.of(k.label(), k.latitude(), k.longitude()), null));
    }
    List<Option> moves = new ArrayList<>();
    for (TicketStatus s : TicketStatus.values()) {
      if (s != TicketStatus.MERGED && TicketStatus.allowed(t.status(), s)) {
        moves.add(new Option(s.apiName(), s.label()));
      }
    }
    List<Option> categories = new TreeSet<>(OperatorDesk.CATEGORIES).stream()
        .map(c -> new Option(c, HelpDesk.categoryName(c))).toList();
    String due = t.dueAt() == null
        ? ""
        : t.timeLimit() == null
            ? time(t.dueAt())
            : Text.CONSOLE_TICKET_LIMIT.of(time(t.dueAt()), t.timeLimit().toHours());
    String rating = t.rating() == null ? "" : Text.CONSOLE_TICKET_RATING_VALUE.of(t.rating(), t.comment());
    String community = t.grid().isEmpty() ? t.community() : t.community() + " / " + t.grid();
    return new Detail(t.receipt(), t.status().label(), t.category(), HelpDesk.categoryName(t.category()), t.urgent(),
        t.text(), t.address(), Text.CONSOLE_TICKET_SOURCE.of(t.source().platform(), t.source().resident(),
            t.source().chatType()),
        community, time(t.createdAt()), due, open ? left(where) : "",
        open ? tone(where) : "", rating, history, attachments, moves, categories);
  }

  private Line line(TicketEvent e) {
    Text kind = KINDS.get(e.kind());
    Text actor = ACTORS.get(e.actor());
    String who = (actor == null ? e.actor() : actor.of()) + (e.by().isEmpty() ? "" : " " + e.by());
    String what = kind == null ? e.kind() : kind.of();
    if (e.value() != null) {
      what = what + " " + e.value();
    }
    return new Line(time(e.at()), what, e.status().label(), who, e.note());
  }

  /** The time left in words: "还剩 3 小时 20 分钟", "已超时 …", and whether the clock is paused. */
  static String left(TicketQueue.Entry e) {
    Duration left = e.left();
    long minutes = Math.abs(left.toMinutes());
    String hours = String.valueOf(minutes / 60);
    String rest = String.valueOf(minutes % 60);
    String words = e.overdue()
        ? Text.CONSOLE_TICKETS_OVERDUE_TIME.of(hours, rest)
        : Text.CONSOLE_TICKETS_LEFT_TIME.of(hours, rest);
    return e.paused() ? words + Text.CONSOLE_TICKETS_PAUSED.of() : words;
  }

  /** The CSS class of a ticket's time: overdue, past 80% of its limit, or within it. */
  static String tone(TicketQueue.Entry e) {
    return e.overdue() ? OVERDUE : e.dueSoon() ? SOON : WITHIN;
  }

  private static String toneLabel(TicketQueue.Entry e) {
    return (e.overdue()
        ? Text.CONSOLE_TICKETS_TONE_OVERDUE
        : e.dueSoon() ? Text.CONSOLE_TICKETS_TONE_SOON : Text.CONSOLE_TICKETS_TONE_WITHIN).of();
  }

  private String time(Instant at) {
    return at == null ? "" : TIME.format(at.atZone(zone));
  }
}
