package io.newsmonitor.enrich.tagging;

import static java.util.Objects.requireNonNull;

import io.newsmonitor.events.Tag;
import java.util.List;

/**
 * What the {@link Tagger} found in one article.
 *
 * @param actors countries, people, organisations, alliances and places, most salient first
 * @param topics topics whose conditions hold, most specific only, most salient first
 * @param knowledgeBaseVersion the version of the knowledge base that tagged it
 * @param languageCoverage whether the knowledge base has wordings in the article's language; when it has not, the tags are
 *     what matched anyway (names shared across languages, acronyms) and may well miss actors and topics
 */
public record Tagging(List<Tag> actors, List<Tag> topics, String knowledgeBaseVersion, LanguageCoverage languageCoverage) {

  public Tagging {
    actors = List.copyOf(actors);
    topics = List.copyOf(topics);
    requireNonNull(knowledgeBaseVersion, "knowledgeBaseVersion");
    requireNonNull(languageCoverage, "languageCoverage");
  }
}
