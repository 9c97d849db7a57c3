package org.linli.bot.consultation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A consultation: the question, its options (numbered from 1), how it is decided and when it is
 * open. Small matters are decided by residents, big matters by the households of the register.
 * Voting starts at {@code opensAt} (later than creation when there is a discussion period), a
 * reminder with the participation so far is posted at {@code remindAt} (null: none), and the poll
 * closes at {@code closesAt}.
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
    boolean hideResults) {

  public Poll {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(question, "question");
    options = List.copyOf(options);
    if (options.size() < 2) {
      throw new IllegalArgumentException("a poll needs at least two options");
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

  /** True when a household, not a resident, casts the ballot. */
  public boolean byHousehold() {
    return scale == Scale.BIG;
  }

  /** 小事 (residents decide) or 大事 (households of the register decide). */
  public enum Scale {
    SMALL,
    BIG
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
    return f;
  }
}
