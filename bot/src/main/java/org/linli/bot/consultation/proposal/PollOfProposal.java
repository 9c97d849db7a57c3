package org.linli.bot.consultation.proposal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linli.bot.consultation.Poll;
import org.linli.bot.consultation.PollCommand;
import org.linli.bot.text.Text;
import org.linli.bot.text.Words;
import org.linli.config.Settings;

/**
 * The poll an accepted proposal becomes: its title as the question, 同意 / 反对 / 弃权 as the
 * options, and the {@code /poll} flags the moderator gave ({@code --discuss}, {@code --closes},
 * {@code --big}, {@code --rule}, {@code --anonymous} …), read by {@link PollCommand} so they mean
 * what they mean there; the discussion and voting periods of the settings where none is given.
 */
final class PollOfProposal {

  private static final Pattern FLAG = Words.POLL_FLAG.pattern();

  private final PollCommand parser;
  private final Settings.Proposals settings;

  PollOfProposal(ZoneId zone, Settings.Proposals settings) {
    this.parser = new PollCommand(zone);
    this.settings = settings;
  }

  /** The flags read, or {@link PollCommand.Invalid} with the reason in words. */
  PollCommand.Request read(String written, Instant now) throws PollCommand.Invalid {
    String given = written == null ? "" : written.strip();
    Set<String> named = new HashSet<>();
    Matcher m = FLAG.matcher(given);
    while (m.find()) {
      named.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    // The parser reads a whole /poll line: a placeholder question, the proposal kind (its options are
    // 同意 / 反对 / 弃权 and its rule one that decides on 同意), the flags given, the defaults.
    StringBuilder line = new StringBuilder("q --proposal ").append(given);
    if (!named.contains("discuss") && settings.discussionHours() > 0) {
      line.append(" --discuss ").append(settings.discussionHours()).append('h');
    }
    if (!named.contains("closes") && !named.contains("close") && !named.contains("deadline")) {
      line.append(" --closes ").append(settings.votingHours()).append('h');
    }
    return parser.parse(line.toString(), now);
  }

  /** The poll {@code pollId} of proposal {@code p}, in the proposal's chat and community, one choice per ballot. */
  static Poll poll(String pollId, Proposal p, PollCommand.Request request) {
    Instant remindAt = request.remindBefore() == null ? null : request.closesAt().minus(request.remindBefore());
    return new Poll(pollId, p.channel(), p.chat(), p.title(), options(), request.scale(), request.rule(),
        request.opensAt(), request.closesAt(), remindAt, 1, request.anonymous(), request.hidden(), Poll.Kind.PROPOSAL,
        request.minBallots(), p.community());
  }

  private static List<String> options() {
    return List.of(Text.PROPOSAL_OPTION_AGREE.of(), Text.PROPOSAL_OPTION_AGAINST.of(),
        Text.PROPOSAL_OPTION_ABSTAIN.of());
  }
}
