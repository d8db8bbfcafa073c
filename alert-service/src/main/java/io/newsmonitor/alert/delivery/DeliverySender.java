package io.newsmonitor.alert.delivery;

import io.newsmonitor.alert.ReadOnlyEntities;
import io.newsmonitor.alert.digest.Digest;
import io.newsmonitor.alert.digest.DigestMailer;
import io.newsmonitor.alert.matching.AlertMatch;
import io.newsmonitor.alert.matching.DeliveriesQueued;
import io.newsmonitor.alert.observability.AlertMetrics;
import io.newsmonitor.alert.observability.DeliveryTracing;
import io.newsmonitor.alert.subscription.Subscription;
import io.newsmonitor.events.AlertRaised;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.support.observability.LogContext;
import io.newsmonitor.support.retry.Backoff;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Sends due deliveries: at once when a match commits, when a retry falls due, and on a sweep every
 * {@code alert.delivery.sweep-interval} (which also picks up what a restart or another instance left), over the channel of
 * each: webhook, e-mail or {@code news.alerts}. A failure worth retrying is retried with exponential backoff and jitter and
 * parked after {@code alert.delivery.max-attempts}; one no retry can fix is parked at once. A sender claims a batch of
 * due deliveries ({@code alert.delivery.batch-size}) and attempts them side by side in one transaction holding their row
 * locks ({@code FOR UPDATE SKIP LOCKED}), so no two senders attempt the same delivery at once; a crash mid-batch leaves
 * them pending, and the receiver drops a repeat by its idempotency key.
 */
@ApplicationScoped
public class DeliverySender {

  private static final long KICK_MARGIN_MILLIS = 5;

  private final DeliveryRepository deliveries;
  private final EntityManager entityManager;
  private final WebhookClient webhooks;
  private final EmailClient emails;
  private final AlertPublisher alerts;
  private final DigestMailer digestMails;
  private final DeliveryConfig config;
  private final AlertMetrics metrics;
  private final DeliveryTracing tracing;
  // alert.delivery.senders threads per instance drain the outbox side by side; more instances scale it out.
  private final ScheduledExecutorService executor;
  private final Semaphore sweepers;
  /** Where the attempts of a batch run side by side; they wait on receivers and the broker, not on the CPU. */
  private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicBoolean again = new AtomicBoolean();
  // The scheduler starts at StartupEvent priority 0, before messaging connects the news.alerts emitter (priority 1000).
  private volatile boolean started;
  private volatile boolean stopped;

  public DeliverySender(DeliveryRepository deliveries, EntityManager entityManager, WebhookClient webhooks, EmailClient emails,
      AlertPublisher alerts, DigestMailer digestMails, DeliveryConfig config, AlertMetrics metrics, DeliveryTracing tracing) {
    this.metrics = metrics;
    this.tracing = tracing;
    this.deliveries = deliveries;
    this.entityManager = entityManager;
    this.webhooks = webhooks;
    this.emails = emails;
    this.alerts = alerts;
    this.digestMails = digestMails;
    this.config = config;
    this.sweepers = new Semaphore(config.senders());
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newScheduledThreadPool(config.senders(), runnable -> {
      Thread thread = new Thread(runnable, "alert-delivery-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued queued) {
    // A sweep per batch of what was queued, up to every sender: one more finds the rows locked by the others and ends having
    // claimed nothing, a transaction and a query for naught. A sweep goes on while deliveries are due, so a backlog needs no more.
    for (int sender = 0; sender < Math.min(config.senders(), Math.ceilDiv(queued.count(), config.batchSize())); sender++) {
      kick(Duration.ZERO);
    }
  }

  @Scheduled(every = "${alert.delivery.sweep-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "alert-delivery-sweep")
  void scheduledSweep() {
    sweep();
  }

  void onStart(@Observes StartupEvent event) {
    started = true;
  }

  void onShutdown(@Observes ShutdownEvent event) {
    stop();
  }

  /**
   * Sends every due delivery, side by side with the other sweeps of this instance up to {@code alert.delivery.senders}
   * (when all are busy, one of them goes round once more), unless this instance does not send
   * ({@code alert.delivery.sender-enabled=false}) or has not finished starting.
   */
  public void sweep() {
    if (!config.senderEnabled() || !started) {
      return;
    }
    again.set(true);
    while (!stopped && again.get() && sweepers.tryAcquire()) {
      try {
        while (!stopped && again.getAndSet(false)) {
          Optional<Attempt> attempt;
          while (!stopped && (attempt = attemptDueBatch()).isPresent()) {
            // Kicked after the attempts' transaction commits: a sweep started earlier would skip the still-locked rows.
            attempt.get().retryAt().forEach(at -> kick(Duration.between(Instant.now(), at)));
          }
        }
      } finally {
        sweepers.release();
      }
    }
  }

  private void kick(Duration delay) {
    if (stopped) {
      return;
    }
    try {
      // Rounded up, plus a little: a sweep that runs a hair early finds nothing due and the retry waits for the next sweep.
      long millis = delay.isNegative() || delay.isZero() ? 0 : delay.plusNanos(999_999).toMillis() + KICK_MARGIN_MILLIS;
      executor.schedule(this::sweepSafely, millis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Shutting down: the next start's sweep sends it.
    }
  }

  private void sweepSafely() {
    try {
      sweep();
    } catch (RuntimeException e) {
      Log.warnf(e, "delivery sweep failed; the next sweep retries");
    }
  }

  /** What one batch of attempts left to do: when to try again the deliveries that failed and may be retried. */
  private record Attempt(List<Instant> retryAt) {
  }

  /**
   * One attempt of each of up to {@code alert.delivery.batch-size} deliveries due longest, in one transaction that holds
   * their row locks, sent side by side; empty when none is due.
   */
  private Optional<Attempt> attemptDueBatch() {
    return QuarkusTransaction.requiringNew().call(() -> {
      List<Delivery> claimed = deliveries.claimDue(Instant.now(), config.batchSize());
      if (claimed.isEmpty()) {
        return Optional.empty();
      }
      // Read-only: sending changes only the deliveries.
      Map<UUID, Subscription> subscriptions = ReadOnlyEntities.byId(session(), Subscription.class,
          claimed.stream().map(d -> d.subscriptionId).toList(), s -> s.id);
      Map<UUID, AlertMatch> matches = ReadOnlyEntities.byId(session(), AlertMatch.class,
          claimed.stream().map(d -> d.matchId).filter(Objects::nonNull).toList(), m -> m.id);
      List<InFlight> inFlight = new ArrayList<>(claimed.size());
      for (Delivery delivery : claimed) {
        Subscription subscription = subscriptions.get(delivery.subscriptionId);
        // A digest's delivery carries the digest, any other one alert.
        Digest digest = delivery.digestId == null ? null : entityManager.find(Digest.class, delivery.digestId);
        AlertMatch match = digest != null ? null : matches.get(delivery.matchId);
        // Side by side: the batch waits for its slowest receiver, and its news.alerts records share a round of acknowledgements.
        inFlight.add(new InFlight(delivery, subscription, digest, match, attempts.submit(() -> {
          // The article's trace, continued on the attempt's thread: the webhook's traceparent and the news.alerts record's
          // headers come from it.
          try (LogContext ignored = logContext(delivery); Scope resumed = tracing.resume(delivery, match)) {
            return send(delivery, digest, match, subscription);
          }
        })));
      }
      List<Instant> retries = new ArrayList<>();
      for (InFlight attempt : inFlight) {
        try (LogContext ignored = logContext(attempt.delivery())) {
          recordAttempt(attempt).ifPresent(retries::add);
        }
      }
      return Optional.of(new Attempt(retries));
    });
  }

  /** Records the attempt's outcome on its delivery; when the delivery is to be retried, the time of its next attempt. */
  private Optional<Instant> recordAttempt(InFlight attempt) {
    Delivery delivery = attempt.delivery();
    Subscription subscription = attempt.subscription();
    String what = attempt.digest() != null ? "digest " + attempt.digest().id : "alert " + attempt.match().id + " (\"" + attempt.match().articleTitle + "\")";
    AttemptOutcome outcome = outcome(attempt.outcome());
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    record(delivery, outcome, now);
    metrics.attempted(delivery, attempt.match(), outcome, now);
    if (outcome.delivered()) {
      Log.infof("delivered %s for subscription \"%s\" by %s to %s", what, subscription.name, delivery.channel, delivery.targetUrl);
    } else if (delivery.status == DeliveryStatus.FAILED) {
      Log.warnf("parked %s for subscription \"%s\" to %s as FAILED after %d attempts: %s", what, subscription.name,
          delivery.targetUrl, delivery.attempts, outcome.error());
    } else {
      Log.infof("%s for subscription \"%s\" to %s failed (attempt %d, next at %s): %s", what, subscription.name,
          delivery.targetUrl, delivery.attempts, delivery.nextAttemptAt, outcome.error());
      return Optional.of(delivery.nextAttemptAt);
    }
    return Optional.empty();
  }

  private static LogContext logContext(Delivery delivery) {
    return LogContext.of(LogContext.SUBSCRIPTION_ID, delivery.subscriptionId).and(LogContext.DELIVERY_ID, delivery.id);
  }

  /** A delivery of the batch whose attempt is under way. */
  private record InFlight(Delivery delivery, Subscription subscription, Digest digest, AlertMatch match, Future<AttemptOutcome> outcome) {
  }

  private Session session() {
    return entityManager.unwrap(Session.class);
  }

  private static AttemptOutcome outcome(Future<AttemptOutcome> attempt) {
    try {
      return attempt.get();
    } catch (ExecutionException e) {
      // A failed attempt of this delivery alone, retried like any other. Thrown on, it would roll back the whole batch, whose
      // other attempts may have reached their receivers already: they would be sent again on every sweep.
      Log.warnf(e.getCause(), "attempt failed unexpectedly; it is retried");
      return AttemptOutcome.retry(null, "attempt failed: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while attempting deliveries", e);
    }
  }

  /** Sends the digest's or else the alert's JSON on the delivery's channel (news.alerts carries alerts only). */
  private AttemptOutcome send(Delivery delivery, Digest digest, AlertMatch match, Subscription subscription) {
    String payload = digest != null ? digest.payload : match.payload;
    return switch (delivery.channel) {
      // Signed with the secret as it is now: a receiver verifies with the secret it was last given.
      case Delivery.CHANNEL_WEBHOOK -> webhooks.post(delivery.targetUrl, payload, delivery.id.toString(), subscription.webhookSecret);
      case Delivery.CHANNEL_KAFKA -> alerts.publish(match);
      case Delivery.CHANNEL_EMAIL -> digest != null
          ? digestMails.send(delivery.targetUrl, payload, delivery.id.toString())
          : emails.send(delivery.targetUrl, EventCodec.instance().fromJson(payload, AlertRaised.class), delivery.id.toString());
      // The table's check allows no other; a row written by a newer version is retried and parked, visibly.
      default -> AttemptOutcome.retry(null, "unknown channel " + delivery.channel);
    };
  }

  private void record(Delivery delivery, AttemptOutcome outcome, Instant now) {
    if (outcome.delivered()) {
      delivery.delivered(now, outcome.statusCode());
    } else if (outcome.permanent()) {
      delivery.failedPermanently(now, outcome.statusCode(), outcome.error());
    } else {
      int attempt = delivery.attempts + 1;
      Duration delay = Backoff.delay(attempt, config.backoffBase(), config.backoffCap(), ThreadLocalRandom.current().nextDouble());
      delivery.failed(now, outcome.statusCode(), outcome.error(), config.maxAttempts(), delay);
    }
  }

  @PreDestroy
  void stop() {
    stopped = true;
    executor.shutdownNow();
    attempts.shutdownNow();
  }
}
