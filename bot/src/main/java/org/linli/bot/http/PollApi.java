package org.linli.bot.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.linli.bot.community.Community;
import org.linli.bot.consultation.Decision;
import org.linli.bot.consultation.Poll;
import org.linli.bot.consultation.PollKeeper;
import org.linli.bot.consultation.PollStore;
import org.linli.bot.consultation.Rule;
import org.linli.bot.consultation.Tally;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.text.Text;
import org.linli.webhooks.ChatRef;

/**
 * The moderators' REST API for polls (bearer admin token): create, read, results, close. Bad
 * input is refused with a sentence and never reaches the store. Every call is about one community
 * ({@link CommunityScope}): a poll is opened only in a chat of that community, and a poll of
 * another community is not found.
 */
public final class PollApi {

  private static final String EXAMPLE = "{\"chat\": \"g1\", \"question\": \"…\", \"options\": [\"…\", \"…\"], \"closesAt\": \"2026-12-01T20:00:00+08:00\"}";

  private final PollStore store;
  private final PollKeeper keeper;
  private final Clock clock;
  private final Set<String> channels;
  private final Function<ChatRef, String> communityOf;

  /**
   * {@code channels}: the names of the chat platforms this service runs, the only channels a poll
   * may name; {@code communityOf}: the id of a chat's community.
   */
  public PollApi(PollStore store, PollKeeper keeper, Clock clock, Set<String> channels,
      Function<ChatRef, String> communityOf) {
    this.communityOf = communityOf;
    this.store = store;
    this.keeper = keeper;
    this.clock = clock;
    this.channels = Set.copyOf(channels);
  }

  /** {@code POST /api/v1/polls}. */
  public void create(RoutingContext ctx) {
    JsonObject body;
    try {
      body = RequestBodies.jsonObject(ctx, EXAMPLE);
    } catch (HttpException e) {
      ctx.fail(e);
      return;
    }
    open(body, CommunityScope.of(ctx))
        .onSuccess(poll -> ctx.response().setStatusCode(201)
            .putHeader("Content-Type", "application/json; charset=utf-8")
            .end(describe(poll, "open").encode()))
        .onFailure(ctx::fail);
  }

  /**
   * Checks a poll request as {@code POST /api/v1/polls} takes it and opens the poll, announced in
   * its chat; fails with a {@link BadRequest} (an English sentence for the API, a Chinese one for a
   * person: {@link PollRefusal}), or a {@link org.linli.bot.errors.Conflict} for a big matter without
   * a register, and stores nothing when the request is refused. The chat must belong to
   * the community {@code community} (an id), else a 400 says whose it is. The console's form uses it.
   */
  public Future<Poll> open(JsonObject body, String community) {
    Draft draft;
    try {
      draft = draft(body);
      checkChat(new ChatRef(draft.channel(), draft.chat()), community, communityOf);
    } catch (HttpException | BadRequest e) {
      return Future.failedFuture(e);
    }
    return store.nextId()
        .compose(id -> keeper.open(draft.toPoll(id, community), true))
        .recover(e -> Future.failedFuture(e instanceof PollKeeper.Refused
            ? PollRefusal.conflict("Big matters are decided by the households of the register, and the register is"
                + " empty: import it first (POST /api/v1/households)", Text.POLL_REFUSED_REGISTER_EMPTY)
            : e));
  }

  /**
   * Refuses (400) a chat that does not belong to the community {@code community}, naming the
   * community it belongs to.
   */
  static void checkChat(ChatRef chat, String community, Function<ChatRef, String> communityOf) {
    String owner = communityOf.apply(chat);
    if (!owner.equals(community)) {
      throw PollRefusal.of("The chat " + chat.key() + " belongs to the community " + owner + ", not to "
          + community + ": open it under /api/v1/" + (Community.DEFAULT.equals(owner)
              ? ""
              : "communities/" + owner
                  + "/")
          + "…", Text.POLL_REFUSED_COMMUNITY, chat.key(), owner, community);
    }
  }

  /** A handler that goes on only for a poll {@code :id} of the call's community (else 404). */
  public void inCommunity(RoutingContext ctx) {
    find(ctx.pathParam("id"), CommunityScope.of(ctx)).onSuccess(stored -> ctx.next()).onFailure(ctx::fail);
  }

  /** {@code GET /api/v1/polls/:id}. */
  public void get(RoutingContext ctx) {
    find(ctx.pathParam("id"), CommunityScope.of(ctx))
        .onSuccess(stored -> Routes.json(ctx, describe(stored.poll(), stored.status())))
        .onFailure(ctx::fail);
  }

  /** {@code GET /api/v1/polls/:id/results}. */
  public void results(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    find(id, CommunityScope.of(ctx))
        .compose(this::results)
        .onSuccess(body -> Routes.json(ctx, body))
        .onFailure(ctx::fail);
  }

  /** {@code POST /api/v1/polls/:id/close}: closes (once) and answers with the final results. */
  public void close(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String community = CommunityScope.of(ctx);
    find(id, community)
        .compose(stored -> keeper.close(id, "api", true))
        .compose(closed -> find(id, community))
        .compose(this::results)
        .onSuccess(body -> Routes.json(ctx, body))
        .onFailure(ctx::fail);
  }

  private Future<PollStore.Stored> find(String id, String community) {
    return store.find(id, community).compose(stored -> stored == null
        ? Future.failedFuture(new HttpException(404, "There is no poll " + id))
        : Future.succeededFuture(stored));
  }

  private Future<JsonObject> results(PollStore.Stored stored) {
    String id = stored.poll().id();
    return Future.all(store.tally(id, stored.poll().options().size()), store.receipts(id), store.reasons(id))
        .map(all -> {
          JsonObject body = results(stored, all.resultAt(0));
          List<PollStore.Receipt> receipts = all.resultAt(1);
          if (stored.poll().anonymous() && !stored.open()) {
            JsonArray list = new JsonArray();
            receipts.forEach(
                r -> list.add(new JsonObject().put("receipt", r.code()).put("choices", new JsonArray(r.choices()))
                    .put("replaced", r.replaced())));
            body.put("receipts", list);
          }
          body.put("reasons", new JsonArray((List<String>) all.resultAt(2)));
          return body;
        });
  }

  static JsonObject results(PollStore.Stored stored, Tally tally) {
    Poll poll = stored.poll();
    JsonArray rows = new JsonArray();
    for (int i = 1; i <= poll.options().size(); i++) {
      JsonObject row = new JsonObject().put("option", poll.options().get(i - 1)).put("votes", tally.votesFor(i));
      if (!tally.areas().isEmpty()) {
        row.put("area", tally.areas().get(i - 1) / 100.0);
      }
      rows.add(row);
    }
    Decision decision = Decision.of(poll, tally);
    Rule.Outcome outcome = decision.outcome();
    JsonArray conditions = new JsonArray();
    outcome.conditions().forEach(c -> conditions.add(
        new JsonObject().put("condition", c.description()).put("met", c.met()).put("detail", c.detail())));
    boolean decided = !stored.open();
    JsonArray winners = new JsonArray();
    JsonArray rounds = new JsonArray();
    if (decided) {
      decision.winners().forEach(n -> winners.add(poll.options().get(n - 1)));
      for (Decision.Round round : decision.rounds()) {
        JsonArray counts = new JsonArray();
        round.continuing().forEach(
            n -> counts
                .add(new JsonObject().put("option", poll.options().get(n - 1)).put("votes", round.votes().get(n - 1))));
        JsonArray out = new JsonArray();
        round.eliminated().forEach(n -> out.add(poll.options().get(n - 1)));
        rounds.add(new JsonObject().put("round", round.number()).put("tally", counts).put("eliminated", out)
            .put("exhausted", round.exhausted()).put("tieBroken", round.tieBroken()));
      }
    }
    return new JsonObject()
        .put("id", poll.id())
        .put("status", stored.status())
        .put("kind", poll.kind().apiName())
        .put("winners", winners)
        .put("tie", decided && decision.tie())
        .put("rounds", rounds)
        .put("tally", rows)
        .put("ballots", tally.ballots())
        .put("eligible", tally.eligibleBallots())
        .put("participatingArea", tally.participatingArea() / 100.0)
        .put("eligibleArea", tally.eligibleArea() / 100.0)
        .put("outcome", new JsonObject()
            .put("rule", poll.rule().apiName())
            .put("decided", !stored.open())
            .put("passed", outcome.passed())
            .put("conditions", conditions));
  }

  private static JsonObject describe(Poll poll, String status) {
    return new JsonObject()
        .put("id", poll.id())
        .put("status", status)
        .put("channel", poll.channel())
        .put("chat", poll.chat())
        .put("question", poll.question())
        .put("options", new JsonArray(poll.options()))
        .put("scale", poll.scale().name().toLowerCase(Locale.ROOT))
        .put("rule", poll.rule().apiName())
        .put("opensAt", poll.opensAt().toString())
        .put("closesAt", poll.closesAt().toString())
        .put("remindAt", poll.remindAt() == null ? null : poll.remindAt().toString())
        .put("multi", poll.multi())
        .put("anonymous", poll.anonymous())
        .put("hideResults", poll.hideResults())
        .put("kind", poll.kind().apiName())
        .put("minParticipation", poll.minBallots());
  }

  /** A validated request to create a poll. */
  private record Draft(String channel, String chat, String question, List<String> options, Poll.Scale scale, Rule rule,
      Instant opensAt, Instant closesAt, Instant remindAt, int multi, boolean anonymous, boolean hideResults,
      Poll.Kind kind, int minBallots) {
    Poll toPoll(String id, String community) {
      return new Poll(id, channel, chat, question, options, scale, rule, opensAt, closesAt, remindAt, multi, anonymous,
          hideResults, kind, minBallots, community);
    }
  }

  private Draft draft(JsonObject body) {
    String channel = string(body, "channel", "generic");
    String chat = string(body, "chat", null);
    String question = string(body, "question", null);
    if (chat == null || question == null) {
      throw PollRefusal.of("\"chat\" and \"question\" are required", Text.POLL_REFUSED_REQUIRED);
    }
    if (!channels.contains(channel)) {
      String runs = String.join(", ", channels.stream().sorted().toList());
      throw PollRefusal.of("\"channel\" must be one of the chat platforms this service runs: " + runs,
          Text.POLL_REFUSED_CHANNEL, runs);
    }
    PollInput.plainText("chat", chat);
    PollInput.plainText("question", question);
    Object rawOptions = body.getValue("options");
    if (!(rawOptions instanceof JsonArray array) || array.size() < 2 || array.size() > 10) {
      throw PollRefusal.of("\"options\" must be a list of 2 to 10 texts", Text.POLL_REFUSED_OPTIONS);
    }
    List<String> options = new ArrayList<>();
    for (Object o : array) {
      if (!(o instanceof String s) || s.isBlank()) {
        throw PollRefusal.of("every option must be a non-empty text", Text.POLL_REFUSED_OPTION_EMPTY);
      }
      options.add(PollInput.plainText("options", s.strip()));
    }
    if (options.stream().distinct().count() != options.size()) {
      throw PollRefusal.of("options must differ from each other", Text.POLL_REFUSED_OPTIONS_SAME);
    }
    String kindName = string(body, "kind", null);
    Poll.Kind askedKind = kindName == null ? null : Poll.Kind.fromApiName(kindName);
    if (kindName != null && askedKind == null) {
      throw PollRefusal.of("\"kind\" must be \"proposal\", \"choice\" or \"ranked\"", Text.POLL_REFUSED_KIND);
    }
    String scaleName = string(body, "scale", "small");
    Poll.Scale scale = switch (scaleName) {
      case "small" -> Poll.Scale.SMALL;
      case "big" -> Poll.Scale.BIG;
      default -> throw PollRefusal.of("\"scale\" must be \"small\" or \"big\"", Text.POLL_REFUSED_SCALE);
    };
    int multi = (int) PollInput.wholeNumber(body, "multi", 1, options.size(), 1);
    String ruleName = string(body, "rule", null);
    Rule asked = ruleName == null ? null : Rule.fromApiName(ruleName);
    if (ruleName != null && asked == null) {
      throw PollRefusal.of("\"rule\" must be majority, two-thirds, civil-code-ordinary, civil-code-major,"
          + " plurality or instant-runoff", Text.POLL_REFUSED_RULE);
    }
    Poll.Kind kind = askedKind != null ? askedKind : Poll.Kind.suggested(options, asked, multi);
    Rule rule = asked != null ? asked : switch (kind) {
      case PROPOSAL -> scale == Poll.Scale.BIG ? Rule.CIVIL_CODE_ORDINARY : Rule.MAJORITY;
      case CHOICE -> Rule.PLURALITY;
      case RANKED -> Rule.INSTANT_RUNOFF;
    };
    String mismatch = kindMismatch(kind, rule, multi);
    if (mismatch != null) {
      throw PollRefusal.of(mismatch, Text.POLL_REFUSED_KIND_RULE);
    }
    if (rule.needsRegister() && scale != Poll.Scale.BIG) {
      throw PollRefusal.of(
          "The rule " + rule.apiName() + " counts households and floor areas: use \"scale\": \"big\"",
          Text.POLL_REFUSED_NEEDS_HOUSEHOLDS);
    }
    Instant now = clock.instant();
    Instant opensAt = now;
    if (body.getValue("opensAt") != null) {
      try {
        opensAt = OffsetDateTime.parse(string(body, "opensAt", "")).toInstant();
      } catch (DateTimeParseException e) {
        throw PollRefusal.of("\"opensAt\" (end of the discussion period) must be a date and time with offset,"
            + " e.g. 2026-11-28T09:00:00+08:00", Text.POLL_REFUSED_TIME, PollRefusal.label("opensAt"));
      }
      if (opensAt.isBefore(now)) {
        opensAt = now;
      }
      PollInput.withinHorizon("opensAt", opensAt, now);
    }
    Instant closesAt;
    try {
      closesAt = OffsetDateTime.parse(string(body, "closesAt", "")).toInstant();
    } catch (DateTimeParseException e) {
      throw PollRefusal.of("\"closesAt\" must be a date and time with offset, e.g. 2026-12-01T20:00:00+08:00",
          Text.POLL_REFUSED_TIME, PollRefusal.label("closesAt"));
    }
    PollInput.withinHorizon("closesAt", closesAt, now);
    if (!closesAt.isAfter(opensAt)) {
      throw opensAt.equals(now)
          ? PollRefusal.of("\"closesAt\" is in the past", Text.POLL_REFUSED_PAST)
          : PollRefusal.of("\"closesAt\" must be after \"opensAt\"", Text.POLL_REFUSED_BEFORE_OPENS);
    }
    Instant remindAt = null;
    if (body.getValue("remindMinutesBefore") != null) {
      long minutes = PollInput.wholeNumber(body, "remindMinutesBefore", 1, PollInput.MAX_REMIND_MINUTES, 0);
      remindAt = closesAt.minus(Duration.ofMinutes(minutes));
      if (!remindAt.isAfter(opensAt)) {
        throw PollRefusal.of("\"remindMinutesBefore\" puts the reminder before voting opens",
            Text.POLL_REFUSED_REMIND);
      }
    }
    int minBallots = 0;
    Object min = body.getValue("minParticipation");
    if (min != null) {
      if (!(min instanceof Integer || min instanceof Long) || ((Number) min).longValue() < 1
          || ((Number) min).longValue() > 1_000_000) {
        throw PollRefusal.of("\"minParticipation\" must be a whole number of ballots, from 1 to 1000000",
            Text.POLL_REFUSED_NUMBER, PollRefusal.label("minParticipation"), 1, 1_000_000);
      }
      minBallots = ((Number) min).intValue();
    }
    return new Draft(channel, chat, question, options, scale, rule, opensAt, closesAt, remindAt, multi,
        Boolean.TRUE.equals(body.getValue("anonymous")), Boolean.TRUE.equals(body.getValue("hideResults")), kind,
        minBallots);
  }

  /** Why a rule or a number of choices does not fit the kind (in English, as the API speaks); null when it fits. */
  private static String kindMismatch(Poll.Kind kind, Rule rule, int multi) {
    return switch (kind) {
      case PROPOSAL -> !rule.decidesProposals()
          ? "A proposal is decided by majority, two-thirds or a civil-code rule, not " + rule.apiName()
          : multi > 1
              ? "A proposal takes one choice per ballot: leave out \"multi\" or use \"kind\": \"choice\""
              : null;
      case CHOICE -> rule.needsRegister()
          ? "A Civil Code rule decides a proposal (agreement with option 1): use \"kind\": \"proposal\""
          : rule == Rule.INSTANT_RUNOFF ? "instant-runoff decides a ranked poll: use \"kind\": \"ranked\"" : null;
      case RANKED -> rule != Rule.INSTANT_RUNOFF
          ? "A ranked poll is decided by instant-runoff, not " + rule.apiName()
          : null;
    };
  }

  private static String string(JsonObject body, String field, String fallback) {
    Object v = body.getValue(field);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw PollRefusal.of("\"" + field + "\" must be a non-empty text", Text.POLL_REFUSED_TEXT,
          PollRefusal.label(field));
    }
    return s.strip();
  }
}
