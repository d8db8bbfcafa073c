package io.newsmonitor.systemtests.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Probes one service's readiness through an outage of the broker or the database, as Kubernetes would (every half second,
 * each probe given {@link #PROBE_TIMEOUT}), and says when it first answered 503 to a probe sent during the outage and when it
 * first answered 200 to a probe sent after the restart. Probes overlap: one that hangs does not delay the next.
 */
final class ReadinessWatch {

  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration PROBE_EVERY = Duration.ofMillis(500);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI ready;
  private final Instant began;
  private final Thread prober;
  private volatile Instant restarted;
  private volatile Instant down;
  private volatile Instant unanswered;
  private volatile Instant up;

  private ReadinessWatch(String serviceUrl, Instant began) {
    this.ready = URI.create(serviceUrl + "/q/health/ready");
    this.began = began;
    this.prober = Thread.ofVirtual().name("readiness " + serviceUrl).start(this::probe);
  }

  /** Starts probing now, for an outage that begins at {@code began}. */
  static ReadinessWatch start(String serviceUrl, Instant began) {
    return new ReadinessWatch(serviceUrl, began);
  }

  /** The outage is over: from now on a 200 means ready again. */
  void restarted() {
    restarted = Instant.now();
  }

  /** Waits until a probe sent after {@link #restarted()} answers 200, at most {@code timeout}; then stops probing. */
  Optional<Duration> awaitUp(Duration timeout) throws InterruptedException {
    prober.join(timeout);
    prober.interrupt();
    return Optional.ofNullable(up).map(at -> Duration.between(restarted, at));
  }

  /** From the outage's beginning to the first 503 answered to a probe sent during it. */
  Optional<Duration> down() {
    return Optional.ofNullable(down).map(at -> Duration.between(began, at));
  }

  /** From the outage's beginning to the first probe sent during it that got no answer within {@link #PROBE_TIMEOUT}. */
  Optional<Duration> unanswered() {
    return Optional.ofNullable(unanswered).map(at -> Duration.between(began, at));
  }

  private void probe() {
    while (up == null && !Thread.currentThread().isInterrupted()) {
      boolean duringOutage = restarted == null;
      CompletableFuture<HttpResponse<Void>> answer = http.sendAsync(HttpRequest.newBuilder(ready).timeout(PROBE_TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      answer.orTimeout(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).whenComplete((response, failure) -> {
        Instant at = Instant.now();
        if (duringOutage && response != null && response.statusCode() == 503 && down == null) {
          down = at;
        } else if (duringOutage && failure != null && unanswered == null) {
          unanswered = at;
        } else if (!duringOutage && response != null && response.statusCode() == 200 && up == null) {
          up = at;
        }
      });
      LockSupport.parkNanos(PROBE_EVERY.toNanos());
    }
  }
}
