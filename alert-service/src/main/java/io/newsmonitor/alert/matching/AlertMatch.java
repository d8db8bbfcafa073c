package io.newsmonitor.alert.matching;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A subscription's rule matched an article: at most one per subscription and article, whatever the revisions. The first
 * match of a story is the subscription's alert for it; later copies of the story attach to it ({@link #attachedTo}) and are
 * delivered nowhere.
 */
@Entity
@Table(name = "alert_match")
public class AlertMatch {

  /** Also the alert id of the {@code AlertRaised} event. */
  @Id
  public UUID id;

  @Column(name = "subscription_id", nullable = false)
  public UUID subscriptionId;

  @Column(name = "article_id", nullable = false)
  public String articleId;

  /** The revision of the article that matched first. */
  @Column(nullable = false)
  public int revision;

  @Column(name = "story_id", nullable = false)
  public String storyId;

  @Column(name = "article_title", nullable = false)
  public String articleTitle;

  /** The alert of the story this copy attaches to; null for the alert itself. */
  @Column(name = "attached_to")
  public UUID attachedTo;

  @Column(name = "matched_at", nullable = false)
  public Instant matchedAt;

  /** When ingest-service took the article in: the start of the latency a delivery of this alert measures. */
  @Column(name = "ingested_at")
  public Instant ingestedAt;

  /** The W3C trace context of the record that raised the match, which its deliveries continue; null when none came in. */
  @Column(name = "traceparent")
  public String traceparent;

  @Column(name = "tracestate")
  public String tracestate;

  /** The {@code AlertRaised} JSON, exactly as delivered; an attached copy's carries the id of the alert it attaches to. */
  @Column(nullable = false, columnDefinition = "jsonb")
  @ColumnTransformer(write = "cast(? as jsonb)")
  public String payload;
}
