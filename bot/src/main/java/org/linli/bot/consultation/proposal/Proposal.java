package org.linli.bot.consultation.proposal;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.linli.bot.community.Community;
import org.linli.bot.text.Text;
import org.linli.webhooks.ChatRef;

/**
 * A matter a resident raised (议题征集): its title and description, the chat it was raised in, when
 * it stops collecting supports, how many supports it needs and has (附议, the proposer's own
 * included), where it stands, and — once decided — the poll it became or the reason it was declined.
 * Supporters are counted, never shown. {@code community} is the id of the community of its chat
 * when it was raised (a proposal stored before communities existed is the default community's).
 */
public record Proposal(
    String id,
    String channel,
    String chat,
    String title,
    String description,
    Instant createdAt,
    Instant deadline,
    int threshold,
    int supports,
    Status status,
    String pollId,
    String reason,
    String community) {

  public Proposal {
    community = community == null || community.isBlank() ? Community.DEFAULT : community;
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    description = description == null ? "" : description;
    pollId = pollId == null ? "" : pollId;
    reason = reason == null ? "" : reason;
  }

  /** A proposal of the default community. */
  public Proposal(String id, String channel, String chat, String title, String description, Instant createdAt,
      Instant deadline, int threshold, int supports, Status status, String pollId, String reason) {
    this(id, channel, chat, title, description, createdAt, deadline, threshold, supports, status, pollId, reason,
        Community.DEFAULT);
  }

  /** The chat the proposal belongs to (its moderators decide it, its notices go there). */
  public ChatRef chatRef() {
    return new ChatRef(channel, chat);
  }

  /** Where a proposal stands. */
  public enum Status {
    /** Collecting supports until its deadline. */
    OPEN(Text.PROPOSAL_STATUS_OPEN),
    /** Reached its threshold: waits for the moderators on the agenda. */
    AGENDA(Text.PROPOSAL_STATUS_AGENDA),
    /** Became a discussion and a poll. */
    ACCEPTED(Text.PROPOSAL_STATUS_ACCEPTED),
    /** Declined, with a published reason. */
    DECLINED(Text.PROPOSAL_STATUS_DECLINED),
    /** Its deadline passed below the threshold. */
    EXPIRED(Text.PROPOSAL_STATUS_EXPIRED);

    private final Text label;

    Status(Text label) {
      this.label = label;
    }

    /** The name kept in Redis and shown by the API: open, agenda, accepted, declined, expired. */
    public String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The status in words for residents. */
    public String label() {
      return label.of();
    }

    /** The status of a stored name. */
    static Status of(String apiName) {
      return valueOf(apiName.toUpperCase(Locale.ROOT));
    }
  }
}
