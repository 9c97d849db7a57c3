package org.linli.bot.http.console;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.linli.bot.console.Role;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.errors.NotFound;
import org.linli.bot.gaps.FeedbackStore;
import org.linli.bot.gaps.GapStore;
import org.linli.bot.kb.GuideEdits;
import org.linli.bot.kb.KbService;
import org.linli.bot.text.Text;
import org.linli.kb.Entry;

/**
 * The guides, for admins and moderators, over {@link GuideEdits} (the same checks as {@code
 * /api/v1/guides}): {@code GET /console/guides} (the guides, the withdrawn ones, the loader's
 * problems, and the unanswered and "没帮到我" questions, each with a link to write a guide for it),
 * {@code GET /console/guides/new?question=…} and {@code GET /console/guides/{id}/edit} (the
 * editor), {@code POST /console/guides/preview} and {@code POST /console/guides/publish} ({@code
 * id}, {@code markdown}), {@code POST /console/guides/{id}/withdraw} and {@code …/restore}.
 * A text that cannot be read is shown again with the parser's sentence (400) and nothing changes.
 * Every change is audited.
 */
public final class GuidePages implements ConsoleModule {

  static final String GUIDES = ConsoleRoutes.PATH + "/guides";
  private static final int LISTED = 50;
  private static final Role[] ROLES = {Role.ADMIN, Role.MODERATOR};

  private final GuideEdits edits;
  private final KbService kb;
  private final GapStore gaps;

  /** The pages over the office's edits of the guides in {@code kb}, with the questions {@code gaps} counted. */
  public GuidePages(GuideEdits edits, KbService kb, GapStore gaps) {
    this.edits = edits;
    this.kb = kb;
    this.gaps = gaps;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(new NavItem(GUIDES, Text.CONSOLE_NAV_GUIDES, Set.of(ROLES)));
  }

  @Override
  public void mount(Router router, ConsoleKit kit) {
    router.get(GUIDES).handler(kit.only(ROLES)).handler(ctx -> list(ctx, kit));
    router.get(GUIDES + "/new").handler(kit.only(ROLES)).handler(ctx -> editor(ctx, kit, 200, new GuideDraft(
        query(ctx, "id"), true, GuideTemplate.of(query(ctx, "id"), query(ctx, "question")), null, null, "")));
    router.get(GUIDES + "/:id/edit").handler(kit.only(ROLES)).handler(ctx -> {
      String id = ctx.pathParam("id");
      String markdown = kb.knowledgeBase().source(id);
      if (markdown == null || markdown.isBlank()) {
        markdown = kb.knowledgeBase().originalSource(id);
      }
      if (markdown == null) {
        ctx.fail(new NotFound(Text.CONSOLE_GUIDES_NO_GUIDE.of(id)));
        return;
      }
      String notice = "published".equals(ctx.queryParams().get("done")) ? Text.CONSOLE_GUIDES_PUBLISHED.of() : "";
      editor(ctx, kit, 200, new GuideDraft(id, false, markdown, null, null, notice));
    });
    router.post(GUIDES + "/preview").handler(kit.only(ROLES)).handler(ctx -> {
      GuideDraft posted = posted(ctx);
      try {
        Entry entry = edits.check(posted.id(), posted.markdown());
        editor(ctx, kit, 200, new GuideDraft(posted.id(), posted.fresh(), posted.markdown(), entry, null, ""));
      } catch (BadRequest e) {
        editor(ctx, kit, 400, refused(posted, e));
      }
    });
    router.post(GUIDES + "/publish").handler(kit.only(ROLES)).handler(ctx -> {
      GuideDraft posted = posted(ctx);
      edits.publish(posted.id(), posted.markdown())
          .compose(report -> kit.audit(ctx, "guide.publish", posted.id()))
          .onSuccess(v -> ConsoleKit.seeOther(ctx, GUIDES + "/" + posted.id() + "/edit?done=published"))
          .onFailure(e -> {
            if (e instanceof BadRequest bad) {
              editor(ctx, kit, 400, refused(posted, bad));
            } else {
              ctx.fail(e);
            }
          });
    });
    router.post(GUIDES + "/:id/withdraw").handler(kit.only(ROLES)).handler(ctx -> change(ctx, kit,
        "guide.withdraw", edits.withdraw(ctx.pathParam("id"))));
    router.post(GUIDES + "/:id/restore").handler(kit.only(ROLES)).handler(ctx -> change(ctx, kit,
        "guide.restore", edits.restore(ctx.pathParam("id"))));
  }

  /** The editor's address for a new guide answering {@code question}: the "write a guide for this" link. */
  public static String writeFor(String question) {
    return GUIDES + "/new?question=" + URLEncoder.encode(question, StandardCharsets.UTF_8);
  }

  private void list(RoutingContext ctx, ConsoleKit kit) {
    Map<String, String> edited = edits.edited();
    List<Entry> guides = kb.knowledgeBase().entries().stream().sorted(Comparator.comparing(Entry::id)).toList();
    List<String> withdrawn = edited.entrySet().stream().filter(e -> e.getValue().isBlank()).map(Map.Entry::getKey)
        .sorted().toList();
    List<String> problems = kb.knowledgeBase().problems().stream().map(Object::toString).toList();
    Future.all(gaps.top(LISTED), gaps.feedback().unhelpful(LISTED)).onSuccess(all -> {
      List<GapStore.Gap> unanswered = all.resultAt(0);
      List<FeedbackStore.Unhelpful> unhelpful = all.resultAt(1);
      kit.page(ctx, "guides.jte", Text.CONSOLE_NAV_GUIDES.of(), ConsoleRoutes.params("guides", guides,
          "edited", edited.keySet().stream().collect(Collectors.toUnmodifiableSet()), "withdrawn", withdrawn,
          "problems", problems, "unanswered", unanswered, "unhelpful", unhelpful));
    }).onFailure(ctx::fail);
  }

  private static void editor(RoutingContext ctx, ConsoleKit kit, int status, GuideDraft draft) {
    String title = draft.fresh() ? Text.CONSOLE_GUIDES_NEW.of() : Text.CONSOLE_GUIDES_EDIT.of(draft.id());
    kit.page(ctx, status, "guide-edit.jte", title, ConsoleRoutes.params("draft", draft));
  }

  private static GuideDraft posted(RoutingContext ctx) {
    // The Markdown as typed (a browser sends CRLF line ends); only the id is stripped.
    String markdown = ConsoleKit.raw(ctx, "markdown").replace("\r\n", "\n");
    return new GuideDraft(ConsoleKit.form(ctx, "id"), "1".equals(ConsoleKit.form(ctx, "fresh")), markdown, null,
        null, "");
  }

  private static String query(RoutingContext ctx, String name) {
    String value = ctx.queryParams().get(name);
    return value == null ? "" : value.strip();
  }

  private static GuideDraft refused(GuideDraft posted, BadRequest e) {
    return new GuideDraft(posted.id(), posted.fresh(), posted.markdown(), null, e.getMessage(), "");
  }

  private static void change(RoutingContext ctx, ConsoleKit kit, String action, Future<?> done) {
    done.compose(v -> kit.audit(ctx, action, ctx.pathParam("id")))
        .onSuccess(v -> ConsoleKit.seeOther(ctx, GUIDES))
        .onFailure(ctx::fail);
  }
}
