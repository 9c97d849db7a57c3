package org.linli.bot.http.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The console's jte templates ({@code bot/src/main/jte}), compiled to classes at build time by the
 * jte Maven plugin: the service loads them from its class path and needs no compiler. HTML output
 * escapes every {@code ${…}} for where it stands (element, attribute, URL).
 */
final class Views {

  /** The package the jte Maven plugin compiles the templates into (bot/pom.xml). */
  static final String PACKAGE = "org.linli.bot.http.console.templates";

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
      Views.class.getClassLoader(), PACKAGE);

  /** The document of {@code template} (e.g. {@code accounts.jte}) with its parameters by name. */
  String render(String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    engine.render(template, params, out);
    return out.toString();
  }
}
