package io.newsmonitor.support.retry;

import java.time.Duration;

/** Exponential backoff with jitter: after attempt n the delay is base·2ⁿ⁻¹, capped, then drawn from its upper half. */
public final class Backoff {

  private Backoff() {
  }

  /**
   * The delay before the next attempt.
   *
   * @param attempts attempts made so far, at least 1
   * @param random a number in {@code [0, 1)}: 0 gives half the exponential delay, close to 1 all of it
   */
  public static Duration delay(int attempts, Duration base, Duration cap, double random) {
    long baseMillis = Math.max(1, base.toMillis());
    long capMillis = Math.max(baseMillis, cap.toMillis());
    int doublings = Math.min(Math.max(attempts, 1) - 1, 40);
    long exponential = baseMillis > (capMillis >> doublings) ? capMillis : Math.min(capMillis, baseMillis << doublings);
    long half = exponential / 2;
    return Duration.ofMillis(exponential - half + (long) (half * Math.min(Math.max(random, 0), 1)));
  }
}
