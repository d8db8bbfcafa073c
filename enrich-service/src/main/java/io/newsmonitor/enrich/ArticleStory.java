package io.newsmonitor.enrich;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The story an article belongs to, the revision of the article enrich-service last enriched, and the fingerprint of that
 * revision that later articles are compared with.
 */
@Entity
@Table(name = "article_story")
public class ArticleStory {

  @Id
  @Column(name = "article_id", nullable = false, updatable = false)
  public String articleId;

  @Column(name = "story_id", nullable = false)
  public String storyId;

  /** The highest revision of the article enriched so far. */
  @Column(name = "revision", nullable = false)
  public int revision;

  /** When that revision was first enriched; re-processing the same revision keeps it, so the output stays the same. */
  @Column(name = "enriched_at", nullable = false)
  public Instant enrichedAt;

  /** When the article was published; null for articles enriched before stories were fingerprinted. */
  @Column(name = "published")
  public Instant published;

  /** Whether {@link #published} is the ingest time of an article without a date: then only an upper bound of it. */
  @Column(name = "published_estimated", nullable = false)
  public boolean publishedEstimated;

  /** MinHash signature of the normalised title and body (see {@code io.newsmonitor.enrich.story.MinHash}). */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "minhash")
  public int[] minHash;

  /** Tag ids and their weights, in the same order (see {@code io.newsmonitor.enrich.story.TagProfile}). */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "tag_ids")
  public String[] tagIds;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "tag_weights")
  public double[] tagWeights;
}
