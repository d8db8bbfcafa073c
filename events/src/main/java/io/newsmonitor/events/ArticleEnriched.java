package io.newsmonitor.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * An article with its tags and story, published by enrich-service on {@link Topics#ARTICLES_ENRICHED} with the same key
 * as the {@link ArticleIngested} it came from.
 *
 * @param article the article as ingested, unchanged
 * @param actors countries, people, organisations, alliances and places
 * @param topics topics of the taxonomy
 * @param storyId articles that report the same event share it
 * @param knowledgeBaseVersion version of the knowledge base that produced the tags
 * @param enrichedAt when enrich-service produced this record
 * @param languageCoverage {@value #COVERED} when the knowledge base has wordings in the article's language,
 *     {@value #NOT_COVERED} when it has none (the tags are what matched anyway: names, acronyms — expect some missing),
 *     {@value #UNKNOWN} when the article's language is not known
 */
public record ArticleEnriched(
    ArticleIngested article,
    List<Tag> actors,
    List<Tag> topics,
    String storyId,
    String knowledgeBaseVersion,
    Instant enrichedAt,
    String languageCoverage) {

  public static final String COVERED = "covered";
  public static final String NOT_COVERED = "not-covered";
  public static final String UNKNOWN = "unknown";

  public ArticleEnriched {
    requireNonNull(article, "article");
    requireNonNull(storyId, "storyId");
    requireNonNull(knowledgeBaseVersion, "knowledgeBaseVersion");
    requireNonNull(enrichedAt, "enrichedAt");
    // Records of the first contract version carry none.
    languageCoverage = languageCoverage == null ? UNKNOWN : languageCoverage;
    if (!List.of(COVERED, NOT_COVERED, UNKNOWN).contains(languageCoverage)) {
      throw new IllegalArgumentException("languageCoverage must be covered, not-covered or unknown, not " + languageCoverage);
    }
    actors = List.copyOf(actors);
    topics = List.copyOf(topics);
  }

  /** An enriched article whose language coverage is not stated ({@value #UNKNOWN}). */
  public ArticleEnriched(ArticleIngested article, List<Tag> actors, List<Tag> topics, String storyId, String knowledgeBaseVersion, Instant enrichedAt) {
    this(article, actors, topics, storyId, knowledgeBaseVersion, enrichedAt, UNKNOWN);
  }
}
