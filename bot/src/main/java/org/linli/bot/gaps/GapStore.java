package org.linli.bot.gaps;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.linli.bot.PersonalData;
import org.linli.bot.redis.LuaScript;
import org.linli.kb.Answer;
import org.linli.kb.ChineseScript;
import org.linli.webhooks.WellFormedText;

/**
 * Counts the questions the bot could not answer, so the office sees which guides are missing: a
 * sorted set of normalised question text by count, and a hash of when each was last asked. One Lua
 * script per question keeps both in step; the set is capped so it cannot grow without bound.
 */
public final class GapStore {

  static final String COUNTS = "kb:{gaps}:count";
  static final String LAST_SEEN = "kb:{gaps}:seen";
  private static final int CAP = 10_000;

  private static final LuaScript RECORD = LuaScript.load("gap-record");

  private final RedisAPI redis;
  private final FeedbackStore feedback;

  public GapStore(RedisAPI redis) {
    this.redis = redis;
    this.feedback = new FeedbackStore(redis);
  }

  /** What residents said about the guides they were given, kept beside the unanswered questions. */
  public FeedbackStore feedback() {
    return feedback;
  }

  /** One unanswered question, as listed to the office. */
  public record Gap(String question, long count, String lastSeen) {
  }

  /** Counts the question when the knowledge base was not sure of it (not for help requests or small talk). */
  public Future<Void> recordIfUnanswered(String question, Answer answer) {
    boolean gap = answer.outcome() == Answer.Outcome.NOT_SURE && answer.intent().question();
    return gap ? record(question) : Future.succeededFuture();
  }

  /**
   * Counts one unanswered question. Text without a single letter of any script (only digits,
   * symbols, emoji, private-use or unassigned code points) is not counted: the office can write no
   * guide for it, and a flood of such text would push residents' real questions off the list.
   */
  public Future<Void> record(String question) {
    String normalised = normalise(question);
    // Asked of the text as sent: masking writes letters of its own ([手机号] for a bare number).
    if (normalised.isEmpty() || !hasLetter(question)) {
      return Future.succeededFuture();
    }
    return RECORD.call()
        .key("counts", COUNTS)
        .key("lastSeen", LAST_SEEN)
        .arg("question", normalised)
        .arg("now", Instant.now().toString())
        .arg("cap", CAP)
        .run(redis)
        .mapEmpty();
  }

  /** The most asked unanswered questions, most asked first. */
  public Future<List<Gap>> top(int limit) {
    return MostCounted.of(redis, COUNTS, LAST_SEEN, limit).map(top -> {
      List<Gap> gaps = new ArrayList<>();
      for (MostCounted.Counted c : top) {
        gaps.add(new Gap(c.member(), c.count(), c.lastSeen()));
      }
      return gaps;
    });
  }

  /** True when the text has a letter of some script: a Han character, a Latin or any other letter. */
  static boolean hasLetter(String text) {
    return text.codePoints().anyMatch(Character::isLetter);
  }

  /** Folded to Simplified, spaces collapsed, end punctuation dropped, personal numbers masked. */
  static String normalise(String question) {
    String text = ChineseScript.fold(question).replaceAll("\\s+", " ").strip();
    text = text.replaceAll("[\\p{P}\\p{S}\\s]+$", "").replaceAll("^[\\p{P}\\p{S}\\s]+", "");
    text = PersonalData.mask(text);
    return WellFormedText.first(text, 120);
  }
}
