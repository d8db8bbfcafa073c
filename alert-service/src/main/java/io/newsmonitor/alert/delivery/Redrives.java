package io.newsmonitor.alert.delivery;

import io.newsmonitor.alert.Ids;
import io.newsmonitor.alert.matching.DeliveriesQueued;
import io.newsmonitor.alert.subscription.Subscription;
import io.newsmonitor.alert.subscription.SubscriptionService;
import io.newsmonitor.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Putting an analyst's parked deliveries back in the outbox, for the API and the console alike; the senders are told at
 * once after the commit.
 */
@ApplicationScoped
public class Redrives {

  private final DeliveryRepository deliveries;
  private final SubscriptionService subscriptions;
  private final Event<DeliveriesQueued> queued;

  public Redrives(DeliveryRepository deliveries, SubscriptionService subscriptions, Event<DeliveriesQueued> queued) {
    this.deliveries = deliveries;
    this.subscriptions = subscriptions;
    this.queued = queued;
  }

  /**
   * Re-drives one parked delivery of the analyst (see {@link Delivery#redrive}).
   *
   * @return the delivery as it is now
   * @throws ProblemException 404 when the analyst has no such delivery, 409 when it is not parked
   */
  @Transactional
  public DeliverySummary redrive(String owner, String id) {
    Delivery delivery = Ids.parseUuid(id).flatMap(uuid -> deliveries.findOwned(uuid, owner))
        .orElseThrow(() -> ProblemException.notFound("delivery " + id));
    if (!delivery.redrive(now())) {
      throw new ProblemException(409, "Not parked", "delivery " + id + " is " + delivery.status + "; only a FAILED delivery can be re-driven");
    }
    queued.fire(new DeliveriesQueued(1));
    return deliveries.summary(delivery.id);
  }

  /**
   * Re-drives every parked delivery of one of the analyst's subscriptions.
   *
   * @return how many
   * @throws ProblemException 400 without a subscription id, 404 when the analyst has no such subscription
   */
  @Transactional
  public int redriveSubscription(String owner, String subscriptionId) {
    if (subscriptionId == null || subscriptionId.isBlank()) {
      throw ProblemException.badField("subscriptionId", "is required");
    }
    Subscription subscription = subscriptions.get(owner, subscriptionId.strip());
    int redriven = deliveries.redriveParked(subscription.id, now());
    if (redriven > 0) {
      queued.fire(new DeliveriesQueued(redriven));
    }
    return redriven;
  }

  private static Instant now() {
    // PostgreSQL keeps microseconds.
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
