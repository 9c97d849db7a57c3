package org.linli.bot.consultation;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.errors.Conflict;
import org.linli.bot.errors.NotFound;
import org.linli.config.SettingsException;
import org.linli.webhooks.ChatRef;
import org.linli.webhooks.Identity;

/**
 * Who may run polls in which chat, from the {@code consultation.moderators} setting: a
 * comma-separated list of {@code platform:chat:user} ({@code chatapp:-100123:2222}), where chat
 * {@code *} means every chat of that platform ({@code chatapp:*:2222}). The older {@code
 * chat:user} form ({@code g1:mod}) still names one chat, on whichever platform it is; {@code *:user}
 * would name the user on every platform, so it is refused: write the platform.
 *
 * <p>Moderators granted while the service runs ({@link #grant}, by the admin API or the console)
 * are kept in Redis ({@link ModeratorGrants}) and read again every few seconds ({@link #start}), so
 * a grant or a revocation reaches every instance without a restart.
 */
public final class Moderators {

  private static final Pattern PLATFORM = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
  private static final int LONGEST = 200;

  private final List<Grant> grants = new ArrayList<>();
  private final ModeratorGrants store;
  private volatile List<Grant> granted = List.of();
  private Vertx vertx;
  private long timer = -1;

  /**
   * One entry: {@code platform} null for the older form (that chat on any platform).
   *
   * @param platform the chat platform, or null
   * @param chat the chat id, or {@code *} for every chat of the platform
   * @param user the moderator's user id on that platform
   */
  public record Grant(String platform, String chat, String user) {

    boolean covers(ChatRef where, Identity who) {
      return (platform == null || platform.equals(where.platform()))
          && (chat.equals("*") || chat.equals(where.chat()))
          && user.equals(who.user());
    }

    /** The entry as the setting and Redis write it: {@code platform:chat:user}. */
    public String entry() {
      return (platform == null ? "" : platform + ":") + chat + ":" + user;
    }
  }

  /** Parses the setting; an entry without a colon is ignored, a {@code *:user} entry refused. */
  public Moderators(String setting) {
    this(setting, null);
  }

  /** The setting's moderators and those granted in {@code store} (null: the setting's only). */
  public Moderators(String setting, ModeratorGrants store) {
    this.store = store;
    for (String entry : setting.split(",")) {
      String e = entry.strip();
      String[] parts = e.split(":", 3);
      if (parts.length == 3) {
        if (parts[0].isEmpty() || parts[0].equals("*")) {
          throw new SettingsException("consultation.moderators: '" + e + "' must start with the platform's name"
              + " (<platform>:*:" + parts[2] + ")");
        }
        grants.add(new Grant(parts[0], parts[1], parts[2]));
      } else if (parts.length == 2) {
        if (parts[0].equals("*")) {
          throw new SettingsException("consultation.moderators: '" + e + "' would make " + parts[1]
              + " a moderator on every platform; write the platform: <platform>:*:" + parts[1]);
        }
        grants.add(new Grant(null, parts[0], parts[1]));
      }
    }
  }

  /** True when {@code who} moderates the chat {@code where} (a person of another platform never does). */
  public boolean moderates(ChatRef where, Identity who) {
    return where.platform().equals(who.platform())
        && (grants.stream().anyMatch(g -> g.covers(where, who))
            || granted.stream().anyMatch(g -> g.covers(where, who)));
  }

  /** The moderators of the setting, in its order. */
  public List<Grant> fromSettings() {
    return List.copyOf(grants);
  }

  /** The moderators granted in Redis as last read, sorted. */
  public List<Grant> granted() {
    return granted;
  }

  /**
   * Makes {@code user} a moderator of {@code chat} ({@code *}: every chat) on {@code platform};
   * true when newly granted. Every instance sees it within {@link #start}'s period.
   */
  public Future<Boolean> grant(String platform, String chat, String user) {
    return checked(platform, chat, user)
        .compose(grant -> stored().add(grant.entry()))
        .compose(added -> refresh().map(added));
  }

  /**
   * Takes back a grant made with {@link #grant}; one of the setting is refused (it is changed in
   * the setting), one that does not exist is not found.
   */
  public Future<Void> revoke(String platform, String chat, String user) {
    return checked(platform, chat, user).compose(grant -> {
      if (grants.contains(grant)) {
        return Future.failedFuture(new Conflict(grant.entry() + " is a moderator by the setting"
            + " consultation.moderators (LINLI_CONSULTATION_MODERATORS); change the setting to take it back"));
      }
      return stored().remove(grant.entry()).compose(removed -> removed
          ? refresh()
          : Future.failedFuture(new NotFound(grant.entry() + " is not a granted moderator")));
    });
  }

  /** Reads the granted moderators from Redis again. */
  public Future<Void> refresh() {
    if (store == null) {
      return Future.succeededFuture();
    }
    return store.all().map(entries -> {
      List<Grant> read = new ArrayList<>();
      for (String e : entries) {
        String[] parts = e.split(":", 3);
        if (parts.length == 3) {
          read.add(new Grant(parts[0], parts[1], parts[2]));
        }
      }
      read.sort(Comparator.comparing(Grant::entry));
      granted = List.copyOf(read);
      return null;
    });
  }

  /** Reads the granted moderators now and then every {@code periodMillis}. */
  public Future<Void> start(Vertx vertx, long periodMillis) {
    this.vertx = vertx;
    if (store != null) {
      timer = vertx.setPeriodic(periodMillis, id -> refresh());
    }
    return refresh().otherwiseEmpty();
  }

  /** Stops reading. */
  public void stop() {
    if (vertx != null && timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private ModeratorGrants stored() {
    if (store == null) {
      throw new IllegalStateException("These moderators come from the setting only");
    }
    return store;
  }

  /** The grant the three fields name, or a failed bad request saying what is wrong with them. */
  private static Future<Grant> checked(String platform, String chat, String user) {
    try {
      return Future.succeededFuture(parsed(platform, chat, user));
    } catch (BadRequest e) {
      return Future.failedFuture(e);
    }
  }

  private static Grant parsed(String platform, String chat, String user) {
    if (platform == null || !PLATFORM.matcher(platform).matches()) {
      throw new BadRequest("\"platform\" must be a platform's name, as in its webhook path /webhooks/<platform>");
    }
    if (chat == null || chat.isBlank() || chat.contains(":") || chat.length() > LONGEST || !plain(chat)) {
      throw new BadRequest("\"chat\" must be a chat id (or * for every chat of the platform), without a colon");
    }
    if (user == null || user.isBlank() || user.equals("*") || user.length() > LONGEST || !plain(user)) {
      throw new BadRequest("\"user\" must be the moderator's user id on that platform");
    }
    return new Grant(platform, chat.strip(), user.strip());
  }

  private static boolean plain(String text) {
    return text.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
  }
}
