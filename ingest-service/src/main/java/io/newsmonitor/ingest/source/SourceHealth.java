package io.newsmonitor.ingest.source;

import io.newsmonitor.ingest.config.FeedConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/** How a source is doing, from its poll record. */
@ApplicationScoped
public class SourceHealth {

  /** A source's state as operators see it. */
  public enum Status {
    /** A feed not polled yet. */
    PENDING,
    HEALTHY,
    /** Its last polls failed, fewer times in a row than make it unhealthy. */
    FAILING,
    /** Failed {@code ingest.feeds.unhealthy-after} times in a row; tried only every {@code ingest.feeds.unhealthy-retry}. */
    UNHEALTHY,
    PAUSED,
    /** Push and file sources are not polled. */
    NOT_POLLED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final FeedConfig config;

  SourceHealth(FeedConfig config) {
    this.config = config;
  }

  public Status status(Source source) {
    if (source.sourceType() != SourceType.FEED) {
      return Status.NOT_POLLED;
    }
    if (source.paused) {
      return Status.PAUSED;
    }
    if (source.consecutiveFailures >= config.unhealthyAfter()) {
      return Status.UNHEALTHY;
    }
    if (source.consecutiveFailures > 0) {
      return Status.FAILING;
    }
    return source.lastSuccessAt == null ? Status.PENDING : Status.HEALTHY;
  }
}
