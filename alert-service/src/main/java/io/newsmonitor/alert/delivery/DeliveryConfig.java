package io.newsmonitor.alert.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How alerts are delivered: timeouts, retries and the sweep for due deliveries ({@code alert.delivery.*}). */
@ConfigMapping(prefix = "alert.delivery")
public interface DeliveryConfig {

  /** Attempts before a delivery is parked as FAILED; default 10. */
  @WithDefault("10")
  int maxAttempts();

  /** Delay before the first retry, doubled after every failed attempt; default 1s. */
  @WithDefault("1s")
  Duration backoffBase();

  /** Longest delay between two attempts; default 5m. */
  @WithDefault("5m")
  Duration backoffCap();

  /** Time to open a connection to the receiver; default 5s. */
  @WithDefault("5s")
  Duration connectTimeout();

  /** Time to wait for the receiver's answer once the request is sent; default 5s. */
  @WithDefault("5s")
  Duration readTimeout();

  /** How often due deliveries are looked for, besides the immediate send after a match commits; default 1s. */
  @WithDefault("1s")
  Duration sweepInterval();
}
