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
 */
public record ArticleEnriched(
    ArticleIngested article,
    List<Tag> actors,
    List<Tag> topics,
    String storyId,
    String knowledgeBaseVersion,
    Instant enrichedAt) {

  public ArticleEnriched {
    requireNonNull(article, "article");
    requireNonNull(storyId, "storyId");
    requireNonNull(knowledgeBaseVersion, "knowledgeBaseVersion");
    requireNonNull(enrichedAt, "enrichedAt");
    actors = List.copyOf(actors);
    topics = List.copyOf(topics);
  }
}
