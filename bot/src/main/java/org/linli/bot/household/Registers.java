package org.linli.bot.household;

import io.vertx.redis.client.RedisAPI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.linli.bot.community.Communities;
import org.linli.bot.community.Community;
import org.linli.bot.consultation.HouseholdDirectories;
import org.linli.webhooks.ChatRef;

/**
 * The household register of each community, built once per community id and kept: the default
 * community's under {@code households:{register}} (as before communities), another's under {@code
 * households:{register:<id>}}. The register of a chat is the one of the chat's community.
 */
public final class Registers implements HouseholdDirectories {

  private final RedisAPI redis;
  private final Duration codeLifetime;
  private final Clock clock;
  private final BindingLimits limits;
  private final Communities communities;
  private final ConcurrentHashMap<String, HouseholdRegister> byCommunity = new ConcurrentHashMap<>();

  /** Registers whose codes live {@code codeLifetime}, limited by {@code limits}, one per community of {@code communities}. */
  public Registers(RedisAPI redis, Duration codeLifetime, Clock clock, BindingLimits limits,
      Communities communities) {
    this.redis = redis;
    this.codeLifetime = codeLifetime;
    this.clock = clock;
    this.limits = limits;
    this.communities = communities;
  }

  /** The register of the community with this id (the default's for null). */
  @Override
  public HouseholdRegister of(String community) {
    String id = community == null || community.isBlank() ? Community.DEFAULT : community;
    return byCommunity.computeIfAbsent(id, c -> new HouseholdRegister(redis, codeLifetime, clock, limits, c));
  }

  /** The register of the community {@code chat} belongs to. */
  public HouseholdRegister of(ChatRef chat) {
    return of(communities.idOf(chat));
  }

  /** The id of the community {@code chat} belongs to. */
  public String communityOf(ChatRef chat) {
    return communities.idOf(chat);
  }
}
