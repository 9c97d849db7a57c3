package org.linli.bot.consultation.proposal;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import org.linli.bot.redis.LuaScript;

/**
 * Follow-ups of polls in Redis, beside the poll's own keys and with its id as hash tag: {@code
 * followup:{p3}} (the proposal the poll came from, whether the matter is done) and {@code
 * followup:{p3}:steps} (the steps as JSON, in order). Adding a step is one Lua script, refused once
 * the matter is done.
 */
public final class FollowUpStore {

  private static final LuaScript ADD = LuaScript.load("followup-add");

  private final RedisAPI redis;

  public FollowUpStore(RedisAPI redis) {
    this.redis = redis;
  }

  /** What adding a step did: recorded as step {@code number}, or refused because the matter was done. */
  public record Added(boolean recorded, int number) {
  }

  private static String meta(String pollId) {
    return "followup:{" + pollId + "}";
  }

  private static String steps(String pollId) {
    return meta(pollId) + ":steps";
  }

  /** Adds a step (and marks the matter done when the step says so). */
  public Future<Added> add(String pollId, FollowUp.Step step) {
    return ADD.call()
        .key("meta", meta(pollId))
        .key("steps", steps(pollId))
        .arg("step", step.toJson())
        .arg("done", step.done() ? "1" : "0")
        .arg("now", step.at().toEpochMilli())
        .run(redis)
        .map(r -> new Added("recorded".equals(r.get(0).toString()), r.get(1).toInteger()));
  }

  /** Notes that the poll came from this proposal (the poll's side of the link). */
  public Future<Void> link(String pollId, String proposalId) {
    return redis.hset(List.of(meta(pollId), "proposal", proposalId)).mapEmpty();
  }

  /** The poll's follow-up: no steps and no proposal where nothing was recorded. */
  public Future<FollowUp> find(String pollId) {
    return Future.all(redis.hgetall(meta(pollId)), redis.lrange(steps(pollId), "0", "-1")).map(all -> {
      Response meta = all.resultAt(0);
      Response raw = all.resultAt(1);
      List<FollowUp.Step> steps = new ArrayList<>();
      if (raw != null) {
        raw.forEach(s -> steps.add(FollowUp.Step.fromJson(s.toString())));
      }
      Response proposal = meta == null ? null : meta.get("proposal");
      Response done = meta == null ? null : meta.get("done");
      return new FollowUp(pollId, proposal == null ? "" : proposal.toString(),
          done != null && "1".equals(done.toString()), steps);
    });
  }
}
