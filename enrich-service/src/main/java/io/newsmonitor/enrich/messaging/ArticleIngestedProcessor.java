package io.newsmonitor.enrich.messaging;

import io.newsmonitor.enrich.observability.EnrichMetrics;
import io.newsmonitor.enrich.service.EnrichService;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.CloudEvents;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.events.InvalidEventException;
import io.newsmonitor.support.retry.TransientRetry;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/**
 * Reads {@code news.articles.ingested}, enriches each article and publishes it on {@code news.articles.enriched} with the
 * same key. A record that cannot be processed (not JSON, a schema violation, a failure while enriching) is nacked: the
 * channel's dead-letter-queue strategy sends it to {@code news.articles.ingested.dlq} with the reason in its headers, and
 * the next record is processed. A failure of the database itself is not the record's fault: the record is tried again
 * until the database is back.
 */
@ApplicationScoped
public class ArticleIngestedProcessor {

  public static final String INCOMING = "articles-ingested";
  public static final String OUTGOING = "articles-enriched";
  /** CloudEvents {@code source} of every record this service publishes. */
  public static final URI SOURCE = URI.create("/newsmonitor/enrich-service");

  private final EnrichService enrichService;
  private final EnrichMetrics metrics;
  private final TransientRetry transientRetry;
  private final EventCodec codec = EventCodec.instance();

  public ArticleIngestedProcessor(EnrichService enrichService, EnrichMetrics metrics,
      @ConfigProperty(name = "news.transient-retry.base") Duration retryBase,
      @ConfigProperty(name = "news.transient-retry.cap") Duration retryCap) {
    this.enrichService = enrichService;
    this.metrics = metrics;
    this.transientRetry = new TransientRetry(retryBase, retryCap);
  }

  /**
   * Enriches one record. The signature takes and returns a {@link Message} to set the key and the CloudEvents id of the
   * output, so acknowledgement is manual: the output message carries the input's ack and nack (acknowledged once the
   * enriched record is written), and any failure nacks the input and skips it, instead of failing the stream.
   */
  @Incoming(INCOMING)
  @Outgoing(OUTGOING)
  @Blocking // writes PostgreSQL; ordered, so a partition's records are processed one after the other
  public Message<String> process(Message<String> in) {
    long start = System.nanoTime();
    try {
      ArticleIngested article = decode(in.getPayload());
      ArticleEnriched enriched = transientRetry.call(describe(in), () -> enrichService.enrich(article));
      String json = codec.toJson(enriched);
      String key = in.getMetadata(IncomingKafkaRecordMetadata.class)
          .map(IncomingKafkaRecordMetadata::getKey)
          .filter(Objects::nonNull)
          .map(Object::toString)
          .orElse(article.id());
      // Deterministic id and time: processing the same revision twice publishes the same event, which consumers drop.
      OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
          .withId(article.id() + ":" + article.revision())
          .withType(CloudEvents.TYPE_ARTICLE_ENRICHED)
          .withSource(SOURCE)
          .withTimestamp(enriched.enrichedAt().atZone(ZoneOffset.UTC))
          .build();
      metrics.enriched(start);
      // New metadata rather than the input's: the input's Kafka metadata would steer the sink (reply topic, partition, headers).
      return in.withPayload(json).withMetadata(Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build(), cloudEvent));
    } catch (RuntimeException e) {
      Log.warnf("Record %s not enriched, sending it to the dead-letter topic: %s", describe(in), e.getMessage());
      metrics.failed();
      in.nack(e);
      return null;
    }
  }

  private ArticleIngested decode(String payload) {
    if (payload == null || payload.isBlank()) {
      throw new InvalidEventException("empty payload for ArticleIngested", List.of(), null);
    }
    return codec.fromJson(payload, ArticleIngested.class);
  }

  private static String describe(Message<String> message) {
    return message.getMetadata(IncomingKafkaRecordMetadata.class)
        .map(m -> m.getTopic() + "-" + m.getPartition() + "@" + m.getOffset() + " key " + m.getKey())
        .orElse("(no Kafka metadata)");
  }
}
