package org.linli.bot.text;

import org.linli.config.Settings;

/**
 * The numbers residents are told to call: the community help-line and the emergency services,
 * from the {@code phones} settings. Texts take them as arguments, so no number is written in a
 * bundle.
 */
public record Phones(String hotline, String police, String fire, String ambulance) {

  /** The numbers of the settings. */
  public static Phones of(Settings.Phones settings) {
    return new Phones(settings.hotline(), settings.police(), settings.fire(), settings.ambulance());
  }

  /** The mainland's numbers: 12345, 110, 119, 120 (the settings' defaults). */
  public static Phones standard() {
    return new Phones("12345", "110", "119", "120");
  }
}
