package io.newsmonitor.alert.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How alerts are delivered: timeouts, retries, the sweep for due deliveries and where webhooks may go ({@code alert.delivery.*}). */
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

  /** Longest wait for the broker's acknowledgement of an alert published on {@code news.alerts}; default 15s. */
  @WithDefault("15s")
  Duration publishTimeout();

  /**
   * Whether this instance sends deliveries; default true. False: it still records matches and their deliveries, which stay
   * pending until an instance that sends is running (to drain an instance, or to stop one between commit and send in a test).
   */
  @WithDefault("true")
  boolean senderEnabled();

  /**
   * How many deliveries this instance attempts at once. A webhook that answers slowly holds one sender for its whole
   * attempt; the others go on with the rest of the outbox.
   */
  @WithDefault("4")
  int senders();

  /**
   * Most deliveries one sender claims and attempts together, in one transaction, side by side; default 32. One transaction
   * and one round of Kafka acknowledgements per batch instead of per delivery; a slow receiver holds its batch for at most
   * its timeout, as it held its one delivery before.
   */
  @WithDefault("32")
  int batchSize();

  /** Webhooks may reach 127.0.0.0/8, ::1 and localhost; default false, true only for tests against a local receiver. */
  @WithDefault("false")
  boolean allowLoopback();

  /** Webhooks may reach private, unique-local and carrier-grade NAT ranges (on-premises receivers); default false. */
  @WithDefault("false")
  boolean allowPrivateNetworks();
}
