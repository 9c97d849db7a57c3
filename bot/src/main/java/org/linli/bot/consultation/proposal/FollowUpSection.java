package org.linli.bot.consultation.proposal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.linli.bot.page.Html;
import org.linli.bot.text.Text;

/**
 * The part of a poll's public page about where it came from and what was done after it (协商成果运用):
 * the proposal it came from with its support count (no names), then each follow-up step with its
 * date and tickets, and whether the matter is done. Empty for a poll with neither.
 */
public final class FollowUpSection {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(Text.FORMAT_DATE_TIME.of());

  private FollowUpSection() {
  }

  /**
   * The HTML of the section; {@code proposal} is the proposal the poll came from, or null.
   */
  public static String render(FollowUp followUp, Proposal proposal, ZoneId zone) {
    StringBuilder out = new StringBuilder();
    if (proposal != null) {
      out.append("<p class=\"meta\">").append(Text.PAGE_FOLLOWUP_PROPOSAL.of(Html.escape(proposal.id()),
          Html.escape(proposal.title()), proposal.supports())).append("</p>");
    }
    if (followUp.steps().isEmpty()) {
      return out.toString();
    }
    out.append("<h2>").append(Text.PAGE_FOLLOWUP_HEADING.of()).append("</h2>");
    out.append(followUp.done()
        ? "<p class=\"passed\">" + Text.PAGE_FOLLOWUP_DONE.of() + "</p>"
        : "<p class=\"summary\">" + Text.PAGE_FOLLOWUP_IN_PROGRESS.of() + "</p>");
    out.append("<ol class=\"followup\">");
    for (FollowUp.Step step : followUp.steps()) {
      out.append("<li><span class=\"meta\">").append(WHEN.format(step.at().atZone(zone))).append("</span> ")
          .append(Html.escape(step.text()));
      if (!step.tickets().isEmpty()) {
        out.append("<br><span class=\"detail\">")
            .append(Text.PAGE_FOLLOWUP_TICKETS.of(Html.escape(String.join(", ", step.tickets())))).append("</span>");
      }
      out.append("</li>");
    }
    out.append("</ol>");
    return out.toString();
  }
}
