package org.linli.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.linli.webhooks.ChannelSender.SendFailure;

/** Waiting for a Vert.x future in a test: its value, or the send failure it ends with. */
public final class Futures {

  private Futures() {
  }

  /** The future's value, within 10 s; its cause when it fails. */
  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
    }
  }

  /** The {@link SendFailure} the future ends with, within 10 s; an assertion error when it succeeds. */
  public static SendFailure failure(Future<?> future) {
    return failure(future, SendFailure.class);
  }

  /** The failure of type {@code type} the future ends with, within 10 s; an assertion error otherwise. */
  public static <T extends Throwable> T failure(Future<?> future, Class<T> type) {
    try {
      future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(type);
      return type.cast(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError("expected the send to fail");
  }
}
