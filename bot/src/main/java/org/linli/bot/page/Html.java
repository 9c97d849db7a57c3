package org.linli.bot.page;

/** HTML text escaping for the public pages: every text that came from outside goes through here. */
public final class Html {

  private Html() {
  }

  /** The text with {@code & < > " '} written as entities, safe inside elements and quoted attributes. */
  public static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
