package io.newsmonitor.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsmonitor.alert.subscription.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How attempts move a delivery: delivered, retried later, or parked as failed after the last allowed attempt. */
class DeliveryTests {

  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  private final Delivery delivery = Delivery.webhook(UUID.randomUUID(), UUID.randomUUID(), "https://hooks.example.org/a", T0);

  @Test
  void aNewDeliveryIsDueAtOnce() {
    assertThat(delivery.status).isEqualTo(DeliveryStatus.PENDING);
    assertThat(delivery.attempts).isZero();
    assertThat(delivery.nextAttemptAt).isEqualTo(T0);
    assertThat(delivery.channel).isEqualTo("webhook");
  }

  @Test
  void eachChannelOfTheSubscriptionGetsADeliveryOfItsOwn() {
    Subscription subscription = new Subscription();
    subscription.id = UUID.randomUUID();
    subscription.webhookUrl = "https://hooks.example.org/a";
    subscription.email = "analyst@example.org";
    UUID matchId = UUID.randomUUID();

    assertThat(Delivery.forEachChannel(matchId, subscription, T0))
        .extracting(d -> d.channel, d -> d.targetUrl, d -> d.matchId, d -> d.status, d -> d.nextAttemptAt)
        .containsExactly(
            tuple("webhook", "https://hooks.example.org/a", matchId, DeliveryStatus.PENDING, T0),
            tuple("email", "analyst@example.org", matchId, DeliveryStatus.PENDING, T0));
    assertThat(Delivery.forEachChannel(matchId, subscription, T0)).extracting(d -> d.id).doesNotHaveDuplicates();

    subscription.webhookUrl = null;
    assertThat(Delivery.forEachChannel(matchId, subscription, T0)).extracting(d -> d.channel).containsExactly("email");
  }

  @Test
  void aFailedAttemptIsRetriedAfterTheDelay() {
    delivery.failed(T0, 503, "HTTP 503", 3, Duration.ofSeconds(2));

    assertThat(delivery.status).isEqualTo(DeliveryStatus.PENDING);
    assertThat(delivery.attempts).isEqualTo(1);
    assertThat(delivery.nextAttemptAt).isEqualTo(T0.plusSeconds(2));
    assertThat(delivery.lastStatusCode).isEqualTo(503);
    assertThat(delivery.lastError).isEqualTo("HTTP 503");
  }

  @Test
  void theLastAllowedAttemptParksIt() {
    delivery.failed(T0, 503, "HTTP 503", 3, Duration.ofSeconds(1));
    delivery.failed(T0.plusSeconds(1), null, "ConnectException", 3, Duration.ofSeconds(2));
    delivery.failed(T0.plusSeconds(3), 500, "HTTP 500", 3, Duration.ofSeconds(4));

    assertThat(delivery.status).isEqualTo(DeliveryStatus.FAILED);
    assertThat(delivery.attempts).isEqualTo(3);
    assertThat(delivery.lastStatusCode).isEqualTo(500);
    assertThat(delivery.deliveredAt).isNull();
  }

  @Test
  void aDeliveredAttemptClearsTheLastError() {
    delivery.failed(T0, null, "timed out", 10, Duration.ofSeconds(1));
    delivery.delivered(T0.plusSeconds(1), 204);

    assertThat(delivery.status).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(delivery.attempts).isEqualTo(2);
    assertThat(delivery.deliveredAt).isEqualTo(T0.plusSeconds(1));
    assertThat(delivery.lastStatusCode).isEqualTo(204);
    assertThat(delivery.lastError).isNull();
  }

  @Test
  void aParkedDeliveryIsReDrivenDueNowWithItsAttemptsCountedAfresh() {
    delivery.failed(T0, 503, "HTTP 503", 1, Duration.ofSeconds(1));

    assertThat(delivery.redrive(T0.plusSeconds(60))).isTrue();

    assertThat(delivery.status).isEqualTo(DeliveryStatus.PENDING);
    assertThat(delivery.attempts).isZero();
    assertThat(delivery.nextAttemptAt).isEqualTo(T0.plusSeconds(60));
    assertThat(delivery.lastError).as("kept until the next attempt").isEqualTo("HTTP 503");
  }

  @Test
  void onlyAParkedDeliveryIsReDriven() {
    assertThat(delivery.redrive(T0.plusSeconds(60))).isFalse();
    assertThat(delivery.nextAttemptAt).isEqualTo(T0);

    delivery.delivered(T0, 200);
    assertThat(delivery.redrive(T0.plusSeconds(60))).isFalse();
    assertThat(delivery.status).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(delivery.attempts).isEqualTo(1);
  }

  @Test
  void aFailureNoRetryCanFixParksItAtOnce() {
    delivery.failed(T0, 503, "HTTP 503", 10, Duration.ofSeconds(1));
    delivery.failedPermanently(T0.plusSeconds(1), 404, "HTTP 404");

    assertThat(delivery.status).isEqualTo(DeliveryStatus.FAILED);
    assertThat(delivery.attempts).isEqualTo(2);
    assertThat(delivery.lastStatusCode).isEqualTo(404);
    assertThat(delivery.lastError).isEqualTo("HTTP 404");
  }

  @Test
  void theAlertsTopicIsAChannelOfItsOwnWithoutStatusCode() {
    Delivery kafka = Delivery.kafka(UUID.randomUUID(), UUID.randomUUID(), "news.alerts", T0);
    kafka.delivered(T0.plusMillis(5), null);

    assertThat(kafka.channel).isEqualTo("kafka");
    assertThat(kafka.targetUrl).isEqualTo("news.alerts");
    assertThat(kafka.status).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(kafka.lastStatusCode).isNull();
  }
}
