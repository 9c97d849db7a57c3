package org.linli.bot.http.console;

import org.linli.bot.text.Text;

/**
 * The Markdown a new guide starts from in the editor: a front matter to fill in, with the
 * question a resident asked (from the unanswered or "没帮到我" list) as its first {@code questions:}
 * line, quoted for YAML.
 */
final class GuideTemplate {

  private GuideTemplate() {
  }

  /** The template for guide {@code id} (blank: to be typed), with {@code question} (blank: none yet). */
  static String of(String id, String question) {
    String named = id != null && id.matches("[a-z0-9_-]*") ? id : "";
    String asked = question == null ? "" : question.strip().replaceAll("\\s+", " ");
    String line = asked.isEmpty() ? "" : "  - \"" + asked.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n";
    return "---\n"
        + "id: " + named + "\n"
        + "title: \n"
        + "category: \n"
        + "questions:\n" + line
        + "tags: []\n"
        + "office: \n"
        + "---\n"
        + Text.CONSOLE_GUIDES_TEMPLATE_BODY.of() + "\n";
  }
}
