package org.linli.kb.index;

/**
 * One guide that may answer a question, with the raw evidence for it. The scorer turns these into
 * a ranking and a confidence; keeping them raw lets calibration re-weigh them without searching
 * again.
 *
 * @param entryId the guide
 * @param dense best weighted cosine similarity of the question to one of the guide's passages (0
 *     when the index has no vectors)
 * @param denseHead best cosine similarity to the guide's title or one of its questions
 * @param denseBody best cosine similarity to its summary, a section or a list item
 * @param denseSecond the second-best weighted similarity among the guide's passages (a guide that
 *     matches in several places is a safer bet than one lucky passage)
 * @param lexical BM25 score relative to the best BM25 score of this question (0..1)
 * @param lexicalRaw the BM25 score itself
 * @param headCoverage share of the question's character bigrams found in title, questions, tags
 * @param bodyCoverage share found anywhere in the guide, each bigram weighted by its rarity (IDF)
 *     across guides, so 护照 counts for more than 办理
 * @param pinyinCoverage share of the question's pinyin bigrams found in title, questions, tags
 * @param unknown IDF-weighted share of the question's bigrams that no guide contains at all, not
 *     even as a homophone: high for a topic the knowledge base does not cover
 * @param topicCoverage weighted share of the question's topic words (not 办理, 材料, 多久 ...) this
 *     guide covers: low when the guide is about another matter with the same procedure words
 * @param keyCoverage how far what the guide is about (title, questions, tags, aliases) covers the
 *     question's key topic word (宠物 in 宠物疫苗, 户口本 in 户口本丢了)
 * @param leastCoverage the least this guide covers any topic word some guide has
 * @param headTopicCoverage weighted share of the topic words that the guide's title, questions,
 *     tags and aliases cover (what it is about, not what it mentions)
 * @param unknownTopics weighted share of the question's topic words that no guide has at all (猫
 *     in a knowledge base without a guide on cats)
 * @param siblingNamed 1 when the guide lacks a topic word of the question but is about a sibling
 *     of it (身份证 for 房产证), else 0
 * @param questionLength log(1 + the question's letters, each Han character one): lets the
 *     confidence read the coverage shares against the question's length, as a long, chatty
 *     question covers a smaller share of any guide, the right one included
 */
public record Candidate(
    String entryId,
    double dense,
    double denseHead,
    double denseBody,
    double denseSecond,
    double lexical,
    double lexicalRaw,
    double headCoverage,
    double bodyCoverage,
    double pinyinCoverage,
    double unknown,
    double topicCoverage,
    double keyCoverage,
    double leastCoverage,
    double headTopicCoverage,
    double unknownTopics,
    double siblingNamed,
    double questionLength) {
}
