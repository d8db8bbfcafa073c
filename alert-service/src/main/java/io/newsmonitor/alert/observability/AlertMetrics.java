package io.newsmonitor.alert.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.newsmonitor.alert.delivery.AttemptOutcome;
import io.newsmonitor.alert.delivery.Delivery;
import io.newsmonitor.alert.delivery.DeliveryRepository;
import io.newsmonitor.alert.delivery.DeliveryStatus;
import io.newsmonitor.alert.matching.AlertMatch;
import io.newsmonitor.support.observability.LatencyTimers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Articles matched, alerts raised or attached, how long matching one article takes, deliveries by channel and outcome, the
 * end-to-end latency of a delivered alert (article ingested → delivered), and the outbox's backlog. Created at startup, so
 * that every series exists before the first article.
 */
@Startup
@ApplicationScoped
public class AlertMetrics {

  /** Channels as the metrics name them: a digest's delivery is told apart from an alert's on the same channel. */
  static final List<String> CHANNELS = List.of("webhook", "email", "kafka", "digest-webhook", "digest-email");
  private static final List<String> OUTCOMES = List.of("delivered", "retried", "parked");

  private final Counter alerted;
  private final Counter noNewAlert;
  private final Counter alerts;
  private final Counter attached;
  private final Timer matching;
  private final Map<String, Counter> deliveries = new HashMap<>();
  private final Map<String, Timer> latencies = new HashMap<>();

  AlertMetrics(MeterRegistry registry, DeliveryRepository outbox) {
    alerted = matched(registry, "alerted");
    noNewAlert = matched(registry, "no-new-alert");
    alerts = alerts(registry, "alert");
    attached = alerts(registry, "attached");
    matching = LatencyTimers.timer(registry, "newsmonitor.match.duration",
        "Matching one article against the active rules: the index lookup and the evaluation of its candidates", Tags.empty());
    for (String channel : CHANNELS) {
      for (String outcome : OUTCOMES) {
        deliveries.put(channel + "/" + outcome, Counter.builder("newsmonitor.deliveries").description("Delivery attempts, by channel and outcome")
            .tag("channel", channel).tag("outcome", outcome).register(registry));
      }
      latencies.put(channel, LatencyTimers.timer(registry, "newsmonitor.delivery.latency",
          "From the article ingested to its alert delivered, end to end", Tags.of("channel", channel)));
    }
    Gauge.builder("newsmonitor.outbox.pending", () -> QuarkusTransaction.requiringNew().call(outbox::countPending))
        .description("Deliveries waiting to be sent (due now or retried later)")
        .register(registry);
  }

  private static Counter matched(MeterRegistry registry, String result) {
    return Counter.builder("newsmonitor.articles.matched").description("Enriched articles consumed: alerted (at least one new alert) or not")
        .tag("result", result).register(registry);
  }

  private static Counter alerts(MeterRegistry registry, String kind) {
    return Counter.builder("newsmonitor.alerts").description("Alerts raised, and later copies of a story attached to its alert")
        .tag("kind", kind).register(registry);
  }

  /** An article matched, which started at {@code startNanos} ({@link System#nanoTime()}). */
  public void matchedIn(long startNanos) {
    matching.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }

  /**
   * An enriched article consumed and committed, with {@code newAlerts} first alerts of a story and {@code attachedCopies}
   * later copies attached to their story's alert. Counted after the commit, so that an attempt rolled back and retried
   * counts once.
   */
  public void consumed(int newAlerts, int attachedCopies) {
    (newAlerts > 0 ? alerted : noNewAlert).increment();
    alerts.increment(newAlerts);
    attached.increment(attachedCopies);
  }

  /**
   * An attempt of {@code delivery}, already recorded on it, of {@code match}'s alert (null for a digest). A delivered alert
   * measures its latency from the article's ingestion; a digest's, held back for its period by design, does not.
   */
  public void attempted(Delivery delivery, AlertMatch match, AttemptOutcome outcome, Instant now) {
    String channel = delivery.digestId == null ? delivery.channel : "digest-" + delivery.channel;
    String result = outcome.delivered() ? "delivered" : delivery.status == DeliveryStatus.FAILED ? "parked" : "retried";
    Counter counter = deliveries.get(channel + "/" + result);
    if (counter != null) {
      counter.increment();
    }
    if (outcome.delivered() && match != null && match.ingestedAt != null && latencies.containsKey(channel)) {
      latencies.get(channel).record(Duration.between(match.ingestedAt, now));
    }
  }
}
