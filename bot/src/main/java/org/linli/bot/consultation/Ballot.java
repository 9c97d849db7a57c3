package org.linli.bot.consultation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One ballot to cast (or to replace an earlier one): the poll, what the ballot is kept under, the
 * options chosen and when, and what may come with it — the voter's bound household (checked
 * against the register), who cast it (kept so the member whose vote was replaced can be told;
 * never for a secret ballot) and a reason. Start with {@link #cast} and add the parts that apply.
 *
 * @param key what one ballot is kept under: the resident, or {@code h:<household>} for a
 *     household, or for a secret ballot a keyed hash of either ({@link PollStore.Stored#ballotKey})
 * @param voter for a secret ballot, a keyed hash of the voter ({@link PollStore.Stored#voterTag}),
 *     so that each voter keeps their own receipt; "" otherwise
 */
public record Ballot(
    String pollId,
    String key,
    List<Integer> choices,
    long castAtMillis,
    Optional<String> household,
    Optional<String> caster,
    Optional<String> reason,
    String voter) {

  public Ballot {
    Objects.requireNonNull(voter, "voter");
    Objects.requireNonNull(pollId, "pollId");
    Objects.requireNonNull(key, "key");
    choices = List.copyOf(choices);
    Objects.requireNonNull(household, "household");
    Objects.requireNonNull(caster, "caster");
    Objects.requireNonNull(reason, "reason");
  }

  /** A ballot with no household, no caster kept and no reason. */
  public static Ballot cast(String pollId, String key, List<Integer> choices, long castAtMillis) {
    return new Ballot(pollId, key, choices, castAtMillis, Optional.empty(), Optional.empty(), Optional.empty(), "");
  }

  /** The same ballot, cast for the household {@code household} (none when empty). */
  public Ballot fromHousehold(Optional<String> household) {
    return new Ballot(pollId, key, choices, castAtMillis, household.filter(h -> !h.isEmpty()), caster, reason, voter);
  }

  /** The same ballot, with who cast it kept beside it. */
  public Ballot castBy(String identity) {
    return new Ballot(pollId, key, choices, castAtMillis, household, Optional.of(identity), reason, voter);
  }

  /** The same ballot with the voter's reason (none when empty). */
  public Ballot because(String reason) {
    return new Ballot(pollId, key, choices, castAtMillis, household, caster,
        reason.isEmpty() ? Optional.empty() : Optional.of(reason), voter);
  }

  /** The same ballot of a secret poll, with the keyed hash of its voter ("" for none). */
  public Ballot ofVoter(String voterTag) {
    return new Ballot(pollId, key, choices, castAtMillis, household, caster, reason, voterTag);
  }
}
