package io.newsmonitor.infra.test;

import io.newsmonitor.infra.postgres.Postgres;

/** Servers someone else runs, named by environment variables; a CI service container, say. */
final class ExternalInfrastructure implements Infrastructure {

  @Override
  public String kafkaBootstrapServers() {
    return required("KAFKA_BOOTSTRAP_SERVERS", "host:port of the Kafka broker");
  }

  @Override
  public Postgres postgres() {
    return Postgres.external(
        required("PG_JDBC_URL", "a database on a server where PG_USER may CREATE DATABASE, e.g. jdbc:postgresql://127.0.0.1:5432/postgres"),
        required("PG_USER", "the PostgreSQL user"),
        required("PG_PASSWORD", "its password"));
  }

  private static String required(String name, String meaning) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Test infrastructure mode 'external' needs the environment variable " + name + " (" + meaning + ")");
    }
    return value;
  }
}
