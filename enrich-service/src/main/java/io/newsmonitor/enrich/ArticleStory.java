package io.newsmonitor.enrich;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The story an article belongs to, and the revision of the article enrich-service last enriched. */
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
}
