package io.newsmonitor.ingest;

import io.newsmonitor.infra.test.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic of the test's broker with a plain consumer, from the beginning up to its current end. */
public final class TopicReader implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final String topic;
  private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

  /** A reader of {@code name} (e.g. {@code news.articles.ingested}) under the running test's topic prefix. */
  public static TopicReader of(String name) {
    RealInfrastructure.Settings infra = RealInfrastructure.current();
    return new TopicReader(infra.bootstrapServers(), infra.topic(name));
  }

  TopicReader(String bootstrapServers, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-tests-" + UUID.randomUUID());
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Looking must not create the topic: its absence is part of what tests check.
    props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    this.consumer = new KafkaConsumer<>(props);
    this.topic = topic;
  }

  /**
   * Every record of the topic up to the end it has now. The service answers only once the broker acknowledged
   * ({@code acks=all}), so after a response this includes what that request published.
   */
  public synchronized List<ConsumerRecord<String, String>> readAll() {
    List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
        .map(info -> new TopicPartition(topic, info.partition()))
        .toList();
    if (partitions.isEmpty()) {
      return List.copyOf(records);
    }
    if (!consumer.assignment().containsAll(partitions)) {
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      records.clear();
    }
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("could not read " + topic + " up to " + ends);
      }
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }
    return List.copyOf(records);
  }

  /** The records keyed {@code key}, in offset order within its partition. */
  public List<ConsumerRecord<String, String>> readKey(String key) {
    return readAll().stream().filter(record -> key.equals(record.key())).toList();
  }

  /** The value of header {@code name}, or null. */
  public static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
