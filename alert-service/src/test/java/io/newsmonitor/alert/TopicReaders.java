package io.newsmonitor.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.infra.test.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What the tests read of the topics alert-service writes: news.alerts and its dead-letter topic. */
public final class TopicReaders {

  private TopicReaders() {
  }

  /** A consumer of this test class's {@code topic} (a name of {@code Topics}) from its first record, in a group of its own. */
  public static KafkaConsumer<String, String> fromStart(String topic) {
    RealInfrastructure.Settings infra = RealInfrastructure.current();
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "alert-service-tests-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
    consumer.subscribe(List.of(infra.topic(topic)));
    return consumer;
  }

  /** The record's last header {@code name} as text; fails the test when there is none. */
  public static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    assertThat(header).as("header " + name).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
