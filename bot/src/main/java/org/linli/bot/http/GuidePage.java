package org.linli.bot.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.regex.Pattern;
import org.linli.bot.kb.KbService;
import org.linli.bot.text.Text;
import org.linli.bot.text.Words;
import org.linli.kb.Entry;
import org.linli.kb.GuideBody;

/**
 * The read-only public pages of the guides: {@code GET /kb} lists them, {@code GET /kb/<id>} shows
 * one in full. Plain HTML that reads well on a phone; every text is escaped.
 */
public final class GuidePage {

  private static final Pattern ORDERED_ITEM = Words.GUIDE_ORDERED_ITEM.pattern();
  private static final Pattern LIST_MARK = Words.GUIDE_LIST_MARK.pattern();

  private final KbService kb;

  public GuidePage(KbService kb) {
    this.kb = kb;
  }

  /** {@code GET /kb/:id}. */
  public Handler<RoutingContext> one() {
    return ctx -> {
      Entry entry = kb.knowledgeBase().entry(ctx.pathParam("id"));
      if (entry == null) {
        ctx.fail(new HttpException(404, "There is no guide with this id"));
        return;
      }
      html(ctx, entry.title(), render(entry));
    };
  }

  /** {@code GET /kb}. */
  public Handler<RoutingContext> index() {
    return ctx -> {
      StringBuilder body = new StringBuilder("<h1>" + Text.PAGE_GUIDES_TITLE.of() + "</h1><ul>");
      kb.knowledgeBase().entries().stream()
          .sorted(java.util.Comparator.comparing(Entry::title))
          .forEach(e -> body.append("<li><a href=\"/kb/").append(escape(e.id())).append("\">")
              .append(escape(e.title())).append("</a></li>"));
      html(ctx, Text.PAGE_GUIDES_TITLE.of(), body.append("</ul>").toString());
    };
  }

  static String render(Entry entry) {
    GuideBody guide = entry.guide();
    StringBuilder out = new StringBuilder();
    out.append("<p class=\"back\"><a href=\"/kb\">← ").append(Text.PAGE_GUIDES_ALL.of()).append("</a></p>");
    out.append("<h1>").append(escape(entry.title())).append("</h1>");
    out.append("<p class=\"meta\">");
    if (!entry.office().isBlank()) {
      out.append(Text.PAGE_GUIDE_OFFICE.of(escape(entry.office()))).append("<br>");
    }
    if (!entry.source().isBlank()) {
      out.append(Text.CARD_SOURCE.of(escape(entry.source()))).append("<br>");
    }
    if (!entry.updated().isBlank()) {
      out.append(Text.PAGE_GUIDE_UPDATED.of(escape(entry.updated())));
    }
    out.append("</p>");
    if (!guide.summary().isBlank()) {
      out.append("<p class=\"summary\">").append(escape(guide.summary())).append("</p>");
    }
    for (GuideBody.Section section : guide.sections()) {
      out.append("<h2>").append(escape(section.heading())).append("</h2>");
      out.append(block(section.text()));
    }
    if (!entry.questions().isEmpty()) {
      out.append("<h2>").append(Text.PAGE_GUIDE_QUESTIONS.of()).append("</h2><ul>");
      entry.questions().forEach(q -> out.append("<li>").append(escape(q)).append("</li>"));
      out.append("</ul>");
    }
    return out.toString();
  }

  private static String block(String text) {
    StringBuilder out = new StringBuilder();
    String list = null;
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      String kind = line.matches("^[-*+]\\s+.*") ? "ul" : ORDERED_ITEM.matcher(line).matches() ? "ol" : null;
      if (!java.util.Objects.equals(kind, list)) {
        if (list != null) {
          out.append("</").append(list).append(">");
        }
        if (kind != null) {
          out.append("<").append(kind).append(">");
        }
        list = kind;
      }
      if (line.isEmpty()) {
        continue;
      }
      String content = escape(LIST_MARK.matcher(line).replaceFirst(""))
          .replaceAll("\\*\\*(.+?)\\*\\*", "<strong>$1</strong>");
      out.append(kind != null ? "<li>" + content + "</li>" : "<p>" + content + "</p>");
    }
    if (list != null) {
      out.append("</").append(list).append(">");
    }
    return out.toString();
  }

  private static void html(RoutingContext ctx, String title, String body) {
    ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .end("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>" + Text.PAGE_TITLE.of(escape(title)) + "</title><style>"
            + "body{font-family:system-ui,'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif;"
            + "max-width:42rem;margin:0 auto;padding:1rem;line-height:1.7;color:#222}"
            + "h1{font-size:1.5rem}h2{font-size:1.15rem;border-left:4px solid #c33;padding-left:.5rem;margin-top:1.5rem}"
            + ".meta{color:#666;font-size:.9rem}.summary{background:#fff6e5;padding:.6rem .8rem;border-radius:6px}"
            + "a{color:#c33}</style></head><body>" + body + "</body></html>");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }
}
