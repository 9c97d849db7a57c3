package org.linli.bot.gaps;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back a sorted set of counts kept with a hash of when each member was last seen (as
 * {@code gap-record.lua} and {@code feedback-vote.lua} write them): the most counted first.
 */
final class MostCounted {

  /** A member, its count, and when it was last seen ("" where that was not recorded). */
  record Counted(String member, long count, String lastSeen) {
  }

  private MostCounted() {
  }

  /** The {@code limit} most counted members of sorted set {@code counts}, seen times from {@code lastSeen}. */
  static Future<List<Counted>> of(RedisAPI redis, String counts, String lastSeen, int limit) {
    return redis.zrevrange(List.of(counts, "0", String.valueOf(limit - 1), "WITHSCORES"))
        .compose(range -> {
          List<String> members = new ArrayList<>();
          List<Long> scores = new ArrayList<>();
          // RESP2 returns a flat [member, score, ...] list; RESP3 returns [[member, score], ...].
          for (int i = 0; i < range.size(); i++) {
            Response item = range.get(i);
            if (item.size() == 2 && item.get(0) != null) {
              members.add(item.get(0).toString());
              scores.add(Math.round(item.get(1).toDouble()));
            } else {
              members.add(item.toString());
              scores.add(Math.round(range.get(++i).toDouble()));
            }
          }
          if (members.isEmpty()) {
            return Future.succeededFuture(List.<Counted>of());
          }
          List<String> args = new ArrayList<>();
          args.add(lastSeen);
          args.addAll(members);
          return redis.hmget(args).map(seen -> {
            List<Counted> out = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
              Response s = seen.get(i);
              out.add(new Counted(members.get(i), scores.get(i), s == null ? "" : s.toString()));
            }
            return out;
          });
        });
  }
}
