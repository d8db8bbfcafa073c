package io.newsmonitor.support.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Timers with the same histogram buckets in every service, from 10 ms to 5 s: few enough series per timer, and fine
 * around the 500 ms the pipeline aims at for its p99.
 */
public final class LatencyTimers {

  private static final Duration[] BUCKETS = {
      Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
      Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

  private LatencyTimers() {
  }

  /** The timer {@code name} with {@code tags}, registered once in {@code registry} (a second call returns the same timer). */
  public static Timer timer(MeterRegistry registry, String name, String description, Tags tags) {
    return Timer.builder(name)
        .description(description)
        .tags(tags)
        .serviceLevelObjectives(BUCKETS)
        .minimumExpectedValue(BUCKETS[0])
        .maximumExpectedValue(BUCKETS[BUCKETS.length - 1])
        .register(registry);
  }
}
