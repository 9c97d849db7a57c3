package org.linli.bot.household;

import java.time.Instant;

/** A one-time code (six digits) that binds a chat identity to {@code household} until {@code expiresAt}. */
public record BindingCode(String household, String code, Instant expiresAt) {
}
