package org.linli.bot.console;

import java.time.Instant;

/**
 * One line of the audit log: when, who (an account's name, or the shared token's setting), what
 * (a short action name such as {@code account.create} or {@code api POST /api/v1/polls}) and on
 * what (an account's name, a poll id, a path).
 */
public record AuditEntry(Instant at, String actor, String action, String target) {
}
