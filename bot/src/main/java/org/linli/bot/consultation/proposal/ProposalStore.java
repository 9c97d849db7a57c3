package org.linli.bot.consultation.proposal;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.linli.bot.redis.LuaScript;

/**
 * Proposals in Redis. Each proposal's keys carry its id as hash tag: {@code proposal:{t1}} (the
 * definition, status, support count, the poll it became or the reason it was declined) and {@code
 * proposal:{t1}:supporters} (the identities that supported it, so each counts once). A support is
 * one Lua script: counted once per resident, and the one that reaches the threshold puts the
 * proposal on the agenda. Ids come from one counter ({@code proposals:{seq}}: t1, t2 … in base 36),
 * which is also how the public index lists them.
 */
public final class ProposalStore {

  private static final LuaScript CREATE = LuaScript.load("proposal-create");
  private static final LuaScript SUPPORT = LuaScript.load("proposal-support");
  private static final LuaScript DECIDE = LuaScript.load("proposal-decide");
  private static final String SEQUENCE = "proposals:{seq}";

  private final RedisAPI redis;

  public ProposalStore(RedisAPI redis) {
    this.redis = redis;
  }

  /** What one support did, and the count after it. */
  public record Support(Outcome outcome, int supports, String status) {

    /** Counted; counted and reached the threshold; already counted; too late; no such proposal. */
    public enum Outcome {
      COUNTED,
      REACHED,
      AGAIN,
      EXPIRED,
      CLOSED,
      UNKNOWN
    }
  }

  private static String meta(String id) {
    return "proposal:{" + id + "}";
  }

  private static String supporters(String id) {
    return meta(id) + ":supporters";
  }

  /** True for a text that can be a proposal id (t and base-36 digits, up to 20). */
  public static boolean validId(String id) {
    return id != null && id.matches("t[0-9a-z]{1,19}");
  }

  /** A new proposal id, unique across instances. */
  public Future<String> nextId() {
    return redis.incr(SEQUENCE).map(r -> "t" + Long.toString(r.toLong(), 36));
  }

  /** The ids of the latest {@code limit} proposals, newest first. */
  public Future<List<String>> latestIds(int limit) {
    return redis.get(SEQUENCE).map(r -> {
      long last = r == null ? 0 : r.toLong();
      List<String> ids = new ArrayList<>();
      for (long n = last; n >= 1 && ids.size() < limit; n--) {
        ids.add("t" + Long.toString(n, 36));
      }
      return ids;
    });
  }

  /**
   * Stores a new proposal (its status and count are the store's: open with the proposer's support,
   * or on the agenda when that alone reaches the threshold); {@code proposer} is empty for none.
   */
  public Future<Proposal> create(Proposal p, String proposer) {
    List<String> pairs = List.of("channel", p.channel(), "chat", p.chat(), "title", p.title(),
        "description", p.description(), "createdAt", String.valueOf(p.createdAt().toEpochMilli()),
        "deadline", String.valueOf(p.deadline().toEpochMilli()), "threshold", String.valueOf(p.threshold()),
        "community", p.community());
    return CREATE.call()
        .key("meta", meta(p.id()))
        .key("supporters", supporters(p.id()))
        .arg("proposer", proposer)
        .arg("now", p.createdAt().toEpochMilli())
        .args("pairs", pairs)
        .run(redis)
        .compose(r -> r.toInteger() == 0
            ? Future.failedFuture(new IllegalStateException("proposal " + p.id() + " already exists"))
            : find(p.id()));
  }

  /** Counts {@code supporter}'s support once. */
  public Future<Support> support(String id, String supporter, Instant now) {
    if (!validId(id)) {
      return Future.succeededFuture(new Support(Support.Outcome.UNKNOWN, 0, ""));
    }
    return SUPPORT.call()
        .key("meta", meta(id))
        .key("supporters", supporters(id))
        .arg("supporter", supporter)
        .arg("now", now.toEpochMilli())
        .run(redis)
        .map(r -> new Support(Support.Outcome.valueOf(r.get(0).toString().toUpperCase(Locale.ROOT)),
            r.get(1).toInteger(), r.get(2).toString()));
  }

  /**
   * Moves a proposal from {@code from} to {@code to} (with its poll or the reason, empty for none);
   * true only for the call that moved it.
   */
  public Future<Boolean> move(String id, Proposal.Status from, Proposal.Status to, Instant now, String poll,
      String reason) {
    return DECIDE.call()
        .key("meta", meta(id))
        .arg("from", from.apiName())
        .arg("to", to.apiName())
        .arg("now", now.toEpochMilli())
        .arg("poll", poll)
        .arg("reason", reason)
        .run(redis)
        .map(r -> r.toInteger() == 1);
  }

  /**
   * The proposal, or null (also for a text that cannot be an id). One found open past its deadline
   * is closed as expired first, so no reader sees it collecting supports it can no longer reach.
   */
  public Future<Proposal> find(String id, Instant now) {
    return find(id).compose(p -> p != null && p.status() == Proposal.Status.OPEN && !now.isBefore(p.deadline())
        ? move(id, Proposal.Status.OPEN, Proposal.Status.EXPIRED, now, "", "").compose(moved -> find(id))
        : Future.succeededFuture(p));
  }

  private Future<Proposal> find(String id) {
    if (!validId(id)) {
      return Future.succeededFuture(null);
    }
    return redis.hgetall(meta(id)).map(h -> {
      if (h == null || h.size() == 0 || text(h, "title") == null) {
        return null;
      }
      return new Proposal(id, text(h, "channel"), text(h, "chat"), text(h, "title"), text(h, "description"),
          Instant.ofEpochMilli(number(h, "createdAt")), Instant.ofEpochMilli(number(h, "deadline")),
          (int) number(h, "threshold"), (int) number(h, "supports"), Proposal.Status.of(text(h, "status")),
          text(h, "poll"), text(h, "reason"), text(h, "community"));
    });
  }

  private static long number(Response hash, String field) {
    String v = text(hash, field);
    return v == null || v.isEmpty() ? 0 : Long.parseLong(v);
  }

  private static String text(Response hash, String field) {
    Response v = hash.get(field);
    return v == null ? null : v.toString();
  }
}
