package org.linli.bot.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.linli.bot.text.Text;

/**
 * The frame of every public page (guides, polls): a Chinese document that reads well on a phone,
 * with the one stylesheet of the house ({@code linli.css} beside this class) inlined, so a page
 * needs nothing but itself and a strict Content-Security-Policy still applies.
 */
public final class Page {

  /** The stylesheet, read once from the classpath. */
  static final String STYLE = read("linli.css");

  private Page() {
  }

  /**
   * The whole document.
   *
   * @param title plain text, escaped here
   * @param body HTML, already escaped where it holds outside text
   */
  public static String document(String title, String body) {
    return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + Text.PAGE_TITLE.of(Html.escape(title)) + "</title><style>" + STYLE + "</style></head><body>"
        + body + "</body></html>";
  }

  private static String read(String name) {
    try (InputStream in = Page.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the stylesheet " + name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
