package org.linli.bot.kb;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Counts unexpected search failures by kind (the exception's class and where it was thrown) and
 * logs each kind once, with its stack trace, the first time it is seen, then one WARN line at each
 * power of ten (10, 100, 1000 ...) so that a failure repeated by every request cannot flood the log.
 * Texts are never logged: they are what residents wrote.
 */
final class SearchFailures {

  private final Logger log;
  private final ConcurrentHashMap<String, AtomicLong> byKind = new ConcurrentHashMap<>();
  private final AtomicLong total = new AtomicLong();

  SearchFailures(Logger log) {
    this.log = log;
  }

  /**
   * Counts one failure, and logs it when it is the first of its kind or its count is a power of ten;
   * true when it logged.
   */
  boolean record(Throwable failure) {
    total.incrementAndGet();
    String kind = kind(failure);
    long count = byKind.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    if (count == 1) {
      log.warn("Knowledge base: a search failed ({}); answered as not sure. Later failures of this kind are counted",
          kind, failure);
      return true;
    }
    if (powerOfTen(count)) {
      log.warn("Knowledge base: {} searches have failed with {}; each was answered as not sure", count, kind);
      return true;
    }
    return false;
  }

  /** Failures counted since the start, of every kind. */
  long total() {
    return total.get();
  }

  static String kind(Throwable failure) {
    StackTraceElement[] trace = failure.getStackTrace();
    String where = trace.length == 0
        ? "?"
        : trace[0].getClassName() + "." + trace[0].getMethodName() + ":"
            + trace[0].getLineNumber();
    return failure.getClass().getName() + " at " + where;
  }

  private static boolean powerOfTen(long n) {
    while (n >= 10 && n % 10 == 0) {
      n /= 10;
    }
    return n == 1;
  }
}
