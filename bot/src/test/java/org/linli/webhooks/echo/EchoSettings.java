package org.linli.webhooks.echo;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.linli.config.Secret;

/**
 * The echo platform's settings record: {@code echo.token} ({@code LINLI_ECHO_TOKEN}), the bearer
 * token its callers present. Without it the platform is left out.
 */
public record EchoSettings(Secret token) {

  /** The settings read through {@code setting} (a dotted path to its value), or empty when not set. */
  public static Optional<EchoSettings> from(UnaryOperator<String> setting) {
    String token = setting.apply("echo.token");
    return token == null || token.isBlank() ? Optional.empty() : Optional.of(new EchoSettings(Secret.of(token)));
  }
}
