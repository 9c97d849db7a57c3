package org.linli.bot.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Comparator;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.linli.bot.kb.KbService;
import org.linli.bot.page.Html;
import org.linli.bot.page.Page;
import org.linli.bot.text.Text;
import org.linli.kb.Entry;
import org.linli.kb.GuideBody;

/**
 * The read-only public pages of the guides: {@code GET /kb} lists them, {@code GET /kb/<id>} shows
 * one in full. Plain HTML that reads well on a phone. Guide text is CommonMark with GitHub tables
 * and bare links; raw HTML in a guide is shown as text, never passed through, and links keep only
 * the http, https, mailto and tel schemes.
 */
public final class GuidePage {

  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), AutolinkExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
      .extensions(EXTENSIONS)
      .escapeHtml(true)
      .sanitizeUrls(true)
      .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto", "tel")))
      // A line break in a guide is the author's: Chinese text has no spaces to fold lines on.
      .softbreak("<br>\n")
      .attributeProviderFactory(context -> (node, tag, attributes) -> {
        if (node instanceof TableBlock) {
          attributes.put("class", "guide");
        } else if (node instanceof Link) {
          attributes.put("rel", "nofollow noopener");
        }
      })
      .build();

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
          .sorted(Comparator.comparing(Entry::title))
          .forEach(e -> body.append("<li><a href=\"/kb/").append(Html.escape(e.id())).append("\">")
              .append(Html.escape(e.title())).append("</a></li>"));
      html(ctx, Text.PAGE_GUIDES_TITLE.of(), body.append("</ul>").toString());
    };
  }

  static String render(Entry entry) {
    GuideBody guide = entry.guide();
    StringBuilder out = new StringBuilder();
    out.append("<p class=\"back\"><a href=\"/kb\">← ").append(Text.PAGE_GUIDES_ALL.of()).append("</a></p>");
    out.append("<h1>").append(Html.escape(entry.title())).append("</h1>");
    out.append("<p class=\"meta\">");
    if (!entry.office().isBlank()) {
      out.append(Text.PAGE_GUIDE_OFFICE.of(Html.escape(entry.office()))).append("<br>");
    }
    if (!entry.source().isBlank()) {
      out.append(Text.CARD_SOURCE.of(Html.escape(entry.source()))).append("<br>");
    }
    if (!entry.updated().isBlank()) {
      out.append(Text.PAGE_GUIDE_UPDATED.of(Html.escape(entry.updated())));
    }
    out.append("</p>");
    if (!guide.summary().isBlank()) {
      out.append("<div class=\"summary\">").append(markdown(guide.summary())).append("</div>");
    }
    for (GuideBody.Section section : guide.sections()) {
      out.append("<h2>").append(Html.escape(section.heading())).append("</h2>");
      out.append(markdown(section.text()));
    }
    if (!entry.questions().isEmpty()) {
      out.append("<h2>").append(Text.PAGE_GUIDE_QUESTIONS.of()).append("</h2><ul>");
      entry.questions().forEach(q -> out.append("<li>").append(Html.escape(q)).append("</li>"));
      out.append("</ul>");
    }
    return out.toString();
  }

  /** A guide's Markdown as HTML: CommonMark, tables, bare links; raw HTML escaped, links sanitized. */
  static String markdown(String text) {
    return RENDERER.render(PARSER.parse(text));
  }

  private static void html(RoutingContext ctx, String title, String body) {
    HtmlPages.send(ctx, 200, null, HtmlPages.WITH_IMAGES, Page.document(title, body));
  }
}
