package org.linli.kb.intent;

/**
 * What a message is, whether it is urgent (someone may be in danger), and the rule that decided,
 * for logs and tests.
 */
public record Intent(MessageKind kind, boolean urgent, String rule) {

  /** True when the text reads as a question (question words or a question mark). */
  public boolean question() {
    return kind == MessageKind.QUESTION;
  }
}
