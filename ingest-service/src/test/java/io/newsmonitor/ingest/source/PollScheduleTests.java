package io.newsmonitor.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class PollScheduleTests {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final Duration INTERVAL = Duration.ofMinutes(15);
  private final PollSchedule schedule = new PollSchedule(0.1, Duration.ofHours(1), 5, Duration.ofHours(6));

  @Test
  void successKeepsTheIntervalWithinTheJitter() {
    assertThat(schedule.afterSuccess(NOW, INTERVAL, 0)).isEqualTo(NOW.plus(Duration.ofSeconds(810)));
    assertThat(schedule.afterSuccess(NOW, INTERVAL, 0.5)).isEqualTo(NOW.plus(INTERVAL));
    assertThat(schedule.afterSuccess(NOW, INTERVAL, 0.999999)).isBetween(NOW.plus(Duration.ofSeconds(989)), NOW.plus(Duration.ofSeconds(990)));
  }

  @Test
  void tenThousandSourcesCreatedTogetherSpreadOverTheFirstMinute() {
    long distinctSeconds = DoubleStream.iterate(0, r -> r + 1.0 / 10_000).limit(10_000)
        .mapToObj(r -> schedule.first(NOW, INTERVAL, r).getEpochSecond())
        .distinct().count();
    assertThat(distinctSeconds).isEqualTo(60);
    assertThat(schedule.first(NOW, Duration.ofSeconds(10), 0.999)).isBefore(NOW.plusSeconds(10));
  }

  @Test
  void failuresBackOffExponentiallyFromTwiceTheIntervalUpToTheCap() {
    assertThat(delayAfterFailures(1, 0)).isEqualTo(INTERVAL);
    assertThat(delayAfterFailures(1, 0.999)).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
    assertThat(delayAfterFailures(2, 0)).isEqualTo(Duration.ofMinutes(30));
    for (int failures = 2; failures < 5; failures++) {
      assertThat(delayAfterFailures(failures, 0.999)).isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
    }
  }

  private Duration delayAfterFailures(int failures, double random) {
    return Duration.between(NOW, schedule.afterFailure(NOW, INTERVAL, failures, random));
  }

  @Test
  void anUnhealthyFeedIsRetriedSlowly() {
    Duration delay = Duration.between(NOW, schedule.afterFailure(NOW, INTERVAL, 5, 0.5));
    assertThat(delay).isEqualTo(Duration.ofHours(6));
    assertThat(Duration.between(NOW, schedule.afterFailure(NOW, Duration.ofHours(12), 9, 0.5))).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void aFeedPolledMoreRarelyThanTheCapIsNeverPolledMoreOftenWhenFailing() {
    Duration daily = Duration.ofDays(1);
    assertThat(Duration.between(NOW, schedule.afterFailure(NOW, daily, 1, 0))).isEqualTo(daily);
  }
}
