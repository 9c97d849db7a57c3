package org.linli.bot.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.MDC;
import org.slf4j.Marker;

/**
 * Puts the request id of the request being served ({@link RequestIds#current}) into the MDC before
 * each log call, and takes it out outside requests, so both layouts print it (declared in {@code
 * logback.xml}). Decides nothing itself.
 */
public final class RequestIdFilter extends TurboFilter {

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    String id = RequestIds.current();
    if (id != null) {
      MDC.put(RequestIds.MDC_KEY, id);
    } else if (MDC.get(RequestIds.MDC_KEY) != null) {
      MDC.remove(RequestIds.MDC_KEY);
    }
    return FilterReply.NEUTRAL;
  }
}
