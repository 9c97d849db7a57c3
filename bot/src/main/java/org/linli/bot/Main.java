package org.linli.bot;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.linli.bot.logs.LogFormat;
import org.linli.bot.metrics.ServiceMetrics;
import org.linli.config.Settings;
import org.linli.config.SettingsException;
import org.linli.config.SettingsLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts Linli: reads the settings, deploys the service, stops it cleanly on SIGTERM. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    SettingsLoader loader = new SettingsLoader();
    Settings settings;
    try {
      settings = loader.load(System.getenv());
    } catch (SettingsException e) {
      System.err.println("Linli cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    LogFormat.use(settings.log().format());
    loader.warnings().forEach(LOG::warn);
    long started = System.nanoTime();
    ServiceMetrics metrics = new ServiceMetrics();
    Vertx vertx = metrics.vertx();
    LinliVerticle service = new LinliVerticle(settings, metrics);
    vertx.deployVerticle(service)
        .onSuccess(id -> LOG.info("Started in {} ms", (System.nanoTime() - started) / 1_000_000))
        .onFailure(e -> {
          LOG.error("Linli could not start: {}", e.getMessage(), e);
          vertx.close().onComplete(v -> System.exit(1));
        });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        // Shutting down anyway.
      }
    }, "linli-shutdown"));
  }
}
