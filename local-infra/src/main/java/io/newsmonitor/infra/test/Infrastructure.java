package io.newsmonitor.infra.test;

import io.newsmonitor.infra.postgres.Postgres;
import java.util.Locale;
import java.util.Optional;

/** Where the tests' Kafka and PostgreSQL come from; one implementation per mode, chosen by {@link #select()}. */
interface Infrastructure {

  String MODE_PROPERTY = "news.infra";
  String MODE_ENV = "NEWS_INFRA";

  /** A broker on which topics are created on first use. */
  String kafkaBootstrapServers();

  /** A server on which {@link Postgres#createDatabase} may create databases. */
  Postgres postgres();

  /** The mode named by system property {@value #MODE_PROPERTY} or environment variable {@value #MODE_ENV}; {@code embedded} by default. */
  static Infrastructure select() {
    String mode = Optional.ofNullable(System.getProperty(MODE_PROPERTY)).or(() -> Optional.ofNullable(System.getenv(MODE_ENV)))
        .map(value -> value.trim().toLowerCase(Locale.ROOT))
        .filter(value -> !value.isEmpty())
        .orElse("embedded");
    return switch (mode) {
      case "embedded" -> new EmbeddedInfrastructure();
      case "testcontainers" -> new TestcontainersInfrastructure();
      case "external" -> new ExternalInfrastructure();
      default -> throw new IllegalArgumentException("Unknown test infrastructure mode '" + mode + "' (from -D" + MODE_PROPERTY + " or " + MODE_ENV
          + "): use embedded (Kafka and PostgreSQL in this JVM, the default), testcontainers (needs a Docker engine) or external"
          + " (KAFKA_BOOTSTRAP_SERVERS, PG_JDBC_URL, PG_USER, PG_PASSWORD).");
    };
  }
}
