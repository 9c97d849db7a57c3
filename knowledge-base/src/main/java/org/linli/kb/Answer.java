package org.linli.kb;

import java.util.List;
import org.linli.kb.intent.Intent;

/**
 * What the knowledge base makes of a message: a guide it is confident about, or the closest guides
 * when it is not sure, or the finding that the message is a help request or small talk.
 *
 * @param outcome what to do
 * @param entry the answering guide ({@code ANSWERED} only)
 * @param confidence calibrated confidence that the best guide is right, 0..1
 * @param alternatives closest guides when not sure, best first
 * @param intent what the message is
 * @param traditional whether the resident wrote in Traditional characters
 */
public record Answer(
    Outcome outcome, Entry entry, double confidence, List<Entry> alternatives, Intent intent, boolean traditional) {

  public Answer {
    alternatives = List.copyOf(alternatives);
  }

  /** What the bot should do with the message. */
  public enum Outcome {
    /** Reply with the guide. */
    ANSWERED,
    /** Say "not sure", list the closest guides and offer the help-line. */
    NOT_SURE,
    /** A personal case or a request for action: offer to forward to the help-line. */
    FORWARD,
    /** Small talk: nothing to look up. */
    SMALL_TALK
  }

  /** True when a guide answers the message. */
  public boolean answered() {
    return outcome == Outcome.ANSWERED;
  }
}
