package io.newsmonitor.support.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The connector's {@code dead-letter-queue} failure strategy, counting in {@code newsmonitor.dlq.records{topic}} each record
 * it has written to the dead-letter topic. Counted there rather than where a consumer fails, because that is the one place
 * every nack of every channel passes, and only once the dead-letter topic has the record. A channel chooses it with
 * {@code failure-strategy=counted-dead-letter-queue}; the {@code dead-letter-queue.*} settings keep their meaning.
 */
@ApplicationScoped
@Identifier(CountedDeadLetterQueue.STRATEGY)
public class CountedDeadLetterQueue implements KafkaFailureHandler.Factory {

  /** The {@code failure-strategy} value that selects this factory. */
  public static final String STRATEGY = "counted-dead-letter-queue";
  /** The counter, {@code newsmonitor_dlq_records_total} in Prometheus. */
  public static final String METER = "newsmonitor.dlq.records";

  private final KafkaFailureHandler.Factory deadLetterQueue;
  private final MeterRegistry registry;

  CountedDeadLetterQueue(@Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetterQueue,
      MeterRegistry registry) {
    this.deadLetterQueue = deadLetterQueue;
    this.registry = registry;
  }

  @Override
  public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx, KafkaConsumer<?, ?> consumer,
      BiConsumer<Throwable, Boolean> reportFailure) {
    KafkaFailureHandler handler = deadLetterQueue.create(config, vertx, consumer, reportFailure);
    // Registered with the channel, so that the series exists (at 0) before the first dead letter.
    Counter written = Counter.builder(METER)
        .description("Records written to a dead-letter topic")
        .tag("topic", config.getDeadLetterQueueTopic().orElse("dead-letter-topic-" + config.getChannel()))
        .register(registry);
    return new KafkaFailureHandler() {
      @Override
      public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
        return handler.handle(record, reason, metadata).invoke(() -> written.increment());
      }

      @Override
      public void terminate() {
        handler.terminate();
      }
    };
  }
}
