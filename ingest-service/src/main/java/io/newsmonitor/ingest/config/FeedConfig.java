package io.newsmonitor.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** How feeds are polled, under {@code ingest.feeds.*}. */
@ConfigMapping(prefix = "ingest.feeds")
public interface FeedConfig {

  /** Whether this instance polls feeds at all. Default true. */
  @WithDefault("true")
  boolean pollingEnabled();

  /** How often the poller looks for due feeds. Default 1s. */
  @WithDefault("1s")
  Duration tick();

  /** Most feeds one instance claims per tick. Default 100. */
  @WithDefault("100")
  @Min(1)
  int claimBatch();

  /** Feeds polled at the same time by one instance. Default 16. */
  @WithDefault("16")
  @Min(1)
  int concurrency();

  /** How long a claimed feed is left to the instance that claimed it before another may poll it. Default 5m. */
  @WithDefault("5m")
  Duration claimLease();

  /** Poll interval of a feed created without one. Default 15m. */
  @WithDefault("15m")
  Duration defaultInterval();

  /** Shortest poll interval a source may ask for. Default 1m. */
  @WithDefault("1m")
  Duration minInterval();

  /** Share of the interval by which each next poll is moved at random, so that sources created together spread out. Default 0.1. */
  @WithDefault("0.1")
  @DecimalMin("0")
  @DecimalMax("0.5")
  double jitter();

  /** Longest delay between polls of a failing feed that is still healthy (never less than its interval). After a failure the delay starts at about twice the interval and doubles. Default 1h. */
  @WithDefault("1h")
  Duration backoffCap();

  /** Failures in a row after which a feed counts as unhealthy. Default 5. */
  @WithDefault("5")
  @Min(1)
  int unhealthyAfter();

  /** How often an unhealthy feed is still tried. Default 6h. */
  @WithDefault("6h")
  Duration unhealthyRetry();

  /** An item whose text is shorter than this (in characters) is taken for a summary, and its linked page is fetched. Default 600. */
  @WithDefault("600")
  @Min(0)
  int summaryThreshold();

  /** Whether linked pages of summary-only items are fetched. Default true. */
  @WithDefault("true")
  boolean fetchPages();
}
