package io.newsmonitor.enrich;

import io.newsmonitor.enrich.story.Fingerprint;
import java.time.Instant;

/**
 * A row of {@code enrich.article_story}: the story an article belongs to, the revision of the article enrich-service last
 * enriched, and the fingerprint of that revision that later articles are compared with.
 *
 * @param articleId the article
 * @param storyId its story
 * @param revision the highest revision of the article enriched so far
 * @param enrichedAt when that revision was first enriched; re-processing the same revision keeps it, so the output stays
 *     the same
 * @param published when the article was published; null for articles enriched before stories were fingerprinted
 * @param publishedEstimated whether {@code published} is the ingest time of an article without a date: then only an upper
 *     bound of it
 * @param fingerprint what later articles are compared with; null for articles enriched before stories were fingerprinted
 */
public record ArticleStory(String articleId, String storyId, int revision, Instant enrichedAt, Instant published, boolean publishedEstimated,
                           Fingerprint fingerprint) {
}
