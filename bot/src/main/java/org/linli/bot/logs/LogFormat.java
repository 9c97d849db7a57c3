package org.linli.bot.logs;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Which of the two appenders of {@code logback.xml} writes: each carries this filter with its
 * format, and only the one whose format is current lets events through. The format starts as
 * {@code LINLI_LOG_FORMAT} (so the lines before the settings are read already have it) and is
 * set from the {@code log.format} setting once they are read ({@link #use}).
 */
public final class LogFormat extends Filter<ILoggingEvent> {

  private static volatile String current = "json".equalsIgnoreCase(System.getenv("LINLI_LOG_FORMAT")) ? "json" : "text";

  private String format = "text";

  /** Set in logback.xml: the format of the appender this filter guards. */
  public void setFormat(String format) {
    this.format = format;
  }

  @Override
  public FilterReply decide(ILoggingEvent event) {
    return format.equals(current) ? FilterReply.NEUTRAL : FilterReply.DENY;
  }

  /** Switches every log line from now on to {@code format} ({@code text} or {@code json}). */
  public static void use(String format) {
    current = "json".equals(format) ? "json" : "text";
  }

  /** The format log lines are written in now. */
  public static String current() {
    return current;
  }
}
