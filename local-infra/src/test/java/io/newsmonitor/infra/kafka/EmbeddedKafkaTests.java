package io.newsmonitor.infra.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaTests {

  @Test
  void producedRecordIsConsumed() throws Exception {
    EmbeddedKafka kafka = EmbeddedKafka.shared();
    assertEquals(kafka, EmbeddedKafka.shared(), "one broker per JVM");

    KafkaClients.produce(kafka.bootstrapServers(), "round-trip", "article-1", "{\"title\":\"hello\"}");

    List<ConsumerRecord<String, String>> records = KafkaClients.consumeAtLeast(kafka.bootstrapServers(), "round-trip", 1);
    assertEquals("article-1", records.getFirst().key());
    assertEquals("{\"title\":\"hello\"}", records.getFirst().value());
  }

  /** Plain kafka-clients, as a test in a service would use them. */
  static final class KafkaClients {

    static void produce(String bootstrapServers, String topic, String key, String value) throws Exception {
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
          ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
      }
    }

    static List<ConsumerRecord<String, String>> consumeAtLeast(String bootstrapServers, String topic, int count) {
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
          ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(List.of(topic));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
          consumer.poll(Duration.ofMillis(200)).forEach(records::add);
          return records.size() >= count;
        });
      }
      return records;
    }
  }
}
