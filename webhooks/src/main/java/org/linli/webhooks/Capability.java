package org.linli.webhooks;

/**
 * What a chat platform can do, as data: domain code asks a platform's capabilities instead of
 * naming the platform.
 */
public enum Capability {
  /** Edits a message it sent before (a poll shows its live tally in place). */
  EDITS_MESSAGES,
  /** Writes to one person on its own initiative, in a private chat or directly. */
  PRIVATE_MESSAGES,
  /** Shows buttons whose press comes back to the bot. */
  BUTTONS,
  /** Shows a picture (an uploaded chart, or one by its address). */
  IMAGES,
  /** Answers only in the HTTP response to a callback; nothing can be sent later. */
  PASSIVE_REPLY_ONLY,
  /** Says whether the bot was addressed in a group. */
  MENTIONS,
  /** Passes on the text of the message a resident replied to. */
  QUOTED_REPLIES,
  /** Passes on files and pictures residents send. */
  ATTACHMENTS
}
