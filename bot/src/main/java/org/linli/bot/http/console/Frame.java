package org.linli.bot.http.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.linli.bot.console.Account;

/**
 * What the shared layout ({@code layout.jte}) of every console page shows: the page's title and
 * path, the signed-in account (null on the login page), the session's CSRF token for the logout
 * form, the navigation the account's role sees, and the office's time zone.
 */
public record Frame(String title, String path, Account account, String csrf, List<NavItem> nav, ZoneId zone) {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  public Frame {
    nav = List.copyOf(nav);
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
