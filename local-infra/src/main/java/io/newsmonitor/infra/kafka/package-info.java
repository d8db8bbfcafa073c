/** A real KRaft Kafka broker, in this JVM ({@link io.newsmonitor.infra.kafka.EmbeddedKafka}) or as its own process ({@link io.newsmonitor.infra.kafka.KafkaProcess}). */
package io.newsmonitor.infra.kafka;
