package io.newsmonitor.ingest.service;

import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.ingest.config.IngestConfig;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.ZoneOffset;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Puts an {@link ArticleIngested} on {@code news.articles.ingested} and waits for the broker's acknowledgement
 * ({@code acks=all}), keyed by the article id, with CloudEvents headers. The channel's configuration supplies the
 * topic, {@code ce_type} and {@code ce_source}; this class the deterministic {@code ce_id} and {@code ce_time}.
 */
@ApplicationScoped
public class ArticlePublisher {

  /** The outgoing channel, configured under {@code mp.messaging.outgoing.articles-ingested.*}. */
  public static final String CHANNEL = "articles-ingested";

  private final MutinyEmitter<String> emitter;
  private final Duration timeout;

  // Constructor injection, as for every bean of the service.
  ArticlePublisher(@Channel(CHANNEL) MutinyEmitter<String> emitter, IngestConfig config) {
    this.emitter = emitter;
    this.timeout = config.publish().timeout();
  }

  /** {@code <articleId>:<revision>}: a re-send of the same revision has the same id, so consumers can drop it. */
  public static String cloudEventId(ArticleIngested article) {
    return article.id() + ":" + article.revision();
  }

  /**
   * Sends {@code article} and returns once the broker has it.
   *
   * @throws PublishFailedException when the broker refused the record or did not acknowledge it in time
   */
  public void publish(ArticleIngested article) {
    // The codec checks the payload against the contract's JSON Schema before anything leaves.
    String json = EventCodec.instance().toJson(article);
    Message<String> message = Message.of(json)
        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(article.id()).build())
        .addMetadata(OutgoingCloudEventMetadata.builder()
            .withId(cloudEventId(article))
            .withSubject(article.id())
            .withTimestamp(article.ingestedAt().atZone(ZoneOffset.UTC))
            .build());
    try {
      emitter.sendMessage(message).await().atMost(timeout);
      Log.debugf("published article %s revision %d", article.id(), article.revision());
    } catch (RuntimeException e) {
      Log.warnf("publishing article %s revision %d failed: %s", article.id(), article.revision(), e.toString());
      throw new PublishFailedException("the broker did not acknowledge article " + cloudEventId(article), e);
    }
  }
}
