package org.linli.bot.consultation.proposal;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.linli.bot.consultation.PollStore;
import org.linli.bot.page.Html;
import org.linli.bot.page.Page;
import org.linli.bot.text.Text;

/**
 * The public index of the consultations of the whole street office, every community's ({@code GET
 * /polls}, 居务公开): the polls
 * open now, the residents' proposals with their status and support counts (never who supported
 * them), and the closed polls, each poll linked to its own page. Also the section of a poll's page
 * on its origin and follow-up ({@link FollowUpSection}).
 */
public final class ConsultationIndex {

  /** How many of the latest polls and proposals the index lists. */
  static final int LIMIT = 200;

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(Text.FORMAT_DATE_TIME.of());

  private final RedisAPI redis;
  private final PollStore polls;
  private final ProposalDesk proposals;
  private final FollowUps followUps;
  private final ZoneId zone;

  public ConsultationIndex(RedisAPI redis, PollStore polls, ProposalDesk proposals, FollowUps followUps, ZoneId zone) {
    this.redis = redis;
    this.polls = polls;
    this.proposals = proposals;
    this.followUps = followUps;
    this.zone = zone;
  }

  /** The whole index page. */
  public Future<String> page() {
    return Future.all(latestPolls(), proposals.latest(LIMIT)).map(all -> {
      List<PollStore.Stored> stored = all.resultAt(0);
      List<Proposal> raised = all.resultAt(1);
      StringBuilder body = new StringBuilder();
      body.append("<p class=\"kicker\">").append(Text.PAGE_POLLS_KICKER.of()).append("</p>");
      body.append("<h1>").append(Text.PAGE_POLLS_HEADING.of()).append("</h1>");
      body.append("<p class=\"meta\">").append(Text.PAGE_POLLS_HOW.of(proposals.settings().supportsNeeded(),
          proposals.settings().withinDays())).append("</p>");
      polls(body, Text.PAGE_POLLS_OPEN, stored.stream().filter(PollStore.Stored::open).toList());
      proposals(body, raised);
      polls(body, Text.PAGE_POLLS_CLOSED, stored.stream().filter(s -> !s.open()).toList());
      body.append("<footer>").append(Text.PAGE_POLL_FOOTER.of()).append("</footer>");
      return Page.document(Text.PAGE_POLLS_TITLE.of(), body.toString());
    });
  }

  /** The origin and follow-up section of poll {@code pollId}'s page ("" for none). */
  public Future<String> section(String pollId) {
    return followUps.of(pollId).compose(f -> f.proposalId().isEmpty()
        ? Future.succeededFuture(FollowUpSection.render(f, null, zone))
        : proposals.find(f.proposalId()).map(p -> FollowUpSection.render(f, p, zone))
            .otherwise(e -> FollowUpSection.render(f, null, zone)));
  }

  private void polls(StringBuilder body, Text heading, List<PollStore.Stored> list) {
    body.append("<h2>").append(heading.of()).append("</h2>");
    if (list.isEmpty()) {
      body.append("<p class=\"meta\">").append(Text.PAGE_POLLS_NONE.of()).append("</p>");
      return;
    }
    body.append("<ul class=\"polls\">");
    for (PollStore.Stored s : list) {
      String id = Html.escape(s.poll().id());
      body.append("<li><a href=\"/polls/").append(id).append("\">").append(Html.escape(s.poll().question()))
          .append("</a> <span class=\"meta\">").append(id).append(" · ")
          .append((s.open() ? Text.PAGE_POLLS_CLOSES : Text.PAGE_POLLS_DEADLINE)
              .of(WHEN.format(s.poll().closesAt().atZone(zone))))
          .append("</span></li>");
    }
    body.append("</ul>");
  }

  private void proposals(StringBuilder body, List<Proposal> list) {
    body.append("<h2>").append(Text.PAGE_POLLS_PROPOSALS.of()).append("</h2>");
    if (list.isEmpty()) {
      body.append("<p class=\"meta\">").append(Text.PAGE_POLLS_NONE.of()).append("</p>");
      return;
    }
    body.append("<ul class=\"proposals\">");
    for (Proposal p : list) {
      body.append("<li><strong>").append(Html.escape(p.title())).append("</strong> <span class=\"meta\">")
          .append(Html.escape(p.id())).append(" · ").append(p.status().label()).append(" · ")
          .append(Text.PAGE_POLLS_SUPPORTS.of(p.supports(), p.threshold())).append("</span>");
      if (!p.description().isEmpty()) {
        body.append("<br>").append(Html.escape(p.description()));
      }
      if (p.status() == Proposal.Status.ACCEPTED && !p.pollId().isEmpty()) {
        String poll = Html.escape(p.pollId());
        body.append("<br><a href=\"/polls/").append(poll).append("\">")
            .append(Text.PAGE_POLLS_PROPOSAL_POLL.of(poll)).append("</a>");
      }
      if (p.status() == Proposal.Status.DECLINED) {
        body.append("<br><span class=\"detail\">").append(Text.PAGE_POLLS_PROPOSAL_REASON.of(Html.escape(p.reason())))
            .append("</span>");
      }
      body.append("</li>");
    }
    body.append("</ul>");
  }

  /** The latest polls of the community {@code community}, newest first. */
  public Future<List<PollStore.Stored>> latestPolls(String community) {
    return latestPolls().map(all -> all.stream().filter(s -> s.poll().community().equals(community)).toList());
  }

  /**
   * The latest polls, newest first. Poll ids come from the one counter of {@code
   * PollStore.nextId} ({@code polls:{seq}}: p1, p2 … in base 36), so the index walks it back.
   */
  public Future<List<PollStore.Stored>> latestPolls() {
    return redis.get("polls:{seq}").compose(r -> {
      long last = r == null ? 0 : r.toLong();
      List<Future<PollStore.Stored>> found = new ArrayList<>();
      for (long n = last; n >= 1 && found.size() < LIMIT; n--) {
        found.add(polls.find("p" + Long.toString(n, 36)));
      }
      return Future.all(found).map(all -> {
        List<PollStore.Stored> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
          PollStore.Stored s = all.resultAt(i);
          if (s != null) {
            out.add(s);
          }
        }
        return out;
      });
    });
  }
}
