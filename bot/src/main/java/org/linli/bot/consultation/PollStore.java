package org.linli.bot.consultation;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.linli.bot.redis.LuaScript;

/**
 * Polls in Redis. Every key of a poll carries its id as hash tag ({@code poll:{id}:...}), so each
 * script touches one cluster slot. A vote is one Lua script: is the poll open, is the choice
 * valid, is the voter's household on the register; then the earlier ballot of this voter (or
 * household) is taken out of the tallies and the new one put in — all or nothing.
 */
public final class PollStore {

  private static final LuaScript CREATE =
      new LuaScript(
          """
          if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
          local m = tonumber(ARGV[1])
          for i = 2, 1 + 2 * m, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
          for i = 2 + 2 * m, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
          return 1
          """);

  private static final LuaScript VOTE =
      new LuaScript(
          """
          local meta = KEYS[1]
          local status = redis.call('HGET', meta, 'status')
          if not status then return {'refused', 'unknown'} end
          if status ~= 'open' then return {'refused', 'closed'} end
          local now = tonumber(ARGV[3])
          if now < tonumber(redis.call('HGET', meta, 'opensAt')) then return {'refused', 'not_open'} end
          if now >= tonumber(redis.call('HGET', meta, 'closesAt')) then return {'refused', 'closed'} end
          local n = tonumber(redis.call('HGET', meta, 'optionCount'))
          local multi = tonumber(redis.call('HGET', meta, 'multi'))
          local choices = {}
          local seen = {}
          for c in string.gmatch(ARGV[2], '[^,]+') do
            local k = tonumber(c)
            if not k or k < 1 or k > n or seen[k] then return {'refused', 'option'} end
            seen[k] = true
            table.insert(choices, k)
          end
          if #choices == 0 or #choices > multi then return {'refused', 'count'} end
          local voter = ARGV[1]
          local area = 0
          if redis.call('HGET', meta, 'register') == '1' then
            if ARGV[4] == '' then return {'refused', 'unbound'} end
            local a = redis.call('HGET', KEYS[5], ARGV[4])
            if not a then return {'refused', 'ineligible'} end
            area = tonumber(a)
            voter = 'h:' .. ARGV[4]
          end
          local previous = redis.call('HGET', KEYS[2], voter)
          local previousCaster = ''
          if previous then
            local sep = string.find(previous, '|', 1, true)
            previousCaster = string.sub(previous, sep + 1)
            for c in string.gmatch(string.sub(previous, 1, sep - 1), '[^,]+') do
              redis.call('HINCRBY', KEYS[3], c, -1)
              if area > 0 then redis.call('HINCRBY', KEYS[4], c, -area) end
            end
          else
            redis.call('HINCRBY', meta, 'ballots', 1)
            if area > 0 then redis.call('HINCRBY', meta, 'participatingArea', area) end
          end
          for _, k in ipairs(choices) do
            redis.call('HINCRBY', KEYS[3], tostring(k), 1)
            if area > 0 then redis.call('HINCRBY', KEYS[4], tostring(k), area) end
          end
          redis.call('HSET', KEYS[2], voter, ARGV[2] .. '|' .. ARGV[5])
          if previous then
            return {'changed', string.sub(previous, 1, string.find(previous, '|', 1, true) - 1), previousCaster}
          end
          return {'counted', '', ''}
          """);

  private static final LuaScript CLOSE =
      new LuaScript(
          """
          if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return 0 end
          redis.call('HSET', KEYS[1], 'status', 'closed', 'closedAt', ARGV[1])
          return 1
          """);

  private final RedisAPI redis;

  public PollStore(RedisAPI redis) {
    this.redis = redis;
  }

  /** What a vote did. */
  public record VoteResult(Status status, String reason, List<Integer> previous, String previousCaster) {

    /** Counted for the first time, replaced an earlier ballot, or refused (see reason). */
    public enum Status {
      COUNTED,
      CHANGED,
      REFUSED
    }
  }

  static String meta(String id) {
    return "poll:{" + id + "}";
  }

  private static List<String> keys(String id) {
    String base = meta(id);
    return List.of(base, base + ":ballots", base + ":tally", base + ":area", base + ":electorate");
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
    List<String> args = new ArrayList<>();
    args.add(String.valueOf(fields.size() / 2));
    args.addAll(fields);
    register.forEach((household, area) -> {
      args.add(household);
      args.add(String.valueOf(area));
    });
    // Definition and register in one script: a second poll with a taken id changes nothing.
    return CREATE.run(redis, List.of(meta(poll.id()), keys(poll.id()).get(4)), args)
        .compose(r -> r.toInteger() == 1
            ? Future.succeededFuture()
            : Future.failedFuture(new IllegalStateException("poll " + poll.id() + " already exists")));
  }

  /**
   * Casts (or replaces) a ballot. {@code voter} identifies the resident (already a keyed hash for
   * anonymous polls); {@code household} is their bound household ("" when none); {@code caster} is
   * stored beside the ballot so the member whose vote was replaced can be told ("" to keep nothing).
   */
  public Future<VoteResult> vote(
      String pollId, String voter, String household, List<Integer> choices, long nowMillis, String caster) {
    String csv = choices.stream().map(String::valueOf).collect(Collectors.joining(","));
    return VOTE.run(redis, keys(pollId), List.of(voter, csv, String.valueOf(nowMillis), household, caster))
        .map(PollStore::result);
  }

  private static VoteResult result(Response r) {
    String status = r.get(0).toString();
    return switch (status) {
      case "counted" -> new VoteResult(VoteResult.Status.COUNTED, "", List.of(), "");
      case "changed" -> new VoteResult(VoteResult.Status.CHANGED, "",
          java.util.Arrays.stream(r.get(1).toString().split(",")).map(Integer::valueOf).toList(), r.get(2).toString());
      default -> new VoteResult(VoteResult.Status.REFUSED, r.get(1).toString(), List.of(), "");
    };
  }

  /** Closes an open poll; true only for the one call that closed it. */
  public Future<Boolean> close(String pollId, long nowMillis) {
    return CLOSE.run(redis, List.of(meta(pollId)), List.of(String.valueOf(nowMillis))).map(r -> r.toInteger() == 1);
  }

  /** The counts so far. */
  public Future<Tally> tally(String pollId, int options) {
    List<String> k = keys(pollId);
    return Future.all(redis.hgetall(k.get(0)), redis.hgetall(k.get(2)), redis.hgetall(k.get(3)))
        .map(all -> {
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
          return new Tally(votes, register ? areas : List.of(), number(meta, "ballots"),
              number(meta, "participatingArea"), number(meta, "eligibleHouseholds"), number(meta, "eligibleArea"));
        });
  }

  /** A stored poll with its status ({@code open} or {@code closed}). */
  public record Stored(Poll poll, String status) {
    /** True while votes are taken. */
    public boolean open() {
      return "open".equals(status);
    }
  }

  /** The poll with this id, or null. */
  public Future<Stored> find(String pollId) {
    return redis.hgetall(meta(pollId)).map(h -> {
      if (h == null || h.size() == 0 || text(h, "question") == null) {
        return null;
      }
      Poll poll = new Poll(pollId, text(h, "channel"), text(h, "chat"), text(h, "question"),
          List.of(text(h, "options").split("\u001f")),
          Poll.Scale.valueOf(text(h, "scale").toUpperCase(java.util.Locale.ROOT)),
          Rule.fromApiName(text(h, "rule")),
          java.time.Instant.ofEpochMilli(number(h, "opensAt")),
          java.time.Instant.ofEpochMilli(number(h, "closesAt")),
          (int) number(h, "multi"), "1".equals(text(h, "anonymous")), "1".equals(text(h, "hideResults")));
      return new Stored(poll, text(h, "status"));
    });
  }

  /** A new short poll id, unique across instances (p1, p2 … in base 36). */
  public Future<String> nextId() {
    return redis.incr("polls:{seq}").map(r -> "p" + Long.toString(r.toLong(), 36));
  }

  private static long number(Response hash, String field) {
    String v = text(hash, field);
    return v == null ? 0 : Long.parseLong(v);
  }

  private static String text(Response hash, String field) {
    Response v = hash == null ? null : hash.get(field);
    return v == null ? null : v.toString();
  }
}
