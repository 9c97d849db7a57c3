package org.linli.webhooks.telegram;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.linli.webhooks.Eventually;
import org.linli.webhooks.Futures;

/** Update fixtures (shaped as in the Bot API documentation) and a way to wait for a future. */
final class Fixtures {

  static final String TOKEN = FakeBotApi.BOT_ID + ":AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
  static final BotIdentity BOT = new BotIdentity(String.valueOf(FakeBotApi.BOT_ID), FakeBotApi.BOT_USERNAME);

  private Fixtures() {
  }

  /** The text of {@code src/test/resources/telegram/<name>.json}. */
  static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/telegram/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonObject update(String name) {
    return new JsonObject(text(name));
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The failure of a future that must fail. */
  static Throwable failure(Future<?> future) {
    return Futures.failure(future, Throwable.class);
  }

  /** Waits up to 5 s for {@code condition} (sends that follow a response happen after it). */
  static void eventually(BooleanSupplier condition) {
    Eventually.until(condition, Duration.ofSeconds(5), Duration.ofMillis(10), () -> "condition not met within 5 s");
  }
}
