package org.linli.bot.community;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.errors.Conflict;
import org.linli.bot.errors.NotFound;
import org.linli.bot.text.Text;
import org.linli.webhooks.ChatRef;

/**
 * The street office's communities in Redis, shared by every instance, and which community each
 * chat belongs to. A chat belongs to at most one community; a chat none names belongs to {@value
 * Community#DEFAULT}, which always exists (its name and facts may be edited like any other's).
 * Every instance keeps a copy read again every few seconds ({@link #start}), so a chat's community
 * is known without a round trip on every message; a change made here is seen here at once.
 *
 * <pre>
 * communities:{communities}         hash  id → JSON {name, office: {address, phone, hours}}
 * communities:{communities}:chats   hash  platform:chat → id
 * </pre>
 */
public final class Communities {

  static final String KEY = "communities:{communities}";
  static final String CHATS = KEY + ":chats";

  private final RedisAPI redis;
  private final Community fallback;
  private volatile Map<String, Community> byId;
  private volatile Map<String, String> chatToCommunity = Map.of();
  private Vertx vertx;
  private long timer = -1;

  /** {@code defaultFacts}: what the default community's cards show until an admin edits them. */
  public Communities(RedisAPI redis, String defaultName, LocalFacts defaultFacts) {
    this.redis = redis;
    this.fallback = new Community(Community.DEFAULT, defaultName, List.of(), defaultFacts);
    this.byId = Map.of(Community.DEFAULT, fallback);
  }

  /** The community of a chat, as last read: the one that names it, else the default. */
  public Community of(ChatRef chat) {
    String id = chat == null ? null : chatToCommunity.get(chat.key());
    Community found = id == null ? null : byId.get(id);
    return found == null ? byId.get(Community.DEFAULT) : found;
  }

  /** The id of a chat's community, as last read. */
  public String idOf(ChatRef chat) {
    return of(chat).id();
  }

  /** The community with this id, as last read. */
  public Optional<Community> find(String id) {
    return Optional.ofNullable(id == null ? null : byId.get(id));
  }

  /**
   * The community with this id, read from Redis once more when this instance does not know it: it
   * may have been created a moment ago on another instance. Never fails: a Redis that does not
   * answer leaves the communities as last read.
   */
  public Future<Optional<Community>> findFresh(String id) {
    Optional<Community> known = find(id);
    if (known.isPresent()) {
      return Future.succeededFuture(known);
    }
    return refresh().transform(read -> Future.succeededFuture(find(id)));
  }

  /** Every community as last read, the default first, then by id. */
  public List<Community> all() {
    List<Community> out = new ArrayList<>(byId.values());
    out.sort(Comparator.comparing((Community c) -> !c.isDefault()).thenComparing(Community::id));
    return out;
  }

  /** Creates a community; refused when the id is taken (the default always is). */
  public Future<Community> create(String id, String name, LocalFacts facts) {
    String c;
    String n;
    try {
      c = Community.checkedId(id);
      n = Community.checkedName(name);
    } catch (BadRequest e) {
      return Future.failedFuture(e);
    }
    if (c.equals(Community.DEFAULT)) {
      return Future.failedFuture(new Conflict(Text.COMMUNITY_DEFAULT_EXISTS.of(Community.DEFAULT)));
    }
    return redis.hsetnx(KEY, c, stored(n, facts)).compose(r -> r.toInteger() == 1
        ? refresh().map(v -> byId.get(c))
        : Future.failedFuture(new Conflict(Text.COMMUNITY_EXISTS.of(c))));
  }

  /** Changes a community's name and facts. */
  public Future<Community> update(String id, String name, LocalFacts facts) {
    String n;
    try {
      n = Community.checkedName(name);
    } catch (BadRequest e) {
      return Future.failedFuture(e);
    }
    return existing(id).compose(c -> redis.hset(List.of(KEY, c.id(), stored(n, facts))))
        .compose(r -> refresh()).map(v -> byId.get(id));
  }

  /**
   * Puts a chat in a community; refused when it belongs to another one (take it out there
   * first). True when it was newly added.
   */
  public Future<Boolean> addChat(String id, String platform, String chat) {
    ChatRef ref;
    try {
      ref = chatRef(platform, chat);
    } catch (BadRequest e) {
      return Future.failedFuture(e);
    }
    return existing(id).compose(c -> redis.hsetnx(CHATS, ref.key(), c.id())).compose(r -> {
      if (r.toInteger() == 1) {
        return refresh().map(true);
      }
      return redis.hget(CHATS, ref.key()).compose(owner -> owner != null && owner.toString().equals(id)
          ? Future.succeededFuture(false)
          : Future.failedFuture(new Conflict(Text.COMMUNITY_CHAT_TAKEN.of(ref.key(),
              owner == null ? "?" : owner.toString()))));
    });
  }

  /** Takes a chat out of a community (it then belongs to the default). */
  public Future<Void> removeChat(String id, String platform, String chat) {
    ChatRef ref;
    try {
      ref = chatRef(platform, chat);
    } catch (BadRequest e) {
      return Future.failedFuture(e);
    }
    return redis.hget(CHATS, ref.key()).compose(owner -> {
      if (owner == null || !owner.toString().equals(id)) {
        return Future.failedFuture(new NotFound(Text.COMMUNITY_CHAT_UNKNOWN.of(ref.key(), id)));
      }
      return redis.hdel(List.of(CHATS, ref.key())).compose(r -> refresh());
    });
  }

  /** Reads the communities and their chats from Redis again. */
  public Future<Void> refresh() {
    return Future.all(redis.hgetall(KEY), redis.hgetall(CHATS)).map(read -> {
      Response stored = read.resultAt(0);
      Response chats = read.resultAt(1);
      Map<String, String> toCommunity = new HashMap<>();
      Map<String, List<String>> chatsOf = new HashMap<>();
      if (chats != null) {
        for (String chat : chats.getKeys()) {
          String id = chats.get(chat).toString();
          toCommunity.put(chat, id);
          chatsOf.computeIfAbsent(id, k -> new ArrayList<>()).add(chat);
        }
      }
      Map<String, Community> communities = new LinkedHashMap<>();
      communities.put(Community.DEFAULT, fallback);
      if (stored != null) {
        for (String id : stored.getKeys()) {
          JsonObject json = new JsonObject(stored.get(id).toString());
          communities.put(id, new Community(id, json.getString("name"), List.of(),
              LocalFacts.fromJson(json.getJsonObject("office"))));
        }
      }
      communities.replaceAll((id, c) -> new Community(id, c.name(),
          chatsOf.getOrDefault(id, List.of()).stream().sorted().toList(), c.facts()));
      byId = Map.copyOf(communities);
      chatToCommunity = Map.copyOf(toCommunity);
      return null;
    });
  }

  /** Reads the communities now and then every {@code periodMillis}. */
  public Future<Void> start(Vertx vertx, long periodMillis) {
    this.vertx = vertx;
    timer = vertx.setPeriodic(periodMillis, id -> refresh());
    return refresh().otherwiseEmpty();
  }

  /** Stops reading. */
  public void stop() {
    if (vertx != null && timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private Future<Community> existing(String id) {
    return refresh().compose(v -> find(id).map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new NotFound(Text.COMMUNITY_UNKNOWN.of(id)))));
  }

  private static String stored(String name, LocalFacts facts) {
    return new JsonObject().put("name", name).put("office", (facts == null ? LocalFacts.NONE : facts).toJson())
        .encode();
  }

  private static ChatRef chatRef(String platform, String chat) {
    if (platform == null || !platform.matches("[a-z][a-z0-9_-]{0,31}")) {
      throw new BadRequest(Text.COMMUNITY_PLATFORM_INVALID.of());
    }
    if (chat == null || chat.isBlank() || chat.strip().equals("*") || chat.strip().length() > 200
        || chat.chars().anyMatch(ch -> ch < 0x20)) {
      throw new BadRequest(Text.COMMUNITY_CHAT_INVALID.of());
    }
    return new ChatRef(platform, chat.strip());
  }
}
