package org.linli.bot.consultation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linli.bot.text.Text;
import org.linli.bot.text.Words;

/**
 * Reads the one-line poll command a moderator types in the group:
 *
 * <pre>
 * /poll 周六活动室开放时间 | 上午 | 下午 | 晚上 --closes 2h
 * /poll 是否同意加装电梯｜同意｜不同意 --big --rule civil-code-major --closes 2026-12-01T20:00 --anonymous
 * </pre>
 *
 * Options are separated by {@code |}, the full-width {@code ｜} or {@code ／}. Flags (also with a
 * full-width {@code －－} or an em dash): {@code --closes} (a duration such as 30m, 2h, 3d, or a date
 * and time), {@code --multi N}, {@code --hidden} (results only after closing), {@code --anonymous}
 * (secret ballot with receipts), {@code --big} (households of the register decide), {@code --rule}
 * (majority, two-thirds, civil-code-ordinary, civil-code-major, plurality), {@code --discuss} (a
 * discussion period before voting opens), {@code --remind} (post participation this long before
 * closing), {@code --kind proposal|choice|ranked} (also {@code --proposal}, {@code --choice},
 * {@code --ranked}; without it, a yes/no set or a Civil Code rule makes a proposal and anything else
 * a choice), {@code --min N} (the result counts only with at least N ballots). A proposal written
 * without options gets 同意 | 反对 | 弃权.
 */
public final class PollCommand {

  private static final Pattern FLAG = Words.POLL_FLAG.pattern();
  private static final Pattern DURATION = Pattern.compile(Words.POLL_DURATION.text(), Pattern.CASE_INSENSITIVE);
  private static final Pattern OPTION_SEPARATORS = Words.POLL_OPTION_SEPARATORS.pattern();
  private static final Pattern OPTION_EDGES = Words.POLL_OPTION_EDGES.pattern();
  private static final List<String> MINUTES = Words.POLL_DURATION_MINUTES.list();
  private static final List<String> HOURS = Words.POLL_DURATION_HOURS.list();
  private static final List<String> DAYS = Words.POLL_DURATION_DAYS.list();
  private static final Duration DEFAULT_DURATION = Duration.ofDays(1);
  /** How far ahead a poll may close (as the HTTP API). */
  private static final Duration HORIZON = Duration.ofDays(2 * 365);

  /** What the moderator asked for, or why it cannot be done. */
  public record Request(
      String question,
      List<String> options,
      Instant opensAt,
      Instant closesAt,
      Duration remindBefore,
      int multi,
      boolean hidden,
      boolean anonymous,
      Poll.Scale scale,
      Rule rule,
      Poll.Kind kind,
      int minBallots) {
  }

  /** A command that cannot become a poll; the message is for the moderator, in plain words. */
  public static final class Invalid extends Exception {
    public Invalid(String message) {
      super(message);
    }
  }

  private final ZoneId zone;

  /** {@code zone} is where "2026-12-01T20:00" without an offset is read (the community's zone). */
  public PollCommand(ZoneId zone) {
    this.zone = zone;
  }

  /** Parses the text after {@code /poll}. */
  public Request parse(String text, Instant now) throws Invalid {
    String body = text.strip();
    List<String[]> flags = new ArrayList<>();
    Matcher m = FLAG.matcher(body);
    int firstFlag = body.length();
    while (m.find()) {
      firstFlag = Math.min(firstFlag, m.start());
      flags.add(new String[]{m.group(1).toLowerCase(Locale.ROOT), m.group(2)});
    }
    String[] parts = OPTION_SEPARATORS.split(body.substring(0, firstFlag));
    List<String> cleaned = new ArrayList<>();
    for (String part : parts) {
      String p = OPTION_EDGES.matcher(part.strip()).replaceAll("");
      if (!p.isEmpty()) {
        cleaned.add(p);
      }
    }
    if (cleaned.isEmpty()) {
      throw new Invalid(Text.POLL_COMMAND_EMPTY.of());
    }
    for (String written : cleaned) {
      plain(written);
    }
    String question = cleaned.get(0);
    List<String> options = cleaned.subList(1, cleaned.size());
    Poll.Kind kind = kind(flags);
    if (options.isEmpty() && kind == Poll.Kind.PROPOSAL) {
      options = List.of(Text.POLL_PROPOSAL_OPTIONS.of().split("\\|"));
    }
    if (options.size() < 2) {
      throw new Invalid(Text.POLL_COMMAND_TWO_OPTIONS.of());
    }
    if (options.size() > 10) {
      throw new Invalid(Text.POLL_COMMAND_TOO_MANY_OPTIONS.of());
    }
    if (options.stream().distinct().count() != options.size()) {
      throw new Invalid(Text.POLL_COMMAND_REPEATED_OPTIONS.of());
    }
    Instant opensAt = now;
    Instant closesAt = null;
    String closesText = null;
    Duration remind = null;
    int multi = 1;
    boolean hidden = false;
    boolean anonymous = false;
    Poll.Scale scale = Poll.Scale.SMALL;
    Rule rule = null;
    int minBallots = 0;
    for (String[] flag : flags) {
      String name = flag[0];
      String value = flag[1];
      switch (name) {
        case "closes", "close", "deadline" -> closesText = required(name, value);
        case "discuss" -> opensAt = now.plus(duration(required(name, value)));
        case "remind" -> remind = duration(required(name, value));
        case "multi" -> multi = number(required(name, value), options.size());
        case "hidden" -> hidden = true;
        case "anonymous", "secret" -> anonymous = true;
        case "big" -> scale = Poll.Scale.BIG;
        case "rule" -> {
          rule = Rule.fromApiName(required(name, value).toLowerCase(Locale.ROOT));
          if (rule == null) {
            throw new Invalid(Text.POLL_COMMAND_UNKNOWN_RULE.of(value));
          }
        }
        case "kind", "proposal", "choice", "ranked" -> {
          // read before the options (see kind)
        }
        case "min" -> minBallots = number(required(name, value), Integer.MAX_VALUE, Text.POLL_COMMAND_MIN_NUMBER);
        default -> throw new Invalid(Text.POLL_COMMAND_UNKNOWN_FLAG.of(name));
      }
    }
    if (closesText != null) {
      // A duration counts from the moment voting opens (after any discussion period).
      closesAt = when(closesText, opensAt);
    }
    if (closesAt == null) {
      closesAt = opensAt.plus(DEFAULT_DURATION);
    }
    if (!closesAt.isAfter(opensAt)) {
      throw new Invalid(Text.POLL_COMMAND_CLOSES_BEFORE_OPENING.of());
    }
    if (closesAt.isAfter(now.plus(HORIZON))) {
      throw new Invalid(Text.POLL_COMMAND_TOO_FAR.of());
    }
    if (kind == null) {
      kind = Poll.Kind.suggested(options, rule, multi);
    }
    if (rule == null) {
      rule = switch (kind) {
        case PROPOSAL -> scale == Poll.Scale.BIG ? Rule.CIVIL_CODE_ORDINARY : Rule.MAJORITY;
        case CHOICE -> Rule.PLURALITY;
        case RANKED -> Rule.INSTANT_RUNOFF;
      };
    }
    String problem = mismatch(kind, rule, multi);
    if (problem != null) {
      throw new Invalid(problem);
    }
    if (rule.needsRegister() && scale != Poll.Scale.BIG) {
      scale = Poll.Scale.BIG;
    }
    return new Request(question, List.copyOf(options), opensAt, closesAt, remind, multi, hidden, anonymous, scale,
        rule, kind, minBallots);
  }

  /**
   * Why a rule (or a number of choices) does not fit a kind, in words for the moderator; null when
   * it fits. A proposal is decided by majority, two-thirds or a Civil Code rule on one choice; a
   * choice by plurality, majority or two-thirds; a ranking by instant-runoff.
   */
  public static String mismatch(Poll.Kind kind, Rule rule, int multi) {
    return switch (kind) {
      case PROPOSAL -> !rule.decidesProposals()
          ? Text.POLL_KIND_RULE_PROPOSAL.of(rule.apiName())
          : multi > 1 ? Text.POLL_KIND_PROPOSAL_MULTI.of() : null;
      case CHOICE -> rule.needsRegister()
          ? Text.POLL_KIND_CIVIL_CODE_CHOICE.of()
          : rule == Rule.INSTANT_RUNOFF ? Text.POLL_KIND_RULE_CHOICE.of(rule.apiName()) : null;
      case RANKED -> rule != Rule.INSTANT_RUNOFF ? Text.POLL_KIND_RULE_RANKED.of(rule.apiName()) : null;
    };
  }

  /** The kind asked for with --kind or --proposal/--choice/--ranked, or null. */
  private static Poll.Kind kind(List<String[]> flags) throws Invalid {
    Poll.Kind kind = null;
    for (String[] flag : flags) {
      Poll.Kind asked = switch (flag[0]) {
        case "kind" -> {
          Poll.Kind k = Poll.Kind.fromApiName(required("kind", flag[1]).toLowerCase(Locale.ROOT));
          if (k == null) {
            throw new Invalid(Text.POLL_COMMAND_UNKNOWN_KIND.of(flag[1]));
          }
          yield k;
        }
        case "proposal", "choice", "ranked" -> Poll.Kind.fromApiName(flag[0]);
        default -> null;
      };
      kind = asked == null ? kind : asked;
    }
    return kind;
  }

  /**
   * A new deadline for {@code /extend}: a duration counts from {@code from} (the current deadline),
   * a date and time is taken as written.
   */
  public Instant deadline(String value, Instant from) throws Invalid {
    Instant at = when(value.strip(), from);
    if (at.isAfter(from.plus(HORIZON))) {
      throw new Invalid(Text.POLL_COMMAND_TOO_FAR.of());
    }
    return at;
  }

  // U+001F separates the options in Redis; no control character belongs in a question or option
  // (line breaks and tabs are only spacing).
  private static void plain(String text) throws Invalid {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) {
        throw new Invalid(Text.POLL_COMMAND_CONTROL_CHARACTER.of());
      }
    }
  }

  private static String required(String name, String value) throws Invalid {
    if (value == null || value.isBlank()) {
      throw new Invalid(Text.POLL_COMMAND_FLAG_VALUE.of(name));
    }
    return value;
  }

  private Instant when(String value, Instant now) throws Invalid {
    Matcher d = DURATION.matcher(value);
    if (d.matches()) {
      return now.plus(duration(value));
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(value.length() == 16 ? value + ":00" : value).atZone(zone).toInstant();
      } catch (DateTimeParseException e2) {
        throw new Invalid(Text.POLL_COMMAND_BAD_DEADLINE.of(value));
      }
    }
  }

  private static Duration duration(String value) throws Invalid {
    Matcher d = DURATION.matcher(value.strip());
    if (!d.matches()) {
      throw new Invalid(Text.POLL_COMMAND_BAD_DURATION.of(value));
    }
    // More than 18 digits overflows a long, and more than 90 days is refused below anyway.
    if (d.group(1).length() > 6) {
      throw new Invalid(Text.POLL_COMMAND_DURATION_RANGE.of());
    }
    long n = Long.parseLong(d.group(1));
    String unit = d.group(2).toLowerCase(Locale.ROOT);
    Duration out = MINUTES.contains(unit)
        ? Duration.ofMinutes(n)
        : HOURS.contains(unit)
            ? Duration.ofHours(n)
            : DAYS.contains(unit)
                ? Duration.ofDays(n)
                : Duration.ofDays(7 * n);
    if (out.isZero() || out.compareTo(Duration.ofDays(90)) > 0) {
      throw new Invalid(Text.POLL_COMMAND_DURATION_RANGE.of());
    }
    return out;
  }

  private static int number(String value, int max) throws Invalid {
    return number(value, max, Text.POLL_COMMAND_MULTI_NUMBER);
  }

  private static int number(String value, int max, Text notNumber) throws Invalid {
    try {
      int n = Integer.parseInt(value.strip());
      if (n < 1 || n > max) {
        throw new Invalid(max == Integer.MAX_VALUE ? notNumber.of() : Text.POLL_COMMAND_MULTI_RANGE.of(max));
      }
      return n;
    } catch (NumberFormatException e) {
      throw new Invalid(notNumber.of());
    }
  }
}
