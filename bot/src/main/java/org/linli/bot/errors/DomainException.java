package org.linli.bot.errors;

/**
 * A failure the service's own rules raise (a thing that does not exist, a change that conflicts
 * with the current state, a part not ready yet). It names no transport: the HTTP failure handler
 * maps each kind to its status, and the chat side answers in words. A failure may carry, beside
 * its message (the API's JSON {@code detail}), a sentence for a person in Chinese, which the
 * console shows.
 */
public abstract sealed class DomainException extends RuntimeException
    permits BadRequest, Unauthorized, NotFound, Conflict, ServiceUnavailable {

  private final String sentence;

  DomainException(String message) {
    this(message, null);
  }

  DomainException(String message, String sentence) {
    super(message, null, false, false);
    this.sentence = sentence;
  }

  /** The sentence for a person: the one given for them, else the message. */
  public String sentence() {
    return sentence == null ? getMessage() : sentence;
  }
}
