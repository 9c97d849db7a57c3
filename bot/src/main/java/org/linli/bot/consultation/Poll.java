package org.linli.bot.consultation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.linli.bot.community.Community;

/**
 * A consultation: the question, its options (numbered from 1), how it is decided and when it is
 * open. Small matters are decided by residents, big matters by the households of the register.
 * Voting starts at {@code opensAt} (later than creation when there is a discussion period), a
 * reminder with the participation so far is posted at {@code remindAt} (null: none), and the poll
 * closes at {@code closesAt}. Its {@link Kind} says what a ballot means: agreement with a proposal,
 * a choice between options, or an order of preference; {@code minBallots} is the participation
 * below which the result does not count (0: none). {@code community} is the id of the community
 * whose chat the poll was opened in (a big matter counts that community's register); a poll stored
 * before communities existed is the default community's.
 */
public record Poll(
    String id,
    String channel,
    String chat,
    String question,
    List<String> options,
    Scale scale,
    Rule rule,
    Instant opensAt,
    Instant closesAt,
    Instant remindAt,
    int multi,
    boolean anonymous,
    boolean hideResults,
    Kind kind,
    int minBallots,
    String community) {

  public Poll {
    community = community == null || community.isBlank() ? Community.DEFAULT : community;
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(question, "question");
    options = List.copyOf(options);
    if (options.size() < 2) {
      throw new IllegalArgumentException("a poll needs at least two options");
    }
    if (kind == Kind.RANKED) {
      multi = options.size(); // a ranking may order every option
    }
    if (minBallots < 0) {
      throw new IllegalArgumentException("minBallots must not be negative");
    }
    if (multi < 1 || multi > options.size()) {
      throw new IllegalArgumentException("multi must be between 1 and the number of options");
    }
    if (!closesAt.isAfter(opensAt)) {
      throw new IllegalArgumentException("a poll must close after it opens");
    }
    if (remindAt != null && (!remindAt.isAfter(opensAt) || !remindAt.isBefore(closesAt))) {
      remindAt = null; // a reminder outside the voting period has nothing to say
    }
  }

  /** A poll of the default community. */
  public Poll(String id, String channel, String chat, String question, List<String> options, Scale scale, Rule rule,
      Instant opensAt, Instant closesAt, Instant remindAt, int multi, boolean anonymous, boolean hideResults,
      Kind kind, int minBallots) {
    this(id, channel, chat, question, options, scale, rule, opensAt, closesAt, remindAt, multi, anonymous,
        hideResults, kind, minBallots, Community.DEFAULT);
  }

  /** This poll in the community {@code id}. */
  public Poll inCommunity(String id) {
    return new Poll(this.id, channel, chat, question, options, scale, rule, opensAt, closesAt, remindAt, multi,
        anonymous, hideResults, kind, minBallots, id);
  }

  /** A poll of the kind its options and rule suggest ({@link Kind#suggested}), with no minimum participation. */
  public Poll(String id, String channel, String chat, String question, List<String> options, Scale scale, Rule rule,
      Instant opensAt, Instant closesAt, Instant remindAt, int multi, boolean anonymous, boolean hideResults) {
    this(id, channel, chat, question, options, scale, rule, opensAt, closesAt, remindAt, multi, anonymous,
        hideResults, Kind.suggested(options, rule, multi), 0);
  }

  /** True when a household, not a resident, casts the ballot. */
  public boolean byHousehold() {
    return scale == Scale.BIG;
  }

  /** 小事 (residents decide) or 大事 (households of the register decide). */
  public enum Scale {
    SMALL,
    BIG
  }

  /**
   * What a ballot means. {@code PROPOSAL}: agree (option 1), disagree or abstain, decided by the rule
   * on the agreement among all who take part; {@code CHOICE}: one or more options, the option(s)
   * with the most votes win; {@code RANKED}: the options in order of preference, decided by
   * instant-runoff.
   */
  public enum Kind {
    PROPOSAL,
    CHOICE,
    RANKED;

    /** The name used in the API and in the chat ({@code choice}). */
    public String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an API name; null when unknown. */
    public static Kind fromApiName(String name) {
      for (Kind kind : values()) {
        if (kind.apiName().equals(name)) {
          return kind;
        }
      }
      return null;
    }

    /**
     * The kind of a poll that does not say: a Civil Code rule decides a proposal, and so does a
     * single-choice yes/no set (同意 | 不同意 | 弃权); anything else is a choice.
     */
    public static Kind suggested(List<String> options, Rule rule, int multi) {
      if (rule != null && rule.needsRegister()) {
        return PROPOSAL;
      }
      if (rule == Rule.INSTANT_RUNOFF) {
        return RANKED;
      }
      return multi <= 1 && rule != Rule.PLURALITY && YesNo.isYesNo(options) ? PROPOSAL : CHOICE;
    }
  }

  /** The definition as Redis hash fields. */
  Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("channel", channel);
    f.put("chat", chat);
    f.put("question", question);
    f.put("options", String.join("\u001f", options));
    f.put("optionCount", String.valueOf(options.size()));
    f.put("scale", scale.name().toLowerCase(Locale.ROOT));
    f.put("rule", rule.apiName());
    f.put("opensAt", String.valueOf(opensAt.toEpochMilli()));
    f.put("closesAt", String.valueOf(closesAt.toEpochMilli()));
    f.put("remindAt", remindAt == null ? "" : String.valueOf(remindAt.toEpochMilli()));
    f.put("multi", String.valueOf(multi));
    f.put("anonymous", anonymous ? "1" : "0");
    f.put("hideResults", hideResults ? "1" : "0");
    f.put("kind", kind.apiName());
    f.put("minBallots", String.valueOf(minBallots));
    f.put("community", community);
    return f;
  }
}
