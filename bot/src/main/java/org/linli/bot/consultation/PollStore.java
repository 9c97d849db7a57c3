package org.linli.bot.consultation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.linli.bot.redis.LuaScript;

/**
 * Polls in Redis. Every key of a poll carries its id as hash tag ({@code poll:{id}:...}), so each
 * script touches one cluster slot. A vote is one Lua script: is the poll open, is the choice
 * valid, is the voter's household on the register; then the earlier ballot of this voter (or
 * household) is taken out of the tallies and the new one put in — all or nothing.
 *
 * <p>Keys: {@code poll:{id}} (definition, status, counters), {@code :ballots} (ballot key →
 * {@code choices|caster|receipt}), {@code :tally} and {@code :area} (per option), {@code
 * :electorate} (household → floor area, the register as it was when the poll opened), {@code
 * :reasons} (ballot key → reason); for a secret ballot also {@code :voters} (keyed hash of the
 * voter → their receipt, while open) and {@code :replaced} (receipts of ballots a later member of
 * the same household replaced). For a secret ballot the ballot key is a keyed hash of the voter
 * under a per-poll key that Redis holds only sealed ({@link BallotKeys}) and that is deleted when
 * the poll closes, the caster is not kept, and no voter or household id is ever written; nor is a
 * household's floor area while votes are cast (it would name the household next to its ballot): the
 * areas of a secret poll are counted from its ballots with the poll's key, for the live view and
 * once more at the close, which keeps them.
 */
public final class PollStore {

  private static final LuaScript CREATE = LuaScript.load("poll-create");
  private static final LuaScript VOTE = LuaScript.load("poll-vote");
  private static final LuaScript CLOSE = LuaScript.load("poll-close");
  private static final LuaScript EXTEND = LuaScript.load("poll-extend");

  private static final int CLOSE_ATTEMPTS = 50;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] RECEIPT_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final RedisAPI redis;
  private final BallotKeys keys;
  private final Map<VoteResult.Status, Counter> votes = new EnumMap<>(VoteResult.Status.class);

  /** A store whose secret polls are sealed under {@code keys}. */
  public PollStore(RedisAPI redis, BallotKeys keys) {
    this(redis, keys, new CompositeMeterRegistry());
  }

  /** As above, counting votes by what they did in {@code linli_votes_total{result=counted|changed|refused}}. */
  public PollStore(RedisAPI redis, BallotKeys keys, MeterRegistry meters) {
    this.redis = redis;
    this.keys = keys;
    for (VoteResult.Status status : VoteResult.Status.values()) {
      votes.put(status, Counter.builder("linli_votes").description("Ballots cast, by what the vote did")
          .tag("result", status.name().toLowerCase(Locale.ROOT)).register(meters));
    }
  }

  /** A store with a sealing key of this process only ({@link BallotKeys#ephemeral}): tests and benchmarks. */
  public PollStore(RedisAPI redis) {
    this(redis, BallotKeys.ephemeral());
  }

  /** What a vote did; {@code receipt} is the ballot's receipt code (secret ballots only, else ""). */
  public record VoteResult(Status status, String reason, List<Integer> previous, String previousCaster,
      String receipt) {

    /** Counted for the first time, replaced an earlier ballot, or refused (see reason). */
    public enum Status {
      COUNTED,
      CHANGED,
      REFUSED
    }
  }

  /**
   * One ballot of a secret poll as published: its receipt code and the options recorded, or — when
   * {@code replaced} — no options, as a later ballot of the same household replaced it.
   */
  public record Receipt(String code, List<Integer> choices, boolean replaced) {
  }

  static String meta(String id) {
    return "poll:{" + id + "}";
  }

  /** A part of a poll: {@code ballots}, {@code tally}, {@code area}, {@code electorate}, {@code reasons} … */
  private static String part(String id, String part) {
    return meta(id) + ":" + part;
  }

  /**
   * Stores a new poll; {@code register} maps household id to floor area (m² × 100) for polls decided
   * by households, empty otherwise. Fails if the id is taken.
   */
  public Future<Void> create(Poll poll, Map<String, Long> register) {
    List<String> fields = new ArrayList<>();
    poll.fields().forEach((k, v) -> {
      fields.add(k);
      fields.add(v);
    });
    fields.addAll(List.of("status", "open", "ballots", "0", "participatingArea", "0",
        "register", register.isEmpty() ? "0" : "1",
        "eligibleHouseholds", String.valueOf(register.size()),
        "eligibleArea", String.valueOf(register.values().stream().mapToLong(Long::longValue).sum())));
    if (poll.anonymous()) {
      byte[] secret = keys.newPollKey();
      fields.addAll(List.of("sealedBallotKey", keys.seal(poll.id(), secret)));
      Arrays.fill(secret, (byte) 0);
    }
    List<String> pairs = new ArrayList<>(fields);
    register.forEach((household, area) -> {
      pairs.add(household);
      pairs.add(String.valueOf(area));
    });
    // Definition and register in one script: a second poll with a taken id changes nothing.
    return CREATE.call()
        .key("meta", meta(poll.id()))
        .key("electorate", part(poll.id(), "electorate"))
        .arg("fieldCount", fields.size() / 2)
        .args("pairs", pairs)
        .run(redis)
        .compose(r -> r.toInteger() == 1
            ? Future.succeededFuture()
            : Future.failedFuture(new IllegalStateException("poll " + poll.id() + " already exists")));
  }

  /** Casts (or replaces) a ballot. */
  public Future<VoteResult> vote(Ballot ballot) {
    String pollId = ballot.pollId();
    if (!validId(pollId)) {
      votes.get(VoteResult.Status.REFUSED).increment();
      return Future.succeededFuture(new VoteResult(VoteResult.Status.REFUSED, "unknown", List.of(), "", ""));
    }
    String csv = ballot.choices().stream().map(String::valueOf).collect(Collectors.joining(","));
    // The script reads "" as none.
    return VOTE.call()
        .key("meta", meta(pollId))
        .key("ballots", part(pollId, "ballots"))
        .key("tally", part(pollId, "tally"))
        .key("areaTally", part(pollId, "area"))
        .key("electorate", part(pollId, "electorate"))
        .key("reasons", part(pollId, "reasons"))
        .key("voters", part(pollId, "voters"))
        .key("replaced", part(pollId, "replaced"))
        .arg("ballot", ballot.key())
        .arg("choices", csv)
        .arg("now", ballot.castAtMillis())
        .arg("household", ballot.household().orElse(""))
        .arg("caster", ballot.caster().orElse("").replace("|", "/"))
        .arg("newReceipt", newReceipt())
        .arg("reason", ballot.reason().orElse(""))
        .arg("voter", ballot.voter())
        .run(redis)
        .map(PollStore::result)
        .onSuccess(result -> votes.get(result.status()).increment());
  }

  private static String newReceipt() {
    char[] out = new char[9];
    for (int i = 0; i < out.length; i++) {
      out[i] = i == 4 ? '-' : RECEIPT_LETTERS[RANDOM.nextInt(RECEIPT_LETTERS.length)];
    }
    return new String(out);
  }

  private static VoteResult result(Response r) {
    String status = r.get(0).toString();
    return switch (status) {
      case "counted" -> new VoteResult(VoteResult.Status.COUNTED, "", List.of(), "", r.get(3).toString());
      case "changed" -> new VoteResult(VoteResult.Status.CHANGED, "", choices(r.get(1).toString()),
          r.get(2).toString(), r.get(3).toString());
      default -> new VoteResult(VoteResult.Status.REFUSED, r.get(1).toString(), List.of(), "", "");
    };
  }

  private static List<Integer> choices(String csv) {
    return Arrays.stream(csv.split(",")).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
  }

  /**
   * Closes an open poll; true only for the one call that closed it. {@code by} is kept (deadline,
   * chat, api) so that whoever closed it is the one who announces the result; {@code deadline}
   * closes only a poll whose (possibly extended) deadline has passed. The sealed secret-ballot
   * key is deleted with it (and the voters' receipt map; the ballots are written again in key
   * order): from then on nothing in Redis links a ballot to a voter. What the files of Redis still
   * hold is for {@link org.linli.bot.redis.PersistenceRewrite} to rewrite.
   */
  public Future<Boolean> close(String pollId, long nowMillis, String by) {
    if (!validId(pollId)) {
      return Future.succeededFuture(false);
    }
    return close(pollId, nowMillis, by, 1);
  }

  /**
   * One try at closing. A secret poll on the register has its areas counted first, from its ballots
   * with the poll's key (its votes add no area, see poll-vote.lua); when a vote came in meanwhile
   * the script changes nothing and the areas are counted again.
   */
  private Future<Boolean> close(String pollId, long nowMillis, String by, int attempt) {
    return redis.hmget(List.of(meta(pollId), "anonymous", "register", "status", "closesAt"))
        .compose(flags -> {
          boolean due = !"deadline".equals(by) || flags.get(3) != null && nowMillis >= flags.get(3).toLong();
          boolean count = due && "1".equals(text(flags.get(0))) && "1".equals(text(flags.get(1)))
              && "open".equals(text(flags.get(2)));
          return count ? find(pollId).compose(this::secretAreas) : Future.succeededFuture((SecretAreas) null);
        })
        .compose(areas -> CLOSE.call()
            .key("meta", meta(pollId))
            .key("ballots", part(pollId, "ballots"))
            .key("reasons", part(pollId, "reasons"))
            .key("voters", part(pollId, "voters"))
            .key("replaced", part(pollId, "replaced"))
            .key("area", part(pollId, "area"))
            .arg("now", nowMillis).arg("by", by)
            .arg("changes", areas == null ? "" : areas.changes())
            .arg("areas", areas == null ? "" : areas.csv())
            .run(redis))
        .compose(r -> {
          int outcome = r.toInteger();
          if (outcome >= 0) {
            return Future.succeededFuture(outcome == 1);
          }
          return attempt < CLOSE_ATTEMPTS
              ? close(pollId, nowMillis, by, attempt + 1)
              : Future.failedFuture(new IllegalStateException("poll " + pollId + " took votes through "
                  + CLOSE_ATTEMPTS + " counts of its areas; close it again"));
        });
  }

  /**
   * The floor areas of a secret poll on the register, counted from its ballots with the poll's key:
   * each household of the electorate is looked up under its ballot key. {@code changes} is the
   * poll's vote counter read before the ballots were.
   */
  private record SecretAreas(String changes, long participating, List<Long> perOption) {

    /** Participating area, then each option's area. */
    String csv() {
      StringBuilder out = new StringBuilder().append(participating);
      perOption.forEach(a -> out.append(',').append(a));
      return out.toString();
    }
  }

  /** Null when {@code stored} is not an open secret poll by households whose key is at hand. */
  private Future<SecretAreas> secretAreas(Stored stored) {
    if (stored == null || !stored.open() || !stored.poll().anonymous() || !stored.poll().byHousehold()
        || stored.ballotSecret() == null) {
      return Future.succeededFuture(null);
    }
    String pollId = stored.poll().id();
    int options = stored.poll().options().size();
    return redis.hget(meta(pollId), "changes").compose(changes -> redis.hgetall(part(pollId, "electorate"))
        .compose(electorate -> {
          List<String> households = new ArrayList<>();
          List<Long> areas = new ArrayList<>();
          List<String> args = new ArrayList<>();
          args.add(part(pollId, "ballots"));
          if (electorate != null) {
            for (String household : electorate.getKeys()) {
              households.add(household);
              areas.add(Long.parseLong(electorate.get(household).toString()));
              args.add(stored.ballotKey("", household));
            }
          }
          String counter = changes == null ? "0" : changes.toString();
          if (households.isEmpty()) {
            return Future.succeededFuture(new SecretAreas(counter, 0, Collections.nCopies(options, 0L)));
          }
          return redis.hmget(args).map(values -> {
            long participating = 0;
            long[] perOption = new long[options];
            for (int i = 0; i < households.size(); i++) {
              Response v = values.get(i);
              if (v == null) {
                continue;
              }
              long area = areas.get(i);
              participating += area;
              for (int k : choices(v.toString().split("\\|", -1)[0])) {
                if (k >= 1 && k <= options) {
                  perOption[k - 1] += area;
                }
              }
            }
            return new SecretAreas(counter, participating, Arrays.stream(perOption).boxed().toList());
          });
        }));
  }

  /** As {@link #close(String, long, String)}, closed by the API. */
  public Future<Boolean> close(String pollId, long nowMillis) {
    return close(pollId, nowMillis, "api");
  }

  /** Moves the deadline of an open poll; false when it is closed or unknown. */
  public Future<Boolean> extend(String pollId, Instant closesAt) {
    return EXTEND.call().key("meta", meta(pollId)).arg("closesAt", closesAt.toEpochMilli()).run(redis)
        .map(r -> r.toInteger() == 1);
  }

  /**
   * The counts so far. For a ranked poll the ballots' orders are read too, and the counts per
   * option are first preferences (the script counts every option a ballot ranks).
   */
  public Future<Tally> tally(String pollId, int options) {
    return Future.all(redis.hgetall(meta(pollId)), redis.hgetall(part(pollId, "tally")),
        redis.hgetall(part(pollId, "area")))
        .compose(all -> {
          Response meta = all.resultAt(0);
          Response tally = all.resultAt(1);
          Response area = all.resultAt(2);
          boolean register = "1".equals(text(meta, "register"));
          // An open secret poll's votes add no area: its areas are counted from the ballots.
          Future<SecretAreas> secret = register && "1".equals(text(meta, "anonymous"))
              && "open".equals(text(meta, "status"))
                  ? find(pollId).compose(this::secretAreas)
                  : Future.succeededFuture(null);
          return secret.compose(counted -> {
            List<Long> votes = new ArrayList<>();
            List<Long> areas = new ArrayList<>();
            for (int i = 1; i <= options; i++) {
              votes.add(number(tally, String.valueOf(i)));
              areas.add(counted != null && i <= counted.perOption().size()
                  ? counted.perOption().get(i - 1)
                  : number(area, String.valueOf(i)));
            }
            Tally t = new Tally(votes, register ? areas : List.of(), number(meta, "ballots"),
                counted != null ? counted.participating() : number(meta, "participatingArea"),
                number(meta, "eligibleHouseholds"), number(meta, "eligibleArea"));
            return Poll.Kind.RANKED.apiName().equals(text(meta, "kind"))
                ? redis.hvals(part(pollId, "ballots")).map(values -> ranked(t, values, options))
                : Future.succeededFuture(t);
          });
        });
  }

  /** The counts of a ranked poll: first preferences per option, and every ballot's order. */
  private static Tally ranked(Tally counted, Response ballots, int options) {
    List<List<Integer>> rankings = new ArrayList<>();
    List<Long> first = new ArrayList<>(Collections.nCopies(options, 0L));
    for (Response v : ballots) {
      List<Integer> order = choices(v.toString().split("\\|", -1)[0]);
      if (!order.isEmpty()) {
        rankings.add(order);
        first.set(order.get(0) - 1, first.get(order.get(0) - 1) + 1);
      }
    }
    // Areas per option mean nothing for rankings: a ranked poll is counted in ballots.
    return new Tally(first, List.of(), counted.ballots(), counted.participatingArea(), counted.eligibleBallots(),
        counted.eligibleArea(), rankings);
  }

  /**
   * The receipt codes of a poll's ballots with what each recorded, and those of ballots a later
   * member of the same household replaced, sorted by code.
   */
  public Future<List<Receipt>> receipts(String pollId) {
    return Future.all(redis.hvals(part(pollId, "ballots")), redis.hkeys(part(pollId, "replaced"))).map(all -> {
      List<Receipt> out = new ArrayList<>();
      for (Response v : all.<Response>resultAt(0)) {
        String[] parts = v.toString().split("\\|", -1);
        if (parts.length == 3 && !parts[2].isEmpty()) {
          out.add(new Receipt(parts[2], choices(parts[0]), false));
        }
      }
      for (Response code : all.<Response>resultAt(1)) {
        out.add(new Receipt(code.toString(), List.of(), true));
      }
      out.sort(Comparator.comparing(Receipt::code));
      return out;
    });
  }

  /**
   * Which of these ballot keys hold a ballot, in the same order (to remind those who have not
   * voted; nothing is written).
   */
  public Future<List<Boolean>> cast(String pollId, List<String> ballotKeys) {
    if (ballotKeys.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<String> args = new ArrayList<>();
    args.add(part(pollId, "ballots"));
    args.addAll(ballotKeys);
    return redis.hmget(args).map(r -> {
      List<Boolean> out = new ArrayList<>();
      for (int i = 0; i < ballotKeys.size(); i++) {
        out.add(r.get(i) != null);
      }
      return out;
    });
  }

  /** The households of a poll's electorate (the register as it was when the poll opened). */
  public Future<List<String>> electorate(String pollId) {
    return redis.hkeys(part(pollId, "electorate")).map(r -> {
      List<String> out = new ArrayList<>();
      r.forEach(h -> out.add(h.toString()));
      return out;
    });
  }

  /** True for the one call that marks the poll's private reminders as sent (once per poll). */
  public Future<Boolean> markPrivateReminders(String pollId) {
    return redis.hsetnx(meta(pollId), "privateReminders", "1").map(r -> r.toInteger() == 1);
  }

  /** The reasons voters gave, without who gave them. */
  public Future<List<String>> reasons(String pollId) {
    return redis.hvals(part(pollId, "reasons")).map(values -> {
      List<String> out = new ArrayList<>();
      values.forEach(v -> out.add(v.toString()));
      return out;
    });
  }

  /**
   * A stored poll with its status ({@code open} or {@code closed}), who closed it, and — while a
   * secret poll is open — the key its ballot keys are made with; {@code closedAt} is when it
   * closed (null while open).
   */
  public record Stored(Poll poll, String status, String closedBy, byte[] ballotSecret, Instant closedAt) {

    /** A stored poll whose close time is not known (open, or read before close times were kept). */
    public Stored(Poll poll, String status, String closedBy, byte[] ballotSecret) {
      this(poll, status, closedBy, ballotSecret, null);
    }

    /** True while votes are taken. */
    public boolean open() {
      return "open".equals(status);
    }

    /**
     * The key one ballot is kept under: the resident's identity for small matters, {@code
     * h:<household>} for big ones; for a secret ballot, an HMAC-SHA256 of that under the poll's key.
     */
    public String ballotKey(String identity, String household) {
      String plain = poll.byHousehold() ? "h:" + household : identity;
      if (!poll.anonymous()) {
        return plain;
      }
      return ballotSecret == null ? "closed" : "b:" + BallotKeys.mac(ballotSecret, plain);
    }

    /**
     * For a secret ballot, a keyed hash of the voter (the voter's own receipt is kept under it while
     * the poll is open); "" for any other poll.
     */
    public String voterTag(String identity) {
      return !poll.anonymous() || ballotSecret == null ? "" : "v:" + BallotKeys.mac(ballotSecret, "u:" + identity);
    }

    /**
     * What names a private message to {@code identity} about this poll in the outbox: for a secret
     * ballot a keyed hash, so that no id left behind says who was written to.
     */
    public String messageTag(String identity) {
      return !poll.anonymous() || ballotSecret == null
          ? identity
          : BallotKeys.mac(ballotSecret, "m:" + identity);
    }
  }

  /** True for a text that can be a poll id (letters, digits, - and _; up to 40). */
  public static boolean validId(String pollId) {
    return pollId != null && pollId.matches("[A-Za-z0-9_-]{1,40}");
  }

  /**
   * The poll with this id when it belongs to the community {@code community}; null when there is
   * none, or it is another community's (not found there either).
   */
  public Future<Stored> find(String pollId, String community) {
    return find(pollId).map(stored -> stored != null && stored.poll().community().equals(community) ? stored : null);
  }

  /** The poll with this id, or null (also for a text that cannot be a poll id). */
  public Future<Stored> find(String pollId) {
    if (!validId(pollId)) {
      return Future.succeededFuture(null);
    }
    return redis.hgetall(meta(pollId)).map(h -> {
      if (h == null || h.size() == 0 || text(h, "question") == null) {
        return null;
      }
      String remind = text(h, "remindAt");
      Poll poll = new Poll(pollId, text(h, "channel"), text(h, "chat"), text(h, "question"),
          List.of(text(h, "options").split("\u001f")),
          Poll.Scale.valueOf(text(h, "scale").toUpperCase(Locale.ROOT)),
          Rule.fromApiName(text(h, "rule")),
          Instant.ofEpochMilli(number(h, "opensAt")),
          Instant.ofEpochMilli(number(h, "closesAt")),
          remind == null || remind.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(remind)),
          (int) number(h, "multi"), "1".equals(text(h, "anonymous")), "1".equals(text(h, "hideResults")));
      poll = withKind(poll, text(h, "kind"), (int) number(h, "minBallots")).inCommunity(text(h, "community"));
      String sealed = text(h, "sealedBallotKey");
      // Polls opened before keys were sealed kept theirs in clear.
      String clear = text(h, "ballotSecret");
      byte[] secret = sealed != null
          ? keys.open(pollId, sealed)
          : clear == null ? null : Base64.getDecoder().decode(clear);
      String closedAt = text(h, "closedAt");
      return new Stored(poll, text(h, "status"), text(h, "closedBy"), secret,
          closedAt == null || closedAt.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(closedAt)));
    });
  }

  /** The poll with its stored kind; a poll stored before kinds existed keeps the kind its options suggest. */
  private static Poll withKind(Poll p, String kind, int minBallots) {
    Poll.Kind stored = Poll.Kind.fromApiName(kind);
    return new Poll(p.id(), p.channel(), p.chat(), p.question(), p.options(), p.scale(), p.rule(), p.opensAt(),
        p.closesAt(), p.remindAt(), p.multi(), p.anonymous(), p.hideResults(), stored == null ? p.kind() : stored,
        minBallots);
  }

  /** A new short poll id, unique across instances (p1, p2 … in base 36). */
  public Future<String> nextId() {
    return redis.incr("polls:{seq}").map(r -> "p" + Long.toString(r.toLong(), 36));
  }

  private static long number(Response hash, String field) {
    String v = text(hash, field);
    return v == null || v.isEmpty() ? 0 : Long.parseLong(v);
  }

  private static String text(Response value) {
    return value == null ? null : value.toString();
  }

  private static String text(Response hash, String field) {
    Response v = hash == null ? null : hash.get(field);
    return v == null ? null : v.toString();
  }
}
