package io.newsmonitor.ingest.rest;

import io.newsmonitor.ingest.source.Source;
import io.newsmonitor.ingest.source.SourceHealth;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A source with its health, as the API shows it. */
public record SourceView(
    String id,
    @Schema(enumeration = {"feed", "push", "file"}) String type,
    String name,
    String url,
    int pollIntervalSeconds,
    String language,
    String timeZone,
    boolean paused,
    Instant createdAt,
    Instant updatedAt,
    Health health,
    WebSub webSub) {

  /** How polling goes. */
  public record Health(
      @Schema(enumeration = {"pending", "healthy", "failing", "unhealthy", "paused", "not-polled"}) String status,
      Instant lastPolledAt,
      Instant lastSuccessAt,
      String lastError,
      Instant lastErrorAt,
      int consecutiveFailures,
      Instant nextPollAt,
      long itemsPublished) {
  }

  /** The WebSub subscription of a feed whose hub pushes its items. */
  public record WebSub(String hub, String topic, Instant requestedAt, Instant leaseUntil) {
  }

  static SourceView of(Source source, SourceHealth health) {
    WebSub webSub = source.webSubHub == null ? null
        : new WebSub(source.webSubHub, source.webSubTopic, source.webSubRequestedAt, source.webSubLeaseUntil);
    return new SourceView(source.id, source.type, source.name, source.url, source.pollIntervalSeconds, source.language, source.timeZone,
        source.paused, source.createdAt, source.updatedAt,
        new Health(health.status(source).wireName(), source.lastPolledAt, source.lastSuccessAt, source.lastError, source.lastErrorAt,
            source.consecutiveFailures, source.type.equals("feed") && !source.paused ? source.nextPollAt : null, source.itemsPublished),
        webSub);
  }
}
