package org.linli.bot.helpline;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.linli.bot.household.Household;
import org.linli.bot.household.HouseholdRegister;
import org.linli.bot.household.Registers;
import org.linli.bot.text.Text;
import org.linli.bot.ticket.CategoryGuesser;
import org.linli.bot.ticket.TicketSource;
import org.linli.webhooks.Capabilities;
import org.linli.webhooks.Capability;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.ChatRef;
import org.linli.webhooks.Identity;
import org.linli.webhooks.Reply;

/**
 * Intake that asks once: what a request for help says of where help is needed and how to reach the
 * resident, and the one question the bot asks when something is missing. A place is a building
 * address or a named place ({@link PlaceFinder}), the resident's bound household, or a location
 * sent with the request; a way back is a phone number in the text or a platform that can write to
 * the resident privately. Repairs and emergencies need a place; every request needs a way back.
 *
 * <p>The request is remembered under {@code helpline:{intake}:<identity>} for {@link #KEPT}: the
 * resident's next message in that chat within {@link #WINDOW} is the answer; the "直接提交" button
 * ({@link #SUBMIT}) files the request as it is, and so does a new request, and so does the end of
 * the window ({@link IntakeWindows}). An emergency is filed first and then asked where: its pending
 * answer names the receipt and joins the ticket as a resident reply.
 */
final class Intake {

  /** The data of the "直接提交" button. */
  static final String SUBMIT = "intake:submit";

  /** How long the bot waits for the answer to its question. */
  static final Duration WINDOW = Duration.ofMinutes(5);

  /** How long a request asked about is kept for the button (or a new request) to file it as it is. */
  static final Duration KEPT = Duration.ofDays(1);

  private static final String KEY = "helpline:{intake}:";
  private static final Pattern PHONE = Pattern.compile("(?<!\\d)(?:\\+?86[- ]?)?1[3-9]\\d{9}(?!\\d)");

  private final RedisAPI redis;
  private final Registers households;
  private final Capabilities capabilities;
  private final PlaceFinder places = new PlaceFinder();
  private final Times times;

  Intake(RedisAPI redis, Registers households, Capabilities capabilities, Times times) {
    this.times = times;
    this.redis = redis;
    this.households = households;
    this.capabilities = capabilities;
  }

  /**
   * What a request lacks: {@code address} is where help is needed as far as known (the place the
   * text names, else the bound household's address, else empty).
   */
  record Need(String address, boolean place, boolean contact) {

    /** The question for what is missing, or empty when nothing is. */
    Optional<String> question() {
      if (!place && !contact) {
        return Optional.of(Text.INTAKE_ASK_BOTH.of(WINDOW.toMinutes()));
      }
      if (!place) {
        return Optional.of(Text.INTAKE_ASK_PLACE.of(WINDOW.toMinutes()));
      }
      return contact ? Optional.empty() : Optional.of(Text.INTAKE_ASK_CONTACT.of(WINDOW.toMinutes()));
    }
  }

  /**
   * A request waiting for its answer: the text, how it was classed, where it was written, the
   * address known so far, for an emergency already filed its receipt (empty otherwise), and when
   * the question was asked (epoch milliseconds).
   */
  record Pending(String text, boolean urgent, String rule, TicketSource source, String address, String receipt,
      long askedAt) {

    JsonObject toJson() {
      return new JsonObject().put("text", text).put("urgent", urgent).put("rule", rule)
          .put("platform", source.platform()).put("chat", source.chatId()).put("chatType", source.chatType())
          .put("message", source.messageId()).put("resident", source.resident()).put("address", address)
          .put("receipt", receipt).put("askedAt", askedAt);
    }

    static Pending fromJson(String json) {
      JsonObject o = new JsonObject(json);
      return new Pending(o.getString("text", ""), o.getBoolean("urgent", false), o.getString("rule", ""),
          new TicketSource(o.getString("platform"), o.getString("chat"), o.getString("chatType"),
              o.getString("message"), o.getString("resident")),
          o.getString("address", ""), o.getString("receipt", ""), o.getLong("askedAt", 0L));
    }
  }

  /** Where the request of {@code event} was written. */
  static TicketSource source(ChatEvent event) {
    return new TicketSource(event.platform(), event.chat().id(),
        event.chat().type().name().toLowerCase(Locale.ROOT), event.messageId(), event.identity().key());
  }

  /** What {@code text} (sent as {@code event}, guessed as {@code category}) says and lacks. */
  Future<Need> assess(ChatEvent event, String text, String category) {
    boolean needsPlace = CategoryGuesser.REPAIR.equals(category) || CategoryGuesser.EMERGENCY.equals(category);
    boolean located = event.hasAttachments(); // a photo or location travels with the request: it is not held back
    boolean contact = PHONE.matcher(text).find()
        || (capabilities.has(event.platform(), Capability.PRIVATE_MESSAGES)
            && Identity.parse(event.identity().key()).isPresent());
    Optional<String> named = places.find(text);
    return household(event.chatRef(), event.identity().key()).map(home -> {
      String address = named.orElse(home);
      return new Need(address, !needsPlace || located || !address.isEmpty(), contact || located);
    });
  }

  /** The address the register of the chat's community gives the resident's household, or empty when not bound. */
  private Future<String> household(ChatRef chat, String identity) {
    if (households == null) {
      return Future.succeededFuture("");
    }
    HouseholdRegister register = households.of(chat);
    return register.householdOf(identity)
        .compose(id -> id == null ? Future.succeededFuture((Household) null) : register.find(id))
        .map(h -> h == null ? "" : h.label())
        .otherwise("");
  }

  /** The place an answer names, else {@code before}. */
  String addressOf(String answer, String before) {
    return before.isEmpty() ? places.find(answer).orElse("") : before;
  }

  /** Remembers {@code pending} for its resident; the question goes with the "直接提交" button unless filed already. */
  Future<Reply> ask(Pending pending, String question, boolean privately) {
    String json = pending.toJson().put("askedAt", times.now().toEpochMilli()).encode();
    // An emergency's question ends with its window; a request not filed yet is kept for the button.
    Duration kept = pending.receipt().isEmpty() ? KEPT : WINDOW;
    String resident = pending.source().resident();
    Future<?> stored = redis.set(List.of(KEY + resident, json, "EX", String.valueOf(kept.toSeconds())));
    if (pending.receipt().isEmpty()) {
      // Unanswered by the window's end, it is filed as it is (IntakeWindows).
      String end = String.valueOf(times.now().plus(WINDOW).toEpochMilli());
      stored = stored.compose(ok -> redis.zadd(List.of(IntakeWindows.KEY, end, resident)));
    }
    return stored
        .map(ok -> {
          Reply.Builder reply = Reply.builder(question).privately(privately);
          if (pending.receipt().isEmpty()) {
            reply.buttons(List.of(new Reply.Button(Text.INTAKE_SUBMIT.of(), SUBMIT)));
          }
          return reply.build();
        });
  }

  /**
   * The request {@code resident} was asked about and has not answered within {@link #WINDOW}, taken;
   * null when there is none (answered, submitted, an emergency filed already, or asked anew since).
   */
  Future<Pending> takeUnanswered(String resident) {
    String key = KEY + resident;
    long due = times.now().minus(WINDOW).toEpochMilli();
    return redis.get(key).compose(r -> {
      Pending seen = r == null ? null : Pending.fromJson(r.toString());
      if (seen == null || !seen.receipt().isEmpty() || seen.askedAt() > due) {
        return Future.succeededFuture((Pending) null);
      }
      return redis.getdel(key).compose(taken -> {
        Pending p = taken == null ? null : Pending.fromJson(taken.toString());
        if (p == null || p.askedAt() <= due) {
          return Future.succeededFuture(p);
        }
        // Asked anew between the look and the take: put it back for its own window.
        return redis.set(List.of(key, taken.toString(), "EX", String.valueOf(KEPT.toSeconds()))).map(ok -> null);
      });
    });
  }

  /** The pending request of this resident, taken (it is answered once); null when none. */
  Future<Pending> take(ChatEvent event) {
    return redis.getdel(KEY + event.identity().key())
        .map(r -> r == null ? null : Pending.fromJson(r.toString()));
  }

  /**
   * The pending request {@code event} answers — the resident's next message in the chat of the
   * question — taken; empty when there is none.
   */
  Future<Optional<Pending>> answered(ChatEvent event) {
    if (event.isCallback() || event.text().isBlank()) {
      return Future.succeededFuture(Optional.empty());
    }
    return pendingIn(event);
  }

  /**
   * The resident's pending request asked about in the chat of {@code event} within {@link #WINDOW},
   * taken; empty when none.
   */
  Future<Optional<Pending>> pendingIn(ChatEvent event) {
    String key = KEY + event.identity().key();
    long since = times.now().minus(WINDOW).toEpochMilli();
    return redis.get(key).compose(r -> {
      Pending p = r == null ? null : Pending.fromJson(r.toString());
      if (p == null || !p.source().chatId().equals(event.chat().id()) || p.askedAt() < since) {
        return Future.succeededFuture(Optional.<Pending>empty());
      }
      return take(event).map(Optional::ofNullable);
    });
  }
}
