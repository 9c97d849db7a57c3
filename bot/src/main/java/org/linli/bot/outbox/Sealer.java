package org.linli.bot.outbox;

/**
 * Keeps an outbox message encrypted while it waits: for messages that name the voter of a secret
 * ballot (a receipt, a private reminder), so that neither Redis nor its files nor a backup say whom
 * they went to. The key is not in Redis ({@code consultation.ballotSealKey}).
 */
public interface Sealer {

  /** A keyed, stable name for {@code id}: the same id gets the same tag, and the tag does not show the id. */
  String tag(String id);

  /** {@code plain}, encrypted and bound to {@code context}. */
  String sealText(String context, String plain);

  /** What {@link #sealText} sealed under {@code context}; fails when it was sealed under another key or context. */
  String openText(String context, String sealed);
}
