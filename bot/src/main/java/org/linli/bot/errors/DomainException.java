package org.linli.bot.errors;

/**
 * A failure the service's own rules raise (a thing that does not exist, a change that conflicts
 * with the current state, a part not ready yet). It names no transport: the HTTP failure handler
 * maps each kind to its status, and the chat side answers in words.
 */
public abstract sealed class DomainException extends RuntimeException
    permits BadRequest, Unauthorized, NotFound, Conflict, ServiceUnavailable {

  DomainException(String message) {
    super(message, null, false, false);
  }
}
