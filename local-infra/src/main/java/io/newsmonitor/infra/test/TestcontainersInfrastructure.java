package io.newsmonitor.infra.test;

import io.newsmonitor.infra.JvmWide;
import io.newsmonitor.infra.postgres.Postgres;
import java.util.Map;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** Kafka ({@code apache/kafka}) and PostgreSQL ({@code postgres:17}) containers, started once per JVM; needs a Docker engine. */
final class TestcontainersInfrastructure implements Infrastructure {

  /** Overrides the Kafka image, e.g. {@code -Dnews.infra.kafka.image=apache/kafka:4.1.1}. */
  private static final String KAFKA_IMAGE_PROPERTY = "news.infra.kafka.image";
  /** Overrides the PostgreSQL image. */
  private static final String POSTGRES_IMAGE_PROPERTY = "news.infra.postgres.image";

  private static Map<String, String> containers;

  @Override
  public String kafkaBootstrapServers() {
    return containers().get("bootstrapServers");
  }

  @Override
  public Postgres postgres() {
    Map<String, String> started = containers();
    return Postgres.external(started.get("jdbcUrl"), started.get("username"), started.get("password"));
  }

  /** The running containers' settings, as JDK types so that they cross class loaders (see {@link JvmWide}). */
  @SuppressWarnings("unchecked")
  static synchronized Map<String, String> containers() {
    if (containers == null) {
      containers = JvmWide.callInSystemLoader(TestcontainersInfrastructure.class, "containers")
          .map(owner -> (Map<String, String>) owner)
          .orElseGet(TestcontainersInfrastructure::start);
    }
    return containers;
  }

  private static Map<String, String> start() {
    // Substitutes: an overriding image may come from a mirror, under another name.
    KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(System.getProperty(KAFKA_IMAGE_PROPERTY, "apache/kafka:4.1.2")).asCompatibleSubstituteFor("apache/kafka"))
        .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
        .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
    PostgreSQLContainer postgres = new PostgreSQLContainer(DockerImageName.parse(System.getProperty(POSTGRES_IMAGE_PROPERTY, "postgres:17")).asCompatibleSubstituteFor("postgres"));
    Startables.deepStart(kafka, postgres).join();
    // Testcontainers' reaper would remove them too, but only after the JVM is gone; this leaves nothing running at exit.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      kafka.stop();
      postgres.stop();
    }, "testcontainers-stop"));
    // The image's user is a superuser, so it may CREATE DATABASE.
    return Map.of(
        "bootstrapServers", kafka.getBootstrapServers(),
        "jdbcUrl", postgres.getJdbcUrl(),
        "username", postgres.getUsername(),
        "password", postgres.getPassword());
  }
}
