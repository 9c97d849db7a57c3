package org.linli.bot.console;

import java.time.Instant;

/**
 * One of an account's API tokens as listed: a short id (the start of its SHA-256, enough to name
 * it when revoking), the label its owner gave it, and when it was made. The token itself is shown
 * once, when made, and never stored.
 */
public record ApiToken(String id, String label, Instant created) {
}
