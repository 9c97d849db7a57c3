package org.linli.bot.consultation.publish;

/** HTML text escaping for the public page: every text that came from outside goes through here. */
final class Html {

  private Html() {}

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }
}
