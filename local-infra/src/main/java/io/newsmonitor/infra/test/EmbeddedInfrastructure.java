package io.newsmonitor.infra.test;

import io.newsmonitor.infra.kafka.EmbeddedKafka;
import io.newsmonitor.infra.postgres.Postgres;

/** Kafka and PostgreSQL started by this JVM, once, and stopped when it exits. */
final class EmbeddedInfrastructure implements Infrastructure {

  @Override
  public String kafkaBootstrapServers() {
    return EmbeddedKafka.shared().bootstrapServers();
  }

  @Override
  public Postgres postgres() {
    return Postgres.shared();
  }
}
