package io.newsmonitor.alert.digest;

import io.newsmonitor.alert.delivery.Delivery;
import io.newsmonitor.alert.delivery.DeliveryRepository;
import io.newsmonitor.alert.matching.DeliveriesQueued;
import io.newsmonitor.alert.subscription.Subscription;
import io.newsmonitor.alert.subscription.SubscriptionRepository;
import io.newsmonitor.events.AlertRaised;
import io.newsmonitor.events.EventCodec;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Makes the digests of closed periods: for every HOURLY or DAILY subscription with alerts in a period that ended at least
 * {@code alert.digest.settle} ago, within {@code alert.digest.look-back}, one digest and one delivery per webhook and e-mail
 * channel, in one transaction. The digest's unique key per (subscription, period) makes a run after a restart, or two
 * instances running at once, add nothing; looking back rather than only at the last period makes a restart miss nothing.
 */
@ApplicationScoped
public class DigestJob {

  private final DigestRepository digests;
  private final SubscriptionRepository subscriptions;
  private final DeliveryRepository deliveries;
  private final Event<DeliveriesQueued> queued;
  private final DigestConfig config;

  public DigestJob(DigestRepository digests, SubscriptionRepository subscriptions, DeliveryRepository deliveries, Event<DeliveriesQueued> queued,
      DigestConfig config) {
    this.digests = digests;
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
    this.queued = queued;
    this.config = config;
  }

  @Scheduled(every = "${alert.digest.every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "alert-digest")
  void scheduledRun() {
    run(Instant.now());
  }

  /**
   * Makes the digests of the periods closed at {@code now}.
   *
   * @param now the clock's time, or any other in tests: it decides which periods are closed, never when deliveries are due
   * @return how many digests this call made
   */
  public int run(Instant now) {
    Instant closedBefore = now.minus(config.settle());
    List<DigestRepository.Undigested> undigested =
        QuarkusTransaction.requiringNew().call(() -> digests.undigested(now.minus(config.lookBack()), closedBefore));
    Set<Pending> pending = new LinkedHashSet<>();
    for (DigestRepository.Undigested alerts : undigested) {
      DigestPeriod period = DigestPeriod.of(alerts.mode(), alerts.matchedAt(), config.zone());
      if (period.isClosedAt(closedBefore)) {
        pending.add(new Pending(alerts.subscriptionId(), period));
      }
    }
    int made = 0;
    for (Pending each : pending) {
      try {
        if (QuarkusTransaction.requiringNew().call(() -> make(each.subscriptionId(), each.period()))) {
          made++;
        }
      } catch (RuntimeException e) {
        // One subscription's bad period must not hold up the others; the next run tries it again.
        Log.warnf(e, "digest of subscription %s for %s .. %s failed; the next run retries", each.subscriptionId(), each.period().start(),
            each.period().end());
      }
    }
    return made;
  }

  private record Pending(UUID subscriptionId, DigestPeriod period) {
  }

  private boolean make(UUID subscriptionId, DigestPeriod period) {
    Subscription subscription = subscriptions.findById(subscriptionId);
    if (subscription == null) {
      // Deleted since it was looked for, with its alerts.
      return false;
    }
    List<AlertRaised> alerts = digests.alertPayloads(subscriptionId, period).stream()
        .map(json -> EventCodec.instance().fromJson(json, AlertRaised.class))
        .toList();
    Instant created = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Digest digest = new Digest();
    digest.id = UUID.randomUUID();
    digest.subscriptionId = subscriptionId;
    digest.periodStart = period.start();
    digest.periodEnd = period.end();
    digest.createdAt = created;
    DigestPayload payload = DigestPayload.of(digest.id.toString(), subscription, period, alerts);
    digest.payload = payload.toJson();
    if (!digests.insertIfAbsent(digest)) {
      return false;
    }
    List<Delivery> queuedHere = Delivery.forDigest(digest.id, subscription, created);
    deliveries.persist(queuedHere);
    Log.infof("digest %s of subscription \"%s\" for %s .. %s: %d alert(s) in %d story(ies), %d delivery(ies)", digest.id, subscription.name,
        period.start(), period.end(), payload.alertCount(), payload.stories().size(), queuedHere.size());
    if (!queuedHere.isEmpty()) {
      queued.fire(new DeliveriesQueued(queuedHere.size()));
    }
    return true;
  }
}
