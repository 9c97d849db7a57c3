package org.linli.bot.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.yaml}: the OpenAPI 3.1 description of this HTTP API (and of the hub events
 * the service sends, as {@code webhooks}), as shipped in the jar. Open, like the docs.
 */
public final class ApiDescription implements FeatureRoutes {

  /** Where the document lives on the class path. */
  public static final String RESOURCE = "/openapi.yaml";

  private final Buffer document = read();

  @Override
  public void mount(Router router, Guards guards) {
    router.get("/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml; charset=utf-8")
        .end(document));
  }

  private static Buffer read() {
    try (InputStream in = ApiDescription.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
