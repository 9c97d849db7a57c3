package org.linli.bot.ticket;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.linli.bot.community.Community;
import org.linli.bot.redis.LuaScript;
import org.linli.bot.text.Text;
import org.linli.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tickets in Redis. A ticket's hash and history share its receipt as hash tag, so every change of
 * a ticket — status and history, the clock paused or resumed, a rating that closes or reopens —
 * is one Lua script on one slot, and illegal moves change nothing.
 *
 * <p>The indexes (by creation time, status and resident), the receipt counters, the per-resident
 * rate window and the timer jobs live in the slot {@code tickets:{index}} and are written in a
 * step of their own: opening reserves the number and indexes it <em>before</em> the ticket is
 * written, each change re-syncs the indexes and timers <em>after</em> it, from the ticket as
 * stored and guarded by its revision. If an instance dies between the two steps: after a
 * reservation, a receipt number is skipped and the indexes name a ticket that does not exist
 * (reads skip it; a timer for it finds nothing to do); after a change, the status index and the
 * timers lag until {@link #repair} (run at start) or the ticket's next change. Reads by status
 * check the ticket's own status, so a lagging index never shows a ticket under a wrong status.
 *
 * <p>A ticket belongs to a community ({@link #communityOf}); each community other than the default
 * one has a creation index of its own, written with the reservation, so its lists, queue and
 * figures read its own tickets only. The default community's are read through the whole index
 * (tickets stored before there were communities are the default's).
 *
 * <p>The rate limit is a sliding window: a resident may open {@code perResidentPerHour} tickets
 * in any hour; the next is refused with {@link TicketLimitReached} until the oldest is an hour old.
 */
public final class TicketStore {

  private static final Logger LOG = LoggerFactory.getLogger(TicketStore.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private static final LuaScript CREATE = LuaScript.load("ticket-create");
  private static final LuaScript READ = LuaScript.load("ticket-read");
  private static final LuaScript TRANSITION = LuaScript.load("ticket-transition");
  private static final LuaScript RATE = LuaScript.load("ticket-rate");
  private static final LuaScript CATEGORY = LuaScript.load("ticket-category");
  private static final LuaScript HUB = LuaScript.load("ticket-hub");
  private static final LuaScript NOTE = LuaScript.load("ticket-note");
  private static final LuaScript DUE = LuaScript.load("ticket-due");

  private final RedisAPI redis;
  private final TicketIndex index;
  private final TimeLimits limits;
  private final int perResidentPerHour;
  private final ZoneId zone;
  private final Predicate<String> communities;

  /**
   * A store whose every ticket is the default community's.
   *
   * @param zone the zone whose local date starts each receipt number (Asia/Shanghai)
   */
  public TicketStore(RedisAPI redis, TimeLimits limits, int perResidentPerHour, ZoneId zone) {
    this(redis, limits, perResidentPerHour, zone, id -> false);
  }

  /**
   * @param zone the zone whose local date starts each receipt number (Asia/Shanghai)
   * @param communities true for the id of a community other than the default one (a ticket naming
   *     anything else — a chat id, as tickets stored before there were communities do — is the
   *     default community's)
   */
  public TicketStore(RedisAPI redis, TimeLimits limits, int perResidentPerHour, ZoneId zone,
      Predicate<String> communities) {
    this.communities = Objects.requireNonNull(communities);
    this.redis = Objects.requireNonNull(redis);
    this.index = new TicketIndex(redis);
    this.limits = Objects.requireNonNull(limits);
    this.perResidentPerHour = perResidentPerHour;
    this.zone = Objects.requireNonNull(zone);
  }

  /** A store configured from the {@code tickets} settings. */
  public static TicketStore of(RedisAPI redis, Settings.Tickets settings, ZoneId zone) {
    return new TicketStore(redis, TimeLimits.of(settings, zone), settings.perResidentPerHour(), zone);
  }

  /**
   * A store configured from the {@code tickets} settings, whose tickets belong to the communities
   * for which {@code communities} is true (see {@link #communityOf}).
   */
  public static TicketStore of(RedisAPI redis, Settings.Tickets settings, ZoneId zone,
      Predicate<String> communities) {
    return new TicketStore(redis, TimeLimits.of(settings, zone), settings.perResidentPerHour(), zone, communities);
  }

  /**
   * The community a ticket belongs to: the one it names when that is a community (other than the
   * default one) today, else {@value Community#DEFAULT}.
   */
  public String communityOf(Ticket ticket) {
    String named = ticket.community();
    return !named.isEmpty() && !named.equals(Community.DEFAULT) && communities.test(named) ? named : Community.DEFAULT;
  }

  /** The time limits the store applies. */
  public TimeLimits limits() {
    return limits;
  }

  /**
   * Opens a ticket: gives it the next receipt number of its day, stores it with its first history
   * event (已受理, by the resident), indexes it and starts its clock. Fails with {@link
   * TicketLimitReached} when the resident has opened too many tickets in the last hour.
   */
  public Future<Ticket> open(NewTicket request) {
    String day = LocalDate.ofInstant(request.at(), zone).format(DAY);
    TimeLimit timeLimit = limits.limit(request.category());
    Duration limit = timeLimit.nominal();
    Instant due = timeLimit.dueAt(request.at(), limits.calendar());
    long remindAfter = Duration.between(request.at(), timeLimit.remindAt(due, limits.calendar())).toMillis();
    long dueAfter = Duration.between(request.at(), due).toMillis();
    String community = communities.test(request.community()) ? request.community() : null;
    return index.reserve(day, request, community, remindAfter, dueAfter, perResidentPerHour).compose(reservation -> {
      if (reservation.receipt() == null) {
        return Future.failedFuture(new TicketLimitReached(reservation.retryAfter()));
      }
      TicketEvent first = new TicketEvent(request.at(), TicketStatus.RECEIVED, "resident", "");
      Ticket ticket = new Ticket(reservation.receipt(), request.category(),
          request.urgent() || CategoryGuesser.EMERGENCY.equals(request.category()), request.text(), request.source(),
          request.community(), request.grid(), request.at(), limit, due, null,
          TicketStatus.RECEIVED, null, null, "", null, false, List.of(first), request.address());
      return CREATE.call()
          .key("ticket", TicketKeys.ticket(ticket.receipt()))
          .key("history", TicketKeys.history(ticket.receipt()))
          .arg("firstEvent", first.toJson())
          .args("fields", TicketCodec.fields(ticket))
          .run(redis)
          .compose(r -> {
            if (r.toInteger() != 1) {
              return Future.failedFuture(new IllegalStateException("ticket " + ticket.receipt() + " already exists"));
            }
            LOG.info("ticket {} opened ({}, {}, due at {})", ticket.receipt(), ticket.category(), timeLimit, due);
            return Future.succeededFuture(ticket);
          });
    });
  }

  /** The ticket with this receipt number, or null if there is none. */
  public Future<Ticket> find(String receipt) {
    return load(receipt).map(l -> l == null ? null : l.ticket());
  }

  private Future<TicketCodec.Loaded> load(String receipt) {
    if (!TicketKeys.validReceipt(receipt)) {
      return Future.succeededFuture(null);
    }
    return READ.call()
        .key("ticket", TicketKeys.ticket(receipt))
        .key("history", TicketKeys.history(receipt))
        .run(redis)
        .map(TicketCodec::read);
  }

  /**
   * Moves a ticket to {@code to} if {@link TicketStatus#allowed} from its current status, and
   * appends the event to its history; a refused move changes nothing and reports the current
   * status. Rejecting and merging need a note saying why.
   *
   * @param actor {@code resident}, {@code hub}, {@code operator} or {@code system}
   */
  public Future<TransitionResult> transition(String receipt, TicketStatus to, String actor, String note, Instant at) {
    return transition(receipt, to, actor, "", note, at);
  }

  /**
   * As {@link #transition(String, TicketStatus, String, String, Instant)}, the history line naming
   * {@code by} who exactly acted (an operator's account or token; empty: nobody in particular).
   */
  public Future<TransitionResult> transition(String receipt, TicketStatus to, String actor, String by, String note,
      Instant at) {
    if (to.needsReason() && (note == null || note.isBlank())) {
      return Future.succeededFuture(new TransitionResult(TransitionResult.Outcome.MISSING_REASON, null, null, null));
    }
    if (!TicketKeys.validReceipt(receipt)) {
      return Future.succeededFuture(TransitionResult.unknown());
    }
    TicketEvent event = new TicketEvent(at, to, actor, note, "status", null, by);
    String from = TicketStatus.from(to).stream().map(TicketStatus::apiName).collect(Collectors.joining(",", ",", ","));
    return TRANSITION.call()
        .key("ticket", TicketKeys.ticket(receipt))
        .key("history", TicketKeys.history(receipt))
        .arg("to", to.apiName())
        .arg("at", TicketCodec.ms(at))
        .arg("event", event.toJson())
        .arg("allowedFrom", from)
        .run(redis)
        .compose(r -> applied(receipt, r, at));
  }

  /**
   * The resident's rating of a resolved ticket: 3–5 stars close it (已回访), 1–2 reopen it (办理中,
   * with a fresh time limit) — in the same script as the rating. Refused unless resolved.
   */
  public Future<TransitionResult> rate(String receipt, int stars, String comment, Instant at) {
    if (stars < 1 || stars > 5) {
      return Future.succeededFuture(new TransitionResult(TransitionResult.Outcome.BAD_RATING, null, null, null));
    }
    if (!TicketKeys.validReceipt(receipt)) {
      return Future.succeededFuture(TransitionResult.unknown());
    }
    String note = Text.TICKET_RATED.of(stars);
    TicketEvent reopen = new TicketEvent(at, TicketStatus.IN_PROGRESS, "resident", note);
    TicketEvent close = new TicketEvent(at, TicketStatus.CLOSED, "resident", note);
    TicketEvent rating = new TicketEvent(at, TicketStatus.RESOLVED, "resident", comment, "rating", stars);
    return RATE.call()
        .key("ticket", TicketKeys.ticket(receipt))
        .key("history", TicketKeys.history(receipt))
        .arg("stars", stars)
        .arg("comment", comment == null ? "" : comment)
        .arg("at", TicketCodec.ms(at))
        .arg("reopenEvent", reopen.toJson())
        .arg("closeEvent", close.toJson())
        .arg("ratingEvent", rating.toJson())
        .run(redis)
        .compose(r -> applied(receipt, r, at));
  }

  /**
   * The resident's reply about an open ticket ({@code reply} line, by the resident): while it waits
   * for them it resumes — 办理中, the due time moved by the time spent waiting — otherwise the line
   * is added and the status stays. Refused for a ticket no longer open.
   */
  public Future<TransitionResult> reply(String receipt, String text, Instant at) {
    return find(receipt).compose(t -> {
      if (t == null) {
        return Future.succeededFuture(TransitionResult.unknown());
      }
      if (!t.status().open()) {
        return Future.succeededFuture(new TransitionResult(TransitionResult.Outcome.REFUSED, t.status(), t.status(),
            null));
      }
      boolean resume = t.status() == TicketStatus.WAITING_RESIDENT;
      TicketStatus after = resume ? TicketStatus.IN_PROGRESS : t.status();
      return append(t, new TicketEvent(at, after, "resident", text, "reply", null), resume, List.of(), at);
    });
  }

  /**
   * The resident's comment on their latest rating, given after it ({@code comment} line; the
   * ticket's comment becomes it). Refused when the ticket was never rated.
   */
  public Future<TransitionResult> comment(String receipt, String comment, Instant at) {
    return find(receipt).compose(t -> {
      if (t == null) {
        return Future.succeededFuture(TransitionResult.unknown());
      }
      if (t.rating() == null) {
        return Future.succeededFuture(new TransitionResult(TransitionResult.Outcome.REFUSED, t.status(), t.status(),
            null));
      }
      return append(t, new TicketEvent(at, t.status(), "resident", comment, "comment", t.rating()), false,
          List.of("comment", comment), at);
    });
  }

  /**
   * The community's own evaluation of the handling (联合评单), 1–5 with a comment: an {@code
   * evaluation} line by {@code community}, in any status.
   */
  public Future<TransitionResult> evaluate(String receipt, int score, String comment, Instant at) {
    if (score < 1 || score > 5) {
      return Future.succeededFuture(new TransitionResult(TransitionResult.Outcome.BAD_RATING, null, null, null));
    }
    return find(receipt).compose(t -> t == null
        ? Future.succeededFuture(TransitionResult.unknown())
        : append(t, new TicketEvent(at, t.status(), "community", comment, "evaluation", score), false, List.of(), at));
  }

  /**
   * Adds a line of {@code kind} to the history in whatever status the ticket is (the line carries
   * it), changing nothing else: an operator's message to the resident, a category correction, a
   * merged duplicate. Never refused for an existing ticket; UNKNOWN for an unknown receipt.
   */
  public Future<TransitionResult> note(String receipt, String kind, String actor, String by, String note,
      Instant at) {
    return note(receipt, kind, actor, by, note, at, 3);
  }

  private Future<TransitionResult> note(String receipt, String kind, String actor, String by, String note,
      Instant at, int tries) {
    return find(receipt).compose(t -> t == null
        ? Future.succeededFuture(TransitionResult.unknown())
        : append(t, new TicketEvent(at, t.status(), actor, note, kind, null, by), false, List.of(), at))
        // Refused only when the status moved between the read and the script: read it again.
        .compose(r -> r.outcome() == TransitionResult.Outcome.REFUSED && tries > 1
            ? note(receipt, kind, actor, by, note, at, tries - 1)
            : Future.succeededFuture(r));
  }

  /** Appends {@code line} if the ticket is still in the status it was read in (else refused). */
  private Future<TransitionResult> append(Ticket t, TicketEvent line, boolean resume, List<String> fields,
      Instant at) {
    return NOTE.call()
        .key("ticket", TicketKeys.ticket(t.receipt()))
        .key("history", TicketKeys.history(t.receipt()))
        .arg("allowedFrom", "," + t.status().apiName() + ",")
        .arg("at", TicketCodec.ms(at))
        .arg("event", line.toJson())
        .arg("resume", resume ? "1" : "0")
        .args("fields", fields)
        .run(redis)
        .compose(r -> applied(t.receipt(), r, at));
  }

  /** The tickets of a resident that wait for them ({@link TicketStatus#WAITING_RESIDENT}), oldest first. */
  public Future<List<Ticket>> waitingFor(String resident) {
    return index.both(TicketKeys.resident(resident), TicketKeys.status(TicketStatus.WAITING_RESIDENT))
        .compose(this::loadAll)
        .map(all -> all.stream().filter(t -> t.status() == TicketStatus.WAITING_RESIDENT).toList());
  }

  private Future<TransitionResult> applied(String receipt, Response r, Instant at) {
    String outcome = r.get(0).toString();
    TicketStatus previous = TicketStatus.fromApiName(r.get(1).toString());
    if (outcome.equals("unknown")) {
      return Future.succeededFuture(TransitionResult.unknown());
    }
    if (outcome.equals("refused")) {
      return Future.succeededFuture(new TransitionResult(TransitionResult.Outcome.REFUSED, previous, previous, null));
    }
    return load(receipt).compose(l -> followCalendar(l, previous, at))
        .compose(loaded -> sync(loaded, at).map(synced -> {
          LOG.info("ticket {} {} -> {}", receipt, previous.apiName(), loaded.ticket().status().apiName());
          return new TransitionResult(TransitionResult.Outcome.APPLIED, previous, loaded.ticket().status(),
              loaded.ticket());
        }));
  }

  /**
   * Corrects the category (an operator's call): the time limit becomes the new category's, the
   * due time moves by the difference, and an emergency becomes urgent. False for an unknown
   * receipt.
   */
  public Future<Boolean> setCategory(String receipt, String category, Instant at) {
    if (!TicketKeys.validReceipt(receipt) || category == null || category.isBlank()) {
      return Future.succeededFuture(false);
    }
    return CATEGORY.call()
        .key("ticket", TicketKeys.ticket(receipt))
        .arg("category", category.strip())
        .arg("limitMs", limits.of(category.strip()).toMillis())
        .run(redis)
        .compose(r -> r.toInteger() == 0
            ? Future.succeededFuture(false)
            : load(receipt).compose(this::recategorized).compose(l -> sync(l, at)).map(true));
  }

  /**
   * The category script moves the due time by the difference of the limits' spans; a ticket whose
   * clock has run without a pause or a reopening since it opened is due where its new limit, over
   * the calendar, puts it from the opening instead.
   */
  private Future<TicketCodec.Loaded> recategorized(TicketCodec.Loaded l) {
    Ticket t = l.ticket();
    boolean straight = t.remaining() == null && t.status().clockRuns()
        && t.history().stream().noneMatch(e -> e.status() == TicketStatus.WAITING_RESIDENT
            || e.status() == TicketStatus.RESOLVED);
    Instant due = limits.limitOf(t).dueAt(t.createdAt(), limits.calendar());
    if (!straight || due.equals(t.dueAt())) {
      return Future.succeededFuture(l);
    }
    return setDue(l, due);
  }

  private Future<TicketCodec.Loaded> setDue(TicketCodec.Loaded l, Instant due) {
    return DUE.call()
        .key("ticket", TicketKeys.ticket(l.ticket().receipt()))
        .arg("rev", l.rev())
        .arg("dueAt", due.toEpochMilli())
        .run(redis)
        .compose(r -> load(l.ticket().receipt()));
  }

  /** Remembers what the hub calls the ticket. False for an unknown receipt. */
  public Future<Boolean> setHubReference(String receipt, HubReference hub) {
    if (!TicketKeys.validReceipt(receipt)) {
      return Future.succeededFuture(false);
    }
    return HUB.call()
        .key("ticket", TicketKeys.ticket(receipt))
        .arg("hubId", hub.serviceRequestId())
        .arg("hubToken", hub.token())
        .run(redis)
        .map(r -> r.toInteger() == 1);
  }

  /**
   * Tickets by status (null: any), created at or after {@code since} (null: ever), oldest first,
   * at most {@code limit}.
   */
  public Future<List<Ticket>> list(TicketStatus status, Instant since, int limit) {
    String key = status == null ? TicketKeys.CREATED : TicketKeys.status(status);
    return index.range(key, since, null, limit).compose(this::loadAll)
        .map(all -> all.stream().filter(t -> status == null || t.status() == status).toList());
  }

  /**
   * As {@link #list(TicketStatus, Instant, int)}, the tickets of one community only (null: every
   * community). Another community than the default one is read through its own index; the
   * default's through the whole index, leaving out the tickets of the other communities.
   */
  public Future<List<Ticket>> list(String community, TicketStatus status, Instant since, int limit) {
    if (community == null) {
      return list(status, since, limit);
    }
    if (!community.equals(Community.DEFAULT)) {
      Future<List<String>> receipts = status == null
          ? index.range(TicketKeys.community(community), since, null, limit)
          : index.both(TicketKeys.community(community), TicketKeys.status(status));
      return receipts.compose(this::loadAll).map(all -> all.stream()
          .filter(t -> status == null || t.status() == status)
          .filter(t -> since == null || !t.createdAt().isBefore(since))
          .filter(t -> communityOf(t).equals(community))
          .limit(limit)
          .toList());
    }
    String key = status == null ? TicketKeys.CREATED : TicketKeys.status(status);
    return index.range(key, since, null, Integer.MAX_VALUE).compose(receipts -> collect(receipts, 0, limit,
        t -> (status == null || t.status() == status) && communityOf(t).equals(Community.DEFAULT), new ArrayList<>()));
  }

  /** Loads {@code receipts} from {@code from} on, a chunk at a time, until {@code limit} of them pass {@code keep}. */
  private Future<List<Ticket>> collect(List<String> receipts, int from, int limit, Predicate<Ticket> keep,
      List<Ticket> kept) {
    if (from >= receipts.size() || kept.size() >= limit) {
      return Future.succeededFuture(List.copyOf(kept.subList(0, Math.min(limit, kept.size()))));
    }
    int to = (int) Math.min(receipts.size(), from + Math.max(100L, (long) limit - kept.size()));
    return loadAll(receipts.subList(from, to)).compose(loaded -> {
      loaded.stream().filter(keep).forEach(kept::add);
      return collect(receipts, to, limit, keep, kept);
    });
  }

  /** The tickets a resident ({@code platform:userId}) opened, oldest first, at most {@code limit}. */
  public Future<List<Ticket>> byResident(String resident, int limit) {
    return index.range(TicketKeys.resident(resident), null, null, limit).compose(this::loadAll);
  }

  /** Every ticket created in [from, to), oldest first. */
  Future<List<Ticket>> createdBetween(Instant from, Instant to) {
    return index.range(TicketKeys.CREATED, from, to, Integer.MAX_VALUE).compose(this::loadAll);
  }

  /** Every ticket of {@code community} (null: of every one) created in [from, to), oldest first. */
  Future<List<Ticket>> createdBetween(String community, Instant from, Instant to) {
    if (community == null) {
      return createdBetween(from, to);
    }
    if (community.equals(Community.DEFAULT)) {
      return createdBetween(from, to)
          .map(all -> all.stream().filter(t -> communityOf(t).equals(Community.DEFAULT)).toList());
    }
    return index.range(TicketKeys.community(community), from, to, Integer.MAX_VALUE).compose(this::loadAll)
        .map(all -> all.stream().filter(t -> communityOf(t).equals(community)).toList());
  }

  /**
   * Brings indexes and timers in line with the tickets created since {@code since} (after a crash
   * between a change and its index step). Returns how many tickets were looked at.
   */
  public Future<Integer> repair(Instant since, Instant now) {
    return index.range(TicketKeys.CREATED, since, null, Integer.MAX_VALUE).compose(receipts -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (String receipt : receipts) {
        chain = chain.compose(n -> load(receipt).compose(l -> l == null
            ? Future.succeededFuture(n)
            : sync(l, now).map(n + 1)));
      }
      return chain;
    });
  }

  private Future<Void> resync(String receipt, Instant at) {
    return load(receipt)
        .compose(l -> l == null ? Future.succeededFuture() : sync(l, at).mapEmpty());
  }

  private Future<Boolean> sync(TicketCodec.Loaded l, Instant now) {
    return index.sync(l.ticket(), l.rev(), now, limits.remindAt(l.ticket()));
  }

  /**
   * The transition scripts move the due time by clock time; under a working-day limit, a clock that
   * resumes after waiting for the resident keeps the <em>working</em> time that was left, and a
   * reopened ticket gets its working days afresh. If the instance dies before this step, the due
   * time stays where clock time put it.
   */
  private Future<TicketCodec.Loaded> followCalendar(TicketCodec.Loaded l, TicketStatus previous, Instant when) {
    // Whole milliseconds, as the ticket stores its times: with the clock's microseconds the working
    // time was counted from a truncated start, and a wait outside working hours moved the due
    // time a millisecond earlier.
    Instant at = when.truncatedTo(ChronoUnit.MILLIS);
    Ticket t = l.ticket();
    TimeLimit limit = limits.limitOf(t);
    if (!limit.inWorkingDays() || t.status() != TicketStatus.IN_PROGRESS || t.dueAt() == null) {
      return Future.succeededFuture(l);
    }
    Instant due;
    if (previous == TicketStatus.RESOLVED) {
      due = limit.dueAt(at, limits.calendar());
    } else if (previous == TicketStatus.WAITING_RESIDENT) {
      Instant paused = pausedAt(t);
      Duration left = Duration.between(at, t.dueAt());
      if (paused == null || left.isNegative() || left.isZero()) {
        return Future.succeededFuture(l);
      }
      due = limit.after(at, limit.left(paused, paused.plus(left), limits.calendar()), limits.calendar());
    } else {
      return Future.succeededFuture(l);
    }
    if (due.equals(t.dueAt())) {
      return Future.succeededFuture(l);
    }
    return setDue(l, due);
  }

  /**
   * When the ticket last started waiting for the resident: the last move to it before the last
   * line (other lines written while it waited carry its status too).
   */
  private static Instant pausedAt(Ticket t) {
    List<TicketEvent> history = t.history();
    for (int i = history.size() - 2; i >= 0; i--) {
      if (history.get(i).status() == TicketStatus.WAITING_RESIDENT && history.get(i).is("status")) {
        return history.get(i).at();
      }
    }
    return null;
  }

  private Future<List<Ticket>> loadAll(List<String> receipts) {
    List<Future<TicketCodec.Loaded>> loads = receipts.stream().map(this::load).toList();
    return Future.all(loads).map(all -> loads.stream().map(Future::result).filter(Objects::nonNull)
        .map(TicketCodec.Loaded::ticket).toList());
  }
}
