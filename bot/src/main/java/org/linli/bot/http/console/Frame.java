package org.linli.bot.http.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.linli.bot.community.Community;
import org.linli.bot.console.Account;

/**
 * What the shared layout ({@code layout.jte}) of every console page shows: the page's title and
 * path, the signed-in account (null on the login page), the session's CSRF token for the logout
 * form, the navigation the account's role sees, the office's time zone, and on a page of one
 * community that community (else null) and the communities the account may switch to.
 */
public record Frame(String title, String path, Account account, String csrf, List<NavItem> nav, ZoneId zone,
    Community community, List<Community> choices) {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  public Frame {
    nav = List.copyOf(nav);
    choices = List.copyOf(choices);
  }

  /** {@code path} in this page's community ({@code ?c=}), for links and form actions. */
  public String link(String path) {
    return link(path, community);
  }

  /**
   * {@code path} in {@code community} ({@code ?c=}); as it is for none and for the default
   * community, which a page without {@code c} shows to an account that works for it (the
   * addresses of a deployment with one community stay as they were).
   */
  public static String link(String path, Community community) {
    if (community == null || community.isDefault()) {
      return path;
    }
    return path + (path.contains("?") ? "&" : "?") + "c=" + URLEncoder.encode(community.id(), StandardCharsets.UTF_8);
  }

  /** True when the page belongs to a community and the account may switch to another one. */
  public boolean switchable() {
    return community != null && choices.size() > 1;
  }

  /** True when someone is signed in. */
  public boolean signedIn() {
    return account != null;
  }

  /** A moment as the office reads it ({@code 2026-12-02 08:30}, in its zone). */
  public String time(Instant at) {
    return TIME.format(at.atZone(zone));
  }

  /** True when {@code item} is the page shown. */
  public boolean current(NavItem item) {
    return item.path().equals(path);
  }
}
