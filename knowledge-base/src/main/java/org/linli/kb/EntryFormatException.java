package org.linli.kb;

/** A guide file that cannot become an {@link Entry}; the message says why in plain words. */
public final class EntryFormatException extends Exception {

  public EntryFormatException(String message) {
    super(message);
  }
}
