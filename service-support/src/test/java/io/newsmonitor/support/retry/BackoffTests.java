package io.newsmonitor.support.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Exponential backoff: doubles from the base, stays under the cap, jitter within the upper half. */
class BackoffTests {

  private static final Duration BASE = Duration.ofSeconds(1);
  private static final Duration CAP = Duration.ofMinutes(5);

  @Test
  void doublesAfterEveryAttempt() {
    assertThat(Backoff.delay(1, BASE, CAP, 0.999999)).isEqualTo(Duration.ofMillis(999));
    assertThat(Backoff.delay(2, BASE, CAP, 0.999999)).isEqualTo(Duration.ofMillis(1999));
    assertThat(Backoff.delay(4, BASE, CAP, 0)).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void jitterStaysInTheUpperHalf() {
    for (int attempts = 1; attempts <= 12; attempts++) {
      long exponential = Math.min(CAP.toMillis(), BASE.toMillis() << (attempts - 1));
      assertThat(Backoff.delay(attempts, BASE, CAP, 0).toMillis()).isEqualTo(exponential - exponential / 2);
      assertThat(Backoff.delay(attempts, BASE, CAP, 0.5).toMillis()).isBetween(exponential / 2, exponential);
    }
  }

  @Test
  void neverExceedsTheCapEvenAfterManyAttempts() {
    assertThat(Backoff.delay(9, BASE, CAP, 0.999)).isLessThanOrEqualTo(CAP);
    assertThat(Backoff.delay(1_000, BASE, CAP, 0.999)).isLessThanOrEqualTo(CAP).isGreaterThan(CAP.dividedBy(2));
  }
}
