package io.newsmonitor.support.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a consumer's work for one record again, with backoff, for as long as it fails transiently (see
 * {@link TransientFailures}), and lets any other failure through at once, for the dead-letter topic. Holding the record
 * holds its partition, which is what we want while the database is down: every later record would fail the same way.
 */
public final class TransientRetry {

  private static final Logger LOG = Logger.getLogger(TransientRetry.class);

  /** Waits between attempts; a parameter so that tests need not wait. */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration delay) throws InterruptedException;
  }

  private final Duration base;
  private final Duration cap;
  private final Pause pause;

  public TransientRetry(Duration base, Duration cap) {
    this(base, cap, delay -> Thread.sleep(delay));
  }

  public TransientRetry(Duration base, Duration cap, Pause pause) {
    this.base = Objects.requireNonNull(base, "base");
    this.cap = Objects.requireNonNull(cap, "cap");
    this.pause = Objects.requireNonNull(pause, "pause");
  }

  /**
   * The work's result, after as many attempts as transient failures required.
   *
   * @param what names the record in the log lines, e.g. its topic, partition and offset
   * @throws RuntimeException the first failure that is not transient, as thrown
   */
  public <T> T call(String what, Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        if (!TransientFailures.isTransient(e)) {
          throw e;
        }
        Duration delay = Backoff.delay(attempt, base, cap, ThreadLocalRandom.current().nextDouble());
        LOG.warnf("%s failed transiently (attempt %d), trying again in %d ms: %s", what, attempt, delay.toMillis(), rootMessage(e));
        try {
          pause.pause(delay);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          e.addSuppressed(interrupted);
          throw e;
        }
      }
    }
  }

  /** {@link #call} for work without a result. */
  public void run(String what, Runnable work) {
    call(what, () -> {
      work.run();
      return null;
    });
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
