package org.linli.kb.intent;

/** What a chat message is, before anyone looks it up. */
public enum MessageKind {
  /** A question a guide may answer. */
  QUESTION,
  /** A personal case or a request for action: a person must handle it, not a guide. */
  HELP_REQUEST,
  /** Small talk, thanks, greetings: nothing to answer. */
  CHITCHAT
}
