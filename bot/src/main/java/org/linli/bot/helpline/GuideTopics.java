package org.linli.bot.helpline;

import io.vertx.core.Future;

/**
 * What the office's guides say a request for help is about: the category and tags of the guide it
 * matches, or blank. The help desk's category guess reads it for requests whose own words name no
 * category; the knowledge base answers it ({@link org.linli.bot.kb.KbService#topicsOf}).
 */
@FunctionalInterface
public interface GuideTopics {

  /** No guides: every request is guessed from its own words. */
  GuideTopics NONE = text -> Future.succeededFuture("");

  /** The guide words for {@code text}; blank when no guide is about it. Never fails. */
  Future<String> of(String text);
}
