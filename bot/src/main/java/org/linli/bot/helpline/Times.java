package org.linli.bot.helpline;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.linli.bot.text.Text;

/** The help-line's clock and the times it tells residents and moderators, in the street office's zone. */
final class Times {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(Text.FORMAT_WHEN.of());

  private final Clock clock;
  private final DateTimeFormatter when;

  Times(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.when = WHEN.withZone(zone);
  }

  Instant now() {
    return clock.instant();
  }

  /** {@code at} as people read it ({@link Text#FORMAT_WHEN}), in the zone. */
  String format(Instant at) {
    return when.format(at);
  }
}
