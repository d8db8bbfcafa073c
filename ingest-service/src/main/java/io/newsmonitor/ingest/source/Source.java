package io.newsmonitor.ingest.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A source of articles with its settings, its polling state and its health (table {@code source}). */
@Entity
@Table(name = "source")
public class Source {

  @Id
  @Column(name = "id", length = 64, nullable = false)
  public String id;

  /** {@link SourceType#wireName()}. */
  @Column(name = "type", length = 8, nullable = false)
  public String type;

  @Column(name = "name", nullable = false)
  public String name;

  @Column(name = "url")
  public String url;

  @Column(name = "poll_interval_s", nullable = false)
  public int pollIntervalSeconds;

  /** ISO 639-1 hint; when absent, the feed's or the page's language, else detected. */
  @Column(name = "language", length = 16)
  public String language;

  /** IANA zone of dates the source writes without one. */
  @Column(name = "time_zone", length = 64)
  public String timeZone;

  @Column(name = "paused", nullable = false)
  public boolean paused;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "next_poll_at")
  public Instant nextPollAt;

  @Column(name = "etag")
  public String etag;

  @Column(name = "last_modified")
  public String lastModified;

  @Column(name = "last_polled_at")
  public Instant lastPolledAt;

  @Column(name = "last_success_at")
  public Instant lastSuccessAt;

  @Column(name = "last_error")
  public String lastError;

  @Column(name = "last_error_at")
  public Instant lastErrorAt;

  @Column(name = "consecutive_failures", nullable = false)
  public int consecutiveFailures;

  @Column(name = "items_published", nullable = false)
  public long itemsPublished;

  @Column(name = "websub_hub")
  public String webSubHub;

  @Column(name = "websub_topic")
  public String webSubTopic;

  @Column(name = "websub_secret", length = 64)
  public String webSubSecret;

  @Column(name = "websub_requested_at")
  public Instant webSubRequestedAt;

  @Column(name = "websub_lease_until")
  public Instant webSubLeaseUntil;

  public SourceType sourceType() {
    return SourceType.ofWireName(type).orElseThrow();
  }
}
