package org.linli.webhooks;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Vert.x of one test's own, a web client on it, and the fake servers the test starts on it on
 * loopback. Registered as a field ({@code @RegisterExtension final Loopback loopback = new
 * Loopback();}) it opens the Vert.x before each test, before the test's own set-up, and closes it
 * (and with it every server started on it) after. Shared with the bot's tests through the test-jar.
 */
public final class Loopback implements BeforeEachCallback, AfterEachCallback {

  private Vertx vertx;
  private WebClient client;

  @Override
  public void beforeEach(ExtensionContext context) {
    vertx = Vertx.vertx();
    client = WebClient.create(vertx);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Futures.await(vertx.close());
  }

  /** This test's Vert.x. */
  public Vertx vertx() {
    return vertx;
  }

  /** A web client on this test's Vert.x. */
  public WebClient client() {
    return client;
  }

  /**
   * Starts a fake on this test's Vert.x ({@code loopback.start(new FakeHub()::start)}) and waits,
   * up to 10 s, until it listens.
   */
  public <F> F start(Function<Vertx, Future<F>> fake) {
    return Futures.await(fake.apply(vertx));
  }
}
