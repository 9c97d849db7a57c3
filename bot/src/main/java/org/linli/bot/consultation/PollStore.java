package org.linli.bot.consultation;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * :reasons} (ballot key → reason). For a secret ballot the ballot key is a keyed hash of the voter
 * under a per-poll key that is deleted when the poll closes, the caster is not kept, and no voter
 * or household id is ever written.
 */
public final class PollStore {

  private static final LuaScript CREATE = LuaScript.load("poll-create");
  private static final LuaScript VOTE = LuaScript.load("poll-vote");
  private static final LuaScript CLOSE = LuaScript.load("poll-close");
  private static final LuaScript EXTEND = LuaScript.load("poll-extend");

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] RECEIPT_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final RedisAPI redis;

  public PollStore(RedisAPI redis) {
    this.redis = redis;
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

  /** One ballot of a secret poll as published: its receipt code and the options recorded. */
  public record Receipt(String code, List<Integer> choices) {
  }

  static String meta(String id) {
    return "poll:{" + id + "}";
  }

  /** A part of a poll: {@code ballots}, {@code tally}, {@code area}, {@code electorate} or {@code reasons}. */
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
      byte[] secret = new byte[32];
      RANDOM.nextBytes(secret);
      fields.addAll(List.of("ballotSecret", Base64.getEncoder().encodeToString(secret)));
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
        .arg("ballot", ballot.key())
        .arg("choices", csv)
        .arg("now", ballot.castAtMillis())
        .arg("household", ballot.household().orElse(""))
        .arg("caster", ballot.caster().orElse("").replace("|", "/"))
        .arg("newReceipt", newReceipt())
        .arg("reason", ballot.reason().orElse(""))
        .run(redis)
        .map(PollStore::result);
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
   * closes only a poll whose (possibly extended) deadline has passed. The secret-ballot
   * key is deleted with it: from then on no ballot can be linked to a voter.
   */
  public Future<Boolean> close(String pollId, long nowMillis, String by) {
    if (!validId(pollId)) {
      return Future.succeededFuture(false);
    }
    return CLOSE.call().key("meta", meta(pollId)).arg("now", nowMillis).arg("by", by).run(redis)
        .map(r -> r.toInteger() == 1);
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
          List<Long> votes = new ArrayList<>();
          List<Long> areas = new ArrayList<>();
          for (int i = 1; i <= options; i++) {
            votes.add(number(tally, String.valueOf(i)));
            areas.add(number(area, String.valueOf(i)));
          }
          boolean register = "1".equals(text(meta, "register"));
          Tally counted = new Tally(votes, register ? areas : List.of(), number(meta, "ballots"),
              number(meta, "participatingArea"), number(meta, "eligibleHouseholds"), number(meta, "eligibleArea"));
          return Poll.Kind.RANKED.apiName().equals(text(meta, "kind"))
              ? redis.hvals(part(pollId, "ballots")).map(values -> ranked(counted, values, options))
              : Future.succeededFuture(counted);
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

  /** The receipt codes of a poll's ballots with what each recorded, sorted by code. */
  public Future<List<Receipt>> receipts(String pollId) {
    return redis.hvals(part(pollId, "ballots")).map(values -> {
      List<Receipt> out = new ArrayList<>();
      for (Response v : values) {
        String[] parts = v.toString().split("\\|", -1);
        if (parts.length == 3 && !parts[2].isEmpty()) {
          out.add(new Receipt(parts[2], choices(parts[0])));
        }
      }
      out.sort(Comparator.comparing(Receipt::code));
      return out;
    });
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
      if (ballotSecret == null) {
        return "closed";
      }
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(ballotSecret, "HmacSHA256"));
        byte[] h = mac.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        return "b:" + HexFormat.of().formatHex(h, 0, 16);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
      }
    }
  }

  /** True for a text that can be a poll id (letters, digits, - and _; up to 40). */
  public static boolean validId(String pollId) {
    return pollId != null && pollId.matches("[A-Za-z0-9_-]{1,40}");
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
      poll = withKind(poll, text(h, "kind"), (int) number(h, "minBallots"));
      String secret = text(h, "ballotSecret");
      String closedAt = text(h, "closedAt");
      return new Stored(poll, text(h, "status"), text(h, "closedBy"),
          secret == null ? null : Base64.getDecoder().decode(secret),
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

  private static String text(Response hash, String field) {
    Response v = hash == null ? null : hash.get(field);
    return v == null ? null : v.toString();
  }
}
