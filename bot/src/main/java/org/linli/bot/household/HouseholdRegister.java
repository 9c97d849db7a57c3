package org.linli.bot.household;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.bot.community.Community;
import org.linli.bot.consultation.HouseholdDirectory;
import org.linli.bot.redis.LuaScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The household register of one community in Redis, the chat identities bound to each household,
 * and the one-time codes that bind them. Every key carries the register's hash tag — {@code
 * {register}} for the default community (the keys of before communities), {@code {register:<id>}}
 * for another ({@code households:{register:xinghe}:bindings}) — so the register, the
 * bindings and the codes share one cluster slot and a bind is one Lua script: the code is used up,
 * the identity leaves its earlier household and joins the new one, and both audit lists get a line
 * — all or nothing, and two residents racing with one code cannot both win.
 *
 * <pre>
 * households:{register}                  hash  household id → JSON (address, area, owners, masked names/phones)
 * households:{register}:bindings         hash  identity (platform:userId) → household id
 * households:{register}:members:&lt;id&gt;     set   identities bound to the household
 * households:{register}:audit:&lt;id&gt;       list  binding events, newest first (JSON)
 * households:{register}:code:&lt;code&gt;      string household id, expires with the code
 * households:{register}:used:&lt;code&gt;      string household id, kept until the code would have expired
 * households:{register}:tries:&lt;identity&gt; counter of wrong codes within the window
 * households:{register}:wrong:household:&lt;id&gt; wrong codes of the identities bound to the household
 * households:{register}:wrong:community  wrong codes of every identity of the community, within the window
 * </pre>
 *
 * <p>(Keys of the default community shown; another community's have {@code {register:<id>}}.)
 */
public final class HouseholdRegister implements HouseholdDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(HouseholdRegister.class);

  /** Wrong codes an identity may send within {@link #TRIES_WINDOW} before binding is refused (the default). */
  public static final int MAX_WRONG_CODES = BindingLimits.DEFAULT.perIdentity();

  /** How long wrong codes are counted (the default). */
  public static final Duration TRIES_WINDOW = BindingLimits.DEFAULT.window();

  private static final int AUDIT_LENGTH = 200;

  private static final LuaScript UPSERT = LuaScript.load("household-upsert");
  private static final LuaScript ISSUE = LuaScript.load("household-issue");
  private static final LuaScript BIND = LuaScript.load("household-bind");
  private static final LuaScript LIST = LuaScript.load("household-list");
  private static final LuaScript UNBIND = LuaScript.load("household-unbind");

  private final RedisAPI redis;
  private final Duration codeLifetime;
  private final Clock clock;
  private final BindingLimits limits;
  private final SecureRandom random = new SecureRandom();
  private final String community;
  private final String prefix;
  private final String bindings;

  /** {@code codeLifetime}: how long an issued binding code stays valid; the default limits of wrong codes. */
  public HouseholdRegister(RedisAPI redis, Duration codeLifetime, Clock clock) {
    this(redis, codeLifetime, clock, BindingLimits.DEFAULT);
  }

  /** {@code limits}: how many wrong codes pause binding, for whom; the default community's register. */
  public HouseholdRegister(RedisAPI redis, Duration codeLifetime, Clock clock, BindingLimits limits) {
    this(redis, codeLifetime, clock, limits, Community.DEFAULT);
  }

  /** The register of the community {@code community} (an id). */
  public HouseholdRegister(RedisAPI redis, Duration codeLifetime, Clock clock, BindingLimits limits,
      String community) {
    if (codeLifetime.toMillis() < 1) {
      throw new IllegalArgumentException("a binding code must live at least a millisecond");
    }
    this.redis = redis;
    this.codeLifetime = codeLifetime;
    this.clock = clock;
    this.limits = limits;
    this.community = community;
    String tag = Community.DEFAULT.equals(community) ? "register" : "register:" + community;
    this.prefix = "households:{" + tag + "}";
    this.bindings = prefix + ":bindings";
  }

  /** The id of the community whose register this is. */
  public String community() {
    return community;
  }

  /** A household on the register with the number of chat identities bound to it. */
  public record Listed(Household household, int boundMembers) {
  }

  /**
   * Reads a CSV file and adds its households to the register, replacing stored ones with the same
   * id. A file with any problem fails with {@link HouseholdCsv.Invalid} and changes nothing.
   */
  public Future<ImportResult> importCsv(String csv) {
    HouseholdCsv.Parsed parsed;
    try {
      parsed = HouseholdCsv.parse(csv);
    } catch (HouseholdCsv.Invalid e) {
      return Future.failedFuture(e);
    }
    return upsert(parsed.households()).map(r -> new ImportResult(
        parsed.households().size(), r.added(), r.households(), parsed.ignoredColumns()));
  }

  /** Adds or replaces these households in one script (all or none); answers with the new count. */
  public Future<ImportResult> upsert(List<Household> households) {
    List<String> args = new ArrayList<>(households.size() * 2);
    for (Household h : households) {
      args.add(h.id());
      args.add(h.toJson().encode());
    }
    if (args.isEmpty()) {
      return count().map(n -> new ImportResult(0, 0, n, List.of()));
    }
    return UPSERT.call().key("register", prefix).args("pairs", args).run(redis).map(r -> {
      int added = r.get(0).toInteger();
      long total = r.get(1).toLong();
      LOG.info("Household register: {} households imported ({} new), {} on the register", households.size(), added,
          total);
      return new ImportResult(households.size(), added, total, List.of());
    });
  }

  /** How many households the register holds. */
  public Future<Long> count() {
    return redis.hlen(prefix).map(Response::toLong);
  }

  /** The household with this id, or null. */
  public Future<Household> find(String householdId) {
    return redis.hget(prefix, householdId).map(r -> r == null ? null : Household.fromJson(householdId, r.toString()));
  }

  /** Every household, by id, with how many identities are bound to each. */
  public Future<List<Listed>> list() {
    return list(0);
  }

  // The script counts the members of the households the caller names (Redis Cluster needs every
  // key declared); when one was added between the two steps it answers false and we list again.
  private Future<List<Listed>> list(int attempt) {
    return redis.hkeys(prefix).compose(ids -> {
      List<String> households = new ArrayList<>();
      if (ids != null) {
        ids.forEach(id -> households.add(id.toString()));
      }
      return LIST.call()
          .key("register", prefix)
          .keys("members", households.stream().map(this::membersKey).toList())
          .args("households", households)
          .run(redis);
    }).compose(r -> r != null && r.type() == ResponseType.MULTI
        ? Future.succeededFuture(listed(r))
        : attempt < 10
            ? list(attempt + 1)
            : Future.failedFuture(new IllegalStateException("the register kept changing while it was listed")));
  }

  private static List<Listed> listed(Response r) {
    List<Listed> out = new ArrayList<>(r.size() / 3);
    for (int i = 0; i + 2 < r.size(); i += 3) {
      String id = r.get(i).toString();
      out.add(new Listed(Household.fromJson(id, r.get(i + 1).toString()), r.get(i + 2).toInteger()));
    }
    out.sort(Comparator.comparing(l -> l.household().id()));
    return out;
  }

  /**
   * Household id → floor area in hundredths of m², for the whole register: the snapshot a poll of
   * households takes when it opens.
   */
  @Override
  public Future<Map<String, Long>> areas() {
    return redis.hgetall(prefix).map(h -> {
      Map<String, Long> out = new LinkedHashMap<>();
      if (h != null) {
        for (String id : h.getKeys()) {
          out.put(id, new JsonObject(h.get(id).toString()).getLong("area"));
        }
      }
      return out;
    });
  }

  /** The household this identity ({@code platform:userId}) is bound to, or null. */
  @Override
  public Future<String> householdOf(String identity) {
    return redis.hget(bindings, identity).map(r -> r == null ? null : r.toString());
  }

  /** Every bound identity ({@code platform:userId}) → its household. */
  @Override
  public Future<Map<String, String>> bindings() {
    return redis.hgetall(bindings).map(h -> {
      Map<String, String> out = new LinkedHashMap<>();
      if (h != null) {
        for (String identity : h.getKeys()) {
          out.put(identity, h.get(identity).toString());
        }
      }
      return out;
    });
  }

  /** The identities bound to a household. */
  public Future<Set<String>> members(String householdId) {
    return redis.smembers(membersKey(householdId)).map(r -> {
      Set<String> out = new HashSet<>();
      if (r != null) {
        r.forEach(m -> out.add(m.toString()));
      }
      return out;
    });
  }

  /**
   * The binding events of a household, newest first: {@code {"at": millis, "event": "bound" |
   * "left" | "revoked", "identity", "previous" | "next" | "by"}} (at most 200 are kept).
   */
  public Future<List<JsonObject>> audit(String householdId) {
    return redis.lrange(auditKey(householdId), "0", "-1").map(r -> {
      List<JsonObject> out = new ArrayList<>();
      if (r != null) {
        r.forEach(e -> out.add(new JsonObject(e.toString())));
      }
      return out;
    });
  }

  /** A household with the identities bound to it, sorted, and its binding events, newest first. */
  public record Bindings(Household household, List<String> members, List<JsonObject> events) {
  }

  /** The household with its members and binding events ({@link #audit}), or null when it is not on the register. */
  public Future<Bindings> bindingsOf(String householdId) {
    return find(householdId).compose(found -> found == null
        ? Future.succeededFuture(null)
        : Future.all(members(householdId), audit(householdId)).map(all -> new Bindings(found,
            all.<Set<String>>resultAt(0).stream().sorted().toList(), all.<List<JsonObject>>resultAt(1))));
  }

  /**
   * Takes back the binding of {@code identity} to the household (a resident moved out, a code was
   * misused), with a {@code revoked} line naming {@code by} in the household's audit list; true
   * when it was bound there, false (nothing changes) otherwise. The identity may bind again with a
   * new code.
   */
  public Future<Boolean> unbind(String householdId, String identity, String by) {
    if (householdId == null || householdId.isBlank() || identity == null || identity.isBlank()) {
      return Future.succeededFuture(false);
    }
    return UNBIND.call()
        .key("bindings", bindings)
        .key("members", membersKey(householdId))
        .key("audit", auditKey(householdId))
        .arg("identity", identity)
        .arg("household", householdId)
        .arg("at", clock.millis())
        .arg("by", by)
        .arg("auditLength", AUDIT_LENGTH)
        .run(redis)
        .map(r -> {
          boolean revoked = r.toInteger() == 1;
          if (revoked) {
            // Identities stay out of the log; who was unbound is in the household's audit list.
            LOG.info("Household {}: a member's binding revoked", householdId);
          }
          return revoked;
        });
  }

  /**
   * A new six-digit code that binds one identity to the household. Fails with {@link
   * UnknownHousehold} when the household is not on the register.
   */
  public Future<BindingCode> issueCode(String householdId) {
    return issueCode(householdId, 0);
  }

  private Future<BindingCode> issueCode(String householdId, int attempt) {
    String code = String.format("%06d", random.nextInt(1_000_000));
    long millis = codeLifetime.toMillis();
    Instant expiresAt = clock.instant().plusMillis(millis);
    return ISSUE.call()
        .key("register", prefix)
        .key("code", codeKey(code))
        .key("used", usedKey(code))
        .arg("household", householdId)
        .arg("ttlMillis", millis)
        .run(redis)
        .compose(r -> switch (r.toString()) {
          case "issued" -> {
            // The code itself is a credential: it never goes into the log.
            LOG.info("Binding code issued for household {}", householdId);
            yield Future.succeededFuture(new BindingCode(householdId, code, expiresAt));
          }
          case "taken" -> attempt < 50
              ? issueCode(householdId, attempt + 1)
              : Future.failedFuture(new IllegalStateException("no free binding code after 50 tries"));
          default -> Future.failedFuture(new UnknownHousehold(householdId));
        });
  }

  /**
   * Uses up a code and binds {@code identity} ({@code platform:userId}) to its household, replacing
   * any earlier binding of that identity. Nothing changes when the code is refused.
   */
  public Future<BindResult> bind(String code, String identity) {
    if (!code.matches("\\d{6}")) {
      return Future.succeededFuture(BindResult.refused(BindResult.Status.UNKNOWN_OR_EXPIRED));
    }
    if (identity.isBlank()) {
      return Future.failedFuture(new IllegalArgumentException("a binding needs an identity"));
    }
    return bind(code, identity, 0);
  }

  // The member and audit keys depend on the household the code names and on the identity's
  // earlier one; Redis Cluster needs every key declared, so they are read first and the script
  // checks they still hold (else it answers stale and we read again).
  private Future<BindResult> bind(String code, String identity, int attempt) {
    return Future.all(redis.get(codeKey(code)), redis.hget(bindings, identity)).compose(read -> {
      String household = text(read.resultAt(0));
      String previous = text(read.resultAt(1));
      return BIND.call()
          .key("register", prefix)
          .key("bindings", bindings)
          .key("code", codeKey(code))
          .key("used", usedKey(code))
          .key("tries", prefix + ":tries:" + identity)
          .key("members", membersKey(household))
          .key("audit", auditKey(household))
          .key("previousMembers", membersKey(previous))
          .key("previousAudit", auditKey(previous))
          .arg("identity", identity)
          .arg("at", clock.millis())
          .arg("expectedHousehold", household)
          .arg("expectedPrevious", previous)
          .key("householdTries", prefix + ":wrong:household:" + previous)
          .key("communityTries", prefix + ":wrong:community")
          .arg("maxWrongCodes", limits.perIdentity())
          .arg("triesWindowMillis", limits.window().toMillis())
          .arg("auditLength", AUDIT_LENGTH)
          .arg("maxHouseholdWrongCodes", limits.perHousehold())
          .arg("maxCommunityWrongCodes", limits.perCommunity())
          .run(redis);
    }).compose(r -> {
      if (r.size() > 1 && "community_full".equals(r.get(1).toString())) {
        LOG.warn("Binding paused for everyone of the community {}: {} wrong binding codes within {} min across"
            + " identities (someone may be guessing codes); it resumes when the window has passed", community,
            limits.perCommunity(),
            limits.window().toMinutes());
      }
      return Future.succeededFuture(r);
    }).compose(r -> switch (r.get(0).toString()) {
      case "bound" -> Future.succeededFuture(bound(r));
      case "used" -> Future.succeededFuture(BindResult.refused(BindResult.Status.ALREADY_USED));
      case "too_many" -> Future.succeededFuture(BindResult.refused(BindResult.Status.TOO_MANY_ATTEMPTS));
      case "stale" -> attempt < 10
          ? bind(code, identity, attempt + 1)
          : Future.failedFuture(new IllegalStateException("the binding kept changing while it was made"));
      default -> Future.succeededFuture(BindResult.refused(BindResult.Status.UNKNOWN_OR_EXPIRED));
    });
  }

  private static String text(Response r) {
    return r == null ? "" : r.toString();
  }

  private static BindResult bound(Response r) {
    String household = r.get(1).toString();
    String previous = r.get(3).toString();
    String previousRecord = r.get(4).toString();
    if (previous.isEmpty()) {
      LOG.info("Household {}: a member bound", household);
    } else {
      // Identities stay out of the log; who moved is in the audit lists.
      LOG.info("Household {}: a member re-bound, replacing their binding to household {}", household, previous);
    }
    return new BindResult(BindResult.Status.BOUND, Household.fromJson(household, r.get(2).toString()),
        previous.isEmpty() || previousRecord.isEmpty() ? null : Household.fromJson(previous, previousRecord));
  }

  private String membersKey(String householdId) {
    return prefix + ":members:" + householdId;
  }

  private String auditKey(String householdId) {
    return prefix + ":audit:" + householdId;
  }

  private String codeKey(String code) {
    return prefix + ":code:" + code;
  }

  private String usedKey(String code) {
    return prefix + ":used:" + code;
  }

  /** The household asked for is not on the register. */
  public static final class UnknownHousehold extends IllegalArgumentException {
    private final String householdId;

    UnknownHousehold(String householdId) {
      super("household " + householdId + " is not on the register");
      this.householdId = householdId;
    }

    /** The id that was asked for. */
    public String householdId() {
      return householdId;
    }
  }
}
