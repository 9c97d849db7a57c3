package org.linli.config;

/** Settings that cannot be read or do not make sense; the message names the setting and why. */
public final class SettingsException extends RuntimeException {

  public SettingsException(String message) {
    super(message);
  }

  public SettingsException(String message, Throwable cause) {
    super(message, cause);
  }
}
