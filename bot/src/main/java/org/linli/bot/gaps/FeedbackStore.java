package org.linli.bot.gaps;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.linli.bot.redis.ButtonTokens;
import org.linli.bot.redis.LuaScript;

/**
 * What residents say about the guides they were given ("有帮助" / "没帮到我"). A button carries at
 * most 64 bytes, so the question (masked and normalised as for gaps), the guide and the chat are
 * kept for a few days under a short random token. A vote counts once per person and button; an
 * unhelpful one also counts the question with the guide it got, so the office sees which answers
 * miss. Every change is one Lua script over keys of one hash tag.
 */
public final class FeedbackStore {

  static final String GIVEN = "kb:{gaps}:given:";
  static final String HELPFUL = "kb:{gaps}:helpful";
  static final String UNHELPFUL = "kb:{gaps}:unhelpful";
  static final String UNHELPFUL_COUNTS = "kb:{gaps}:unhelpful:count";
  static final String UNHELPFUL_SEEN = "kb:{gaps}:unhelpful:seen";
  private static final long TTL_SECONDS = 3 * 86_400;
  private static final int CAP = 10_000;

  private static final LuaScript REMEMBER = LuaScript.load("feedback-remember");
  private static final LuaScript VOTE = LuaScript.load("feedback-vote");

  private final RedisAPI redis;

  public FeedbackStore(RedisAPI redis) {
    this.redis = redis;
  }

  /** The question a guide was given for (masked), the guide, and the chat ({@code platform:chat}). */
  public record Given(String question, String guide, String chat) {
  }

  /** A vote as recorded: what it was about, and whether it counted (false when the person had voted). */
  public record Vote(Given given, boolean counted) {
  }

  /** A question whose guide did not help, as listed to the office. */
  public record Unhelpful(String question, String guide, long count, String lastSeen) {
  }

  /** How one guide was rated. */
  public record GuideTally(String guide, long helpful, long unhelpful) {
  }

  /** Keeps what was given; returns the token the buttons carry (12 letters and digits). */
  public Future<String> remember(Given given) {
    String id = ButtonTokens.next();
    return REMEMBER.call()
        .key("given", GIVEN + id)
        .arg("question", GapStore.normalise(given.question()))
        .arg("guide", given.guide())
        .arg("chat", given.chat())
        .arg("ttlSeconds", TTL_SECONDS)
        .run(redis)
        .map(r -> id);
  }

  /** Records one person's vote on a token; null when the token is unknown or expired. */
  public Future<Vote> vote(String token, String voter, boolean helpful) {
    if (!ButtonTokens.valid(token)) {
      return Future.succeededFuture(null);
    }
    return VOTE.call()
        .key("given", GIVEN + token)
        .key("voters", GIVEN + token + ":voters")
        .key("helpful", HELPFUL)
        .key("unhelpful", UNHELPFUL)
        .key("unhelpfulCounts", UNHELPFUL_COUNTS)
        .key("unhelpfulSeen", UNHELPFUL_SEEN)
        .arg("voter", voter)
        .arg("vote", helpful ? "y" : "n")
        .arg("now", Instant.now().toString())
        .arg("ttlSeconds", TTL_SECONDS)
        .arg("cap", CAP)
        .run(redis)
        .map(r -> r == null || r.size() < 4
            ? null
            : new Vote(new Given(r.get(0).toString(), r.get(1).toString(), r.get(2).toString()),
                r.get(3).toLong() == 1));
  }

  /** The questions whose guide did not help, most often first. */
  public Future<List<Unhelpful>> unhelpful(int limit) {
    return MostCounted.of(redis, UNHELPFUL_COUNTS, UNHELPFUL_SEEN, limit).map(top -> {
      List<Unhelpful> out = new ArrayList<>();
      for (MostCounted.Counted c : top) {
        String[] parts = c.member().split("\t", 2);
        out.add(new Unhelpful(parts.length > 1 ? parts[1] : "", parts[0], c.count(), c.lastSeen()));
      }
      return out;
    });
  }

  /** Helpful and unhelpful votes of every guide that has any, most unhelpful first. */
  public Future<List<GuideTally>> perGuide() {
    return Future.all(redis.hgetall(HELPFUL), redis.hgetall(UNHELPFUL)).map(all -> {
      Map<String, Long> helpful = counts(all.resultAt(0));
      Map<String, Long> unhelpful = counts(all.resultAt(1));
      TreeSet<String> guides = new TreeSet<>(helpful.keySet());
      guides.addAll(unhelpful.keySet());
      return guides.stream()
          .map(g -> new GuideTally(g, helpful.getOrDefault(g, 0L), unhelpful.getOrDefault(g, 0L)))
          .sorted(Comparator.comparingLong(GuideTally::unhelpful).reversed())
          .toList();
    });
  }

  private static Map<String, Long> counts(Response hash) {
    Map<String, Long> out = new HashMap<>();
    if (hash == null) {
      return out;
    }
    for (String field : hash.getKeys()) {
      out.put(field, hash.get(field).toLong());
    }
    return out;
  }
}
