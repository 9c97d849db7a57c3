package org.linli.bot.http;

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
}
