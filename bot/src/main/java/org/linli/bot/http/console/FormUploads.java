package org.linli.bot.http.console;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.linli.bot.text.Text;

/**
 * Reads a console form sent as {@code multipart/form-data} (a file picked in the browser) into
 * memory, on the paths that take a file only: its fields become form attributes (so the CSRF check
 * reads them as for any form) and each file's bytes are kept by field name, up to {@link #LIMIT} in
 * all; every other request with a body goes to the shared body handler (and its limit), and a
 * request of a method without one (GET, HEAD, OPTIONS) goes on unread. Nothing is written to disk.
 */
final class FormUploads implements Handler<RoutingContext> {

  /** Largest upload: the register API's limit, about 50 000 households. */
  static final int LIMIT = 4 * 1024 * 1024;

  private static final String FILES = "linli.console.files";
  /** The methods whose body a form can be (Vert.x decodes forms of these only). */
  private static final Set<HttpMethod> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
      HttpMethod.DELETE);

  private final Handler<RoutingContext> otherwise;
  private final Set<String> paths;

  FormUploads(Handler<RoutingContext> otherwise, Set<String> paths) {
    this.otherwise = otherwise;
    this.paths = Set.copyOf(paths);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!BODY_METHODS.contains(ctx.request().method())) {
      // A GET (or HEAD, OPTIONS) carries no form: the body handler would refuse one that says it
      // does (Content-Type: application/x-www-form-urlencoded) with an exception, a 500.
      ctx.next();
      return;
    }
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
        || !paths.contains(ctx.normalizedPath())) {
      otherwise.handle(ctx);
      return;
    }
    Map<String, Buffer> files = new HashMap<>();
    int[] size = {0};
    boolean[] failed = {false};
    ctx.request().setExpectMultipart(true);
    ctx.request().uploadHandler(upload -> {
      Buffer content = Buffer.buffer();
      files.put(upload.name(), content);
      upload.handler(chunk -> {
        size[0] += chunk.length();
        if (size[0] > LIMIT) {
          if (!failed[0]) {
            failed[0] = true;
            ctx.fail(new PageRefusal(413, Text.CONSOLE_REGISTER_TOO_LARGE));
          }
          return;
        }
        content.appendBuffer(chunk);
      });
    });
    ctx.request().exceptionHandler(e -> {
      if (!failed[0]) {
        failed[0] = true;
        ctx.fail(e);
      }
    });
    ctx.request().endHandler(v -> {
      if (!failed[0]) {
        ctx.put(FILES, files);
        ctx.next();
      }
    });
    ctx.request().resume();
  }

  /** The bytes of the file posted in field {@code name}, or null when none was. */
  static Buffer file(RoutingContext ctx, String name) {
    Map<String, Buffer> files = ctx.get(FILES);
    return files == null ? null : files.get(name);
  }
}
