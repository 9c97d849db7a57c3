package org.linli.bot.logs;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import org.linli.bot.PersonalData;

/**
 * The text layout's {@code %maskedThrowable}: a stack trace whose messages have ID-card and phone
 * numbers masked (an exception's message may quote what a resident wrote).
 */
public final class MaskedThrowable extends ThrowableProxyConverter {

  @Override
  protected String throwableProxyToString(IThrowableProxy proxy) {
    return PersonalData.mask(super.throwableProxyToString(proxy));
  }
}
