package io.newsmonitor.alert.delivery;

import io.newsmonitor.alert.subscription.Subscription;
import io.newsmonitor.alert.subscription.SubscriptionMode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One alert, or one digest, to send to one target: the outbox row, written with its match or digest and updated by every attempt. */
@Entity
@Table(name = "delivery")
public class Delivery {

  public static final String CHANNEL_WEBHOOK = "webhook";
  public static final String CHANNEL_EMAIL = "email";
  /** The {@code news.alerts} topic: every alert, whatever the subscription's channels. */
  public static final String CHANNEL_KAFKA = "kafka";
  public static final List<String> CHANNELS = List.of(CHANNEL_WEBHOOK, CHANNEL_EMAIL, CHANNEL_KAFKA);

  /** Also the idempotency key the receiver sees. */
  @Id
  public UUID id;

  /** Null for a digest's delivery. */
  @Column(name = "match_id")
  public UUID matchId;

  /** Set only for a digest's delivery, which carries the digest instead of one alert. */
  @Column(name = "digest_id")
  public UUID digestId;

  @Column(name = "subscription_id", nullable = false)
  public UUID subscriptionId;

  @Column(nullable = false)
  public String channel;

  /** The webhook's URL, the recipient's address for an e-mail, the topic for Kafka. */
  @Column(name = "target_url", nullable = false)
  public String targetUrl;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public DeliveryStatus status;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  public Instant nextAttemptAt;

  @Column(name = "last_error")
  public String lastError;

  @Column(name = "last_status_code")
  public Integer lastStatusCode;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "delivered_at")
  public Instant deliveredAt;

  /** One delivery due now per channel of the subscription: each is retried and parked on its own. */
  public static List<Delivery> forEachChannel(UUID matchId, Subscription subscription, Instant now) {
    // An HOURLY or DAILY subscription's webhook and e-mail hear once per period instead, from its digest's deliveries.
    if (subscription.mode == SubscriptionMode.HOURLY || subscription.mode == SubscriptionMode.DAILY) {
      return List.of();
    }
    return toWebhookAndEmail(matchId, subscription, now);
  }

  /** One delivery of the digest due now per webhook and e-mail channel of its subscription. */
  public static List<Delivery> forDigest(UUID digestId, Subscription subscription, Instant now) {
    List<Delivery> deliveries = toWebhookAndEmail(null, subscription, now);
    deliveries.forEach(delivery -> delivery.digestId = digestId);
    return deliveries;
  }

  private static List<Delivery> toWebhookAndEmail(UUID matchId, Subscription subscription, Instant now) {
    List<Delivery> deliveries = new ArrayList<>(2);
    if (subscription.webhookUrl != null) {
      deliveries.add(webhook(matchId, subscription.id, subscription.webhookUrl, now));
    }
    if (subscription.email != null) {
      deliveries.add(email(matchId, subscription.id, subscription.email, now));
    }
    return deliveries;
  }

  /** A webhook delivery due now. */
  public static Delivery webhook(UUID matchId, UUID subscriptionId, String url, Instant now) {
    return due(CHANNEL_WEBHOOK, matchId, subscriptionId, url, now);
  }

  /** An e-mail delivery due now. */
  public static Delivery email(UUID matchId, UUID subscriptionId, String address, Instant now) {
    return due(CHANNEL_EMAIL, matchId, subscriptionId, address, now);
  }

  /** A publication of the alert on the alerts topic, due now. */
  public static Delivery kafka(UUID matchId, UUID subscriptionId, String topic, Instant now) {
    return due(CHANNEL_KAFKA, matchId, subscriptionId, topic, now);
  }

  private static Delivery due(String channel, UUID matchId, UUID subscriptionId, String target, Instant now) {
    Delivery delivery = new Delivery();
    delivery.id = UUID.randomUUID();
    delivery.matchId = matchId;
    delivery.subscriptionId = subscriptionId;
    delivery.channel = channel;
    delivery.targetUrl = target;
    delivery.status = DeliveryStatus.PENDING;
    delivery.attempts = 0;
    delivery.nextAttemptAt = now;
    delivery.createdAt = now;
    return delivery;
  }

  /** Records an attempt the receiver accepted. */
  public void delivered(Instant now, Integer statusCode) {
    attempts++;
    status = DeliveryStatus.DELIVERED;
    deliveredAt = now;
    lastStatusCode = statusCode;
    lastError = null;
  }

  /**
   * Records a failed attempt: parked as {@link DeliveryStatus#FAILED} once {@code maxAttempts} attempts failed, otherwise
   * due again after {@code retryDelay}.
   *
   * @param statusCode the receiver's answer (HTTP status, SMTP reply code), or null when there was none (refused, timed out)
   */
  public void failed(Instant now, Integer statusCode, String error, int maxAttempts, Duration retryDelay) {
    attempts++;
    lastStatusCode = statusCode;
    lastError = error;
    if (attempts >= maxAttempts) {
      status = DeliveryStatus.FAILED;
    } else {
      nextAttemptAt = now.plus(retryDelay);
    }
  }

  /**
   * Puts a parked delivery back in the outbox, due now, with its attempts counted afresh; the last error stays until the
   * next attempt.
   *
   * @return false, changing nothing, when it is not parked ({@link DeliveryStatus#FAILED})
   */
  public boolean redrive(Instant now) {
    if (status != DeliveryStatus.FAILED) {
      return false;
    }
    status = DeliveryStatus.PENDING;
    attempts = 0;
    nextAttemptAt = now;
    return true;
  }

  /** Records a failed attempt that retrying cannot fix (a 4xx answer, a refused address): parked as FAILED at once. */
  public void failedPermanently(Instant now, Integer statusCode, String error) {
    // This attempt is the last one allowed.
    failed(now, statusCode, error, attempts + 1, Duration.ZERO);
  }
}
