package io.newsmonitor.alert.delivery;

import io.newsmonitor.alert.matching.AlertMatch;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.ZoneOffset;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes an alert on {@code news.alerts} keyed by its subscription, with CloudEvents headers, and waits for the broker's
 * acknowledgement ({@code acks=all}); never throws for the broker's failures. The channel's configuration supplies the
 * topic, {@code ce_type} and {@code ce_source}; the alert its {@code ce_id}, so that a consumer drops the repeat of a
 * publication retried after a lost acknowledgement.
 */
@ApplicationScoped
public class AlertPublisher {

  /** The outgoing channel, configured under {@code mp.messaging.outgoing.alerts.*}. */
  public static final String CHANNEL = "alerts";

  private final MutinyEmitter<String> emitter;
  private final Duration timeout;

  AlertPublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter, DeliveryConfig config) {
    this.emitter = emitter;
    this.timeout = config.publishTimeout();
  }

  /** Sends the alert's {@code AlertRaised} JSON, exactly as the webhook gets it. */
  public AttemptOutcome publish(AlertMatch alert) {
    Message<String> message = Message.of(alert.payload)
        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(alert.subscriptionId.toString()).build())
        .addMetadata(OutgoingCloudEventMetadata.builder()
            .withId(alert.id.toString())
            .withSubject(alert.storyId)
            .withTimestamp(alert.matchedAt.atZone(ZoneOffset.UTC))
            .build());
    try {
      emitter.sendMessage(message).await().atMost(timeout);
      return AttemptOutcome.delivered(null);
    } catch (RuntimeException e) {
      return AttemptOutcome.retry(null, "news.alerts: " + describe(e));
    }
  }

  private static String describe(Throwable failure) {
    return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
  }
}
