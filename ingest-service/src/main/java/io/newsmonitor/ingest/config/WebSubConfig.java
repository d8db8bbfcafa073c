package io.newsmonitor.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** WebSub subscriptions to the hubs that feeds advertise, under {@code ingest.websub.*}. */
@ConfigMapping(prefix = "ingest.websub")
public interface WebSubConfig {

  /**
   * The base URL at which hubs reach this service (e.g. {@code https://ingest.example.org}); the callback of a source is
   * {@code <base>/websub/<source id>}. Unset: no subscriptions, feeds are only polled.
   */
  Optional<String> callbackBaseUrl();

  /** Lease asked of the hub. Default 240h (10 days). */
  @WithDefault("240h")
  Duration lease();

  /** A subscription is renewed when less than this is left of its lease. Default 1d. */
  @WithDefault("1d")
  Duration renewBefore();
}
