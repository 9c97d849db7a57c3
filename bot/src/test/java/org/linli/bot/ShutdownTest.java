package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping drains: requests in flight when the service stops are still answered. */
class ShutdownTest {

  @TempDir
  Path data;

  @Test
  void a_request_in_flight_when_the_service_stops_is_still_answered() throws InterruptedException {
    RunningService service = RunningService.start(data, Map.of());
    try {
      // A reload re-indexes every guide on a worker: long enough to be in flight when stop begins.
      Future<HttpResponse<Buffer>> reload = service.client.post("/api/v1/kb/reload")
          .putHeader("Authorization", "Bearer " + RunningService.ADMIN).send();
      Thread.sleep(30);
      Future<?> stopping = service.vertx.undeploy(service.deployment());
      HttpResponse<Buffer> answered = RunningService.await(reload);
      assertThat(answered.statusCode()).isEqualTo(200);
      assertThat(answered.bodyAsJsonObject().getInteger("entries")).isPositive();
      RunningService.await(stopping);
    } finally {
      service.client.close();
      RunningService.await(service.vertx.close());
    }
  }
}
