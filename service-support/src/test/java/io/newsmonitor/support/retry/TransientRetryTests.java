package io.newsmonitor.support.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransientRetryTests {

  private final List<Duration> pauses = new ArrayList<>();
  private final TransientRetry retry = new TransientRetry(Duration.ofMillis(100), Duration.ofSeconds(2), pauses::add);

  @Test
  void databaseConnectionFailuresAreTransient() {
    // What Hibernate throws while PostgreSQL restarts: its own exception around the driver's, SQLSTATE 08006 or 57P01.
    assertThat(TransientFailures.isTransient(new IllegalStateException("could not execute statement",
        new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
    assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
    assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("the database system is starting up", "57P03")))).isTrue();
    assertThat(TransientFailures.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
    assertThat(TransientFailures.isTransient(new RuntimeException(new SQLTransientConnectionException("acquisition timeout")))).isTrue();
    assertThat(TransientFailures.isTransient(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
  }

  @Test
  void failuresOfTheRecordAreNotTransient() {
    assertThat(TransientFailures.isTransient(new IllegalArgumentException("title must not be blank"))).isFalse();
    assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("value too long for type character varying(200)", "22001")))).isFalse();
    assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("no state")))).isFalse();
  }

  @Test
  void aCauseCycleEnds() {
    RuntimeException first = new RuntimeException("first");
    RuntimeException second = new RuntimeException("second", first);
    first.initCause(second);
    assertThat(TransientFailures.isTransient(first)).isFalse();
  }

  @Test
  void transientFailuresAreRetriedWithGrowingPausesUntilTheWorkSucceeds() {
    AtomicInteger attempts = new AtomicInteger();
    String result = retry.call("record t-0@7", () -> {
      if (attempts.incrementAndGet() <= 5) {
        throw new IllegalStateException(new SQLException("Connection refused", "08001"));
      }
      return "done";
    });
    assertThat(result).isEqualTo("done");
    assertThat(attempts).hasValue(6);
    assertThat(pauses).hasSize(5);
    // Backoff: each pause in the upper half of base·2ⁿ⁻¹ (capped at 2 s): 50–100 ms first, 800–1600 ms fifth.
    assertThat(pauses.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(pauses.get(4)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1600));
  }

  @Test
  void anyOtherFailureIsThrownAtOnceWithoutRetrying() {
    AtomicInteger attempts = new AtomicInteger();
    IllegalArgumentException invalid = new IllegalArgumentException("not an ArticleIngested");
    assertThatThrownBy(() -> retry.run("record t-0@8", () -> {
      attempts.incrementAndGet();
      throw invalid;
    })).isSameAs(invalid);
    assertThat(attempts).hasValue(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void anInterruptedPauseGivesUpWithTheFailure() {
    TransientRetry interrupted = new TransientRetry(Duration.ofMillis(1), Duration.ofMillis(1), delay -> {
      throw new InterruptedException("shutting down");
    });
    IllegalStateException down = new IllegalStateException(new SQLException("Connection refused", "08001"));
    assertThatThrownBy(() -> interrupted.run("record t-0@9", () -> {
      throw down;
    })).isSameAs(down).satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
    assertThat(Thread.interrupted()).isTrue();
  }
}
