package io.newsmonitor.alert.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsmonitor.alert.delivery.Delivery;
import io.newsmonitor.alert.delivery.DeliveryStatus;
import io.newsmonitor.alert.subscription.Subscription;
import io.newsmonitor.alert.subscription.SubscriptionMode;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which deliveries an alert and a digest make, by the subscription's mode. */
class DigestDeliveriesTests {

  private static final Instant T0 = Instant.parse("2026-11-29T11:01:00Z");

  @Test
  void anAlertOfAnHourlyOrDailySubscriptionMakesNoWebhookOrEmailDelivery() {
    for (SubscriptionMode mode : new SubscriptionMode[] {SubscriptionMode.HOURLY, SubscriptionMode.DAILY}) {
      assertThat(Delivery.forEachChannel(UUID.randomUUID(), subscription(mode), T0))
          .extracting(delivery -> delivery.channel).doesNotContain(Delivery.CHANNEL_WEBHOOK, Delivery.CHANNEL_EMAIL);
    }
  }

  @Test
  void anAlertOfAnImmediateSubscriptionStillMakesOnePerChannel() {
    assertThat(Delivery.forEachChannel(UUID.randomUUID(), subscription(SubscriptionMode.IMMEDIATE), T0))
        .extracting(delivery -> delivery.channel).contains(Delivery.CHANNEL_WEBHOOK, Delivery.CHANNEL_EMAIL);
  }

  @Test
  void aDigestMakesOneDeliveryPerWebhookAndEmailCarryingTheDigestAndNoMatch() {
    Subscription subscription = subscription(SubscriptionMode.DAILY);
    UUID digestId = UUID.randomUUID();

    assertThat(Delivery.forDigest(digestId, subscription, T0))
        .extracting(d -> d.channel, d -> d.targetUrl, d -> d.digestId, d -> d.matchId, d -> d.status, d -> d.nextAttemptAt)
        .containsExactly(
            tuple("webhook", "https://hooks.example.org/a", digestId, null, DeliveryStatus.PENDING, T0),
            tuple("email", "analyst@example.org", digestId, null, DeliveryStatus.PENDING, T0));
  }

  private static Subscription subscription(SubscriptionMode mode) {
    Subscription subscription = new Subscription();
    subscription.id = UUID.randomUUID();
    subscription.webhookUrl = "https://hooks.example.org/a";
    subscription.email = "analyst@example.org";
    subscription.mode = mode;
    return subscription;
  }
}
