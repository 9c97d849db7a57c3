package org.linli.bot.http;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paths of the REST routes that belong to a community: each answers both at {@code
 * /api/v1/<path>} (the community {@code default}) and at {@code
 * /api/v1/communities/<c>/<path>}. {@link #of} turns a path with {@code :name} parameters into
 * the one regular expression a route is mounted on; the community, when given, is the path
 * parameter {@code community}, read by {@link CommunityScope}.
 */
public final class ApiPaths {

  private static final Pattern PARAM = Pattern.compile(":([A-Za-z][A-Za-z0-9]*)");

  private ApiPaths() {
  }

  /**
   * The regular expression of {@code path} ({@code /households/:id/codes}) under both prefixes.
   */
  public static String of(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a path starts with /: " + path);
    }
    StringBuilder out = new StringBuilder("^/api/v1(?:/communities/(?<community>[^/]+))?");
    Matcher m = PARAM.matcher(path);
    int at = 0;
    while (m.find()) {
      out.append(Pattern.quote(path.substring(at, m.start())));
      out.append("(?<").append(m.group(1)).append(">[^/]+)");
      at = m.end();
    }
    out.append(Pattern.quote(path.substring(at))).append("/?$");
    return out.toString();
  }

  /** A GET route at {@code path} under both prefixes, named for metrics by its path without a community. */
  public static Route get(Router router, String path) {
    return named(router.getWithRegex(of(path)), path);
  }

  /** A POST route at {@code path} under both prefixes; see {@link #get}. */
  public static Route post(Router router, String path) {
    return named(router.postWithRegex(of(path)), path);
  }

  /** A PUT route at {@code path} under both prefixes; see {@link #get}. */
  public static Route put(Router router, String path) {
    return named(router.putWithRegex(of(path)), path);
  }

  /** A DELETE route at {@code path} under both prefixes; see {@link #get}. */
  public static Route delete(Router router, String path) {
    return named(router.deleteWithRegex(of(path)), path);
  }

  // The metrics' route label: /api/v1/polls/:id, not the regular expression, and one for both prefixes.
  private static Route named(Route route, String path) {
    return route.setName("/api/v1" + path);
  }
}
