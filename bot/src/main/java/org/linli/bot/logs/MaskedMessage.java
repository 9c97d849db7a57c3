package org.linli.bot.logs;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.linli.bot.PersonalData;

/**
 * The text layout's {@code %maskedMessage}: the log line's message with ID-card and phone numbers
 * masked as {@link PersonalData#mask} masks them everywhere else.
 */
public final class MaskedMessage extends ClassicConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return PersonalData.mask(event.getFormattedMessage());
  }
}
