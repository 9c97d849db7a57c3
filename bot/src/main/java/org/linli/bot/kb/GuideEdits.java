package org.linli.bot.kb;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.errors.NotFound;
import org.linli.kb.Entry;
import org.linli.kb.EntryFormatException;
import org.linli.kb.EntryParser;
import org.linli.kb.KnowledgeBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The office's own edits of the guides, made in the console and published without a redeploy: the
 * Markdown of each edited, added or withdrawn guide in one Redis hash ({@link #KEY}, field = guide
 * id, value = Markdown, blank = withdrawn), applied over the shipped or folder guides at every load
 * ({@link KnowledgeBase#withEdits}). Every instance follows: a publication changes the hash's
 * {@code #version} field, which each instance reads every {@code period} and re-indexes when it
 * moved; the instance that published re-indexes at once. Restoring a guide drops its edit.
 */
public final class GuideEdits {

  static final String KEY = "guides:{edits}";
  private static final String VERSION = "#version";
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Logger LOG = LoggerFactory.getLogger(GuideEdits.class);

  private final RedisAPI redis;
  private final KbService kb;
  private final EntryParser parser = new EntryParser();
  private volatile Map<String, String> snapshot = Map.of();
  private volatile String seen = "";
  private Vertx vertx;
  private long timer = -1;

  /** Edits in {@code redis}, applied to {@code kb} from its next load on. */
  public GuideEdits(RedisAPI redis, KbService kb) {
    this.redis = redis;
    this.kb = kb;
    kb.knowledgeBase().withEdits(() -> snapshot);
  }

  /** The edits as last read: guide id → Markdown (blank: withdrawn). */
  public Map<String, String> edited() {
    return snapshot;
  }

  /** Reads the edits (before the first load), then follows them every {@code periodMillis}. */
  public Future<Void> start(Vertx vertx, long periodMillis) {
    this.vertx = vertx;
    timer = vertx.setPeriodic(periodMillis, id -> follow());
    return read().otherwise(e -> {
      LOG.warn("Guides: the office's edits could not be read at start ({}); the guides load without them",
          e.toString());
      return null;
    });
  }

  /** Stops following. */
  public void stop() {
    if (vertx != null && timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /**
   * What {@code markdown} would publish for guide {@code id}: the guide as parsed, or a bad request
   * with the parser's sentence (a missing title, a broken front matter, another id).
   */
  public Entry check(String id, String markdown) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new BadRequest("A guide id is 1 to 64 lower-case letters, digits, - or _ (e.g. juzhuzheng-apply)");
    }
    if (markdown == null || markdown.isBlank()) {
      throw new BadRequest("The guide is empty; it starts with a front matter between --- lines");
    }
    Entry entry;
    try {
      entry = parser.parse(markdown, "edited:" + id);
    } catch (EntryFormatException e) {
      throw new BadRequest("The guide cannot be read: " + e.getMessage());
    }
    if (!entry.id().equals(id)) {
      throw new BadRequest("The front matter says id '" + entry.id() + "', but this is the guide '" + id + "'");
    }
    return entry;
  }

  /** Publishes {@code markdown} as guide {@code id} (checked first) and re-indexes. */
  public Future<KnowledgeBase.LoadReport> publish(String id, String markdown) {
    try {
      check(id, markdown);
    } catch (BadRequest e) {
      return Future.failedFuture(e);
    }
    return write(id, markdown).onSuccess(r -> LOG.info("Guides: {} published from the console", id));
  }

  /** Withdraws guide {@code id} (the bot stops answering with it) and re-indexes. */
  public Future<KnowledgeBase.LoadReport> withdraw(String id) {
    if (kb.knowledgeBase().entry(id) == null) {
      return Future.failedFuture(new NotFound("There is no guide '" + id + "' to withdraw"));
    }
    return write(id, "").onSuccess(r -> LOG.info("Guides: {} withdrawn from the console", id));
  }

  /** Drops the edit of guide {@code id}: it is again as shipped or as in the folder (or gone, if added). */
  public Future<KnowledgeBase.LoadReport> restore(String id) {
    if (!snapshot.containsKey(id)) {
      return Future.failedFuture(new NotFound("The guide '" + id + "' has no edit to undo"));
    }
    return redis.hdel(List.of(KEY, id))
        .compose(r -> redis.hset(List.of(KEY, VERSION, UUID.randomUUID().toString())))
        .compose(r -> read())
        .compose(v -> kb.reload());
  }

  private Future<KnowledgeBase.LoadReport> write(String id, String markdown) {
    // One command: the guide and a new version together, so no instance sees one without the other.
    return redis.hset(List.of(KEY, id, markdown, VERSION, UUID.randomUUID().toString()))
        .compose(r -> read())
        .compose(v -> kb.reload());
  }

  private Future<Void> read() {
    return redis.hgetall(KEY).map(r -> {
      Map<String, String> all = new HashMap<>();
      String version = "";
      if (r != null) {
        for (String field : r.getKeys()) {
          Response value = r.get(field);
          if (field.equals(VERSION)) {
            version = value.toString();
          } else {
            all.put(field, value == null ? "" : value.toString());
          }
        }
      }
      snapshot = Map.copyOf(all);
      seen = version;
      return null;
    });
  }

  private void follow() {
    redis.hget(KEY, VERSION).onSuccess(v -> {
      String version = v == null ? "" : v.toString();
      if (!version.equals(seen)) {
        read().compose(x -> kb.reload())
            .onSuccess(r -> LOG.info("Guides: the office's edits changed; {} guides indexed", r.entries()))
            .onFailure(e -> LOG.warn("Guides: following the edits failed: {}", e.toString()));
      }
    });
  }
}
