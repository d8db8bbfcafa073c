package io.newsmonitor.ingest.source;

import io.newsmonitor.ingest.config.FeedConfig;
import io.newsmonitor.support.retry.Backoff;
import java.time.Duration;
import java.time.Instant;

/**
 * When a feed is polled next. Every delay is jittered so that sources created or failing together drift apart instead of
 * polling in bursts; a failing feed backs off exponentially from twice its interval, and an unhealthy one is only tried
 * now and then.
 */
public final class PollSchedule {

  /** The first poll of a new feed comes within this, or within its interval when shorter. */
  static final Duration FIRST_POLL_SPREAD = Duration.ofMinutes(1);

  private final double jitter;
  private final Duration backoffCap;
  private final int unhealthyAfter;
  private final Duration unhealthyRetry;

  /** @see FeedConfig for each parameter */
  public PollSchedule(double jitter, Duration backoffCap, int unhealthyAfter, Duration unhealthyRetry) {
    this.jitter = jitter;
    this.backoffCap = backoffCap;
    this.unhealthyAfter = unhealthyAfter;
    this.unhealthyRetry = unhealthyRetry;
  }

  public static PollSchedule of(FeedConfig config) {
    return new PollSchedule(config.jitter(), config.backoffCap(), config.unhealthyAfter(), config.unhealthyRetry());
  }

  /** @param random a number in {@code [0, 1)} */
  public Instant first(Instant now, Duration interval, double random) {
    Duration spread = interval.compareTo(FIRST_POLL_SPREAD) < 0 ? interval : FIRST_POLL_SPREAD;
    return now.plusMillis((long) (spread.toMillis() * random));
  }

  /** After a successful poll: the interval, give or take the jitter. @param random a number in {@code [0, 1)} */
  public Instant afterSuccess(Instant now, Duration interval, double random) {
    return now.plus(jittered(interval, random));
  }

  /**
   * After a failed poll.
   *
   * @param failures failures in a row, this one included
   * @param random a number in {@code [0, 1)}
   */
  public Instant afterFailure(Instant now, Duration interval, int failures, double random) {
    if (failures >= unhealthyAfter) {
      return now.plus(jittered(max(interval, unhealthyRetry), random));
    }
    Duration cap = max(interval, backoffCap);
    return now.plus(max(interval, Backoff.delay(failures, interval.multipliedBy(2), cap, random)));
  }

  private Duration jittered(Duration interval, double random) {
    long millis = interval.toMillis();
    long amplitude = (long) (millis * jitter);
    return Duration.ofMillis(Math.max(1, millis - amplitude + (long) (2 * amplitude * random)));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
