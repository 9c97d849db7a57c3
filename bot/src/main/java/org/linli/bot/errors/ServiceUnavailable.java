package org.linli.bot.errors;

/** A part the request needs is not ready yet (the guides are still loading); try again later. */
public final class ServiceUnavailable extends DomainException {

  public ServiceUnavailable(String message) {
    super(message);
  }
}
