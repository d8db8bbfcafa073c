package io.newsmonitor.infra.test;

import io.newsmonitor.infra.postgres.Postgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * The Quarkus test resource every service uses: real Kafka and PostgreSQL, and for each start a fresh database and a
 * fresh topic prefix, so test classes never see each other's data.
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
 * class ArticleResourceTests { ... RealInfrastructure.current().topic(Topics.ARTICLES_INGESTED) ... }
 * }</pre>
 *
 * <p>Where the servers come from is chosen by system property {@code news.infra} or environment variable
 * {@code NEWS_INFRA}: {@code embedded} (default; in this JVM, started once, stopped when the JVM exits),
 * {@code testcontainers} (needs a Docker engine) or {@code external} ({@code KAFKA_BOOTSTRAP_SERVERS},
 * {@code PG_JDBC_URL}, {@code PG_USER}, {@code PG_PASSWORD}).
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

  private static final Logger LOG = Logger.getLogger(RealInfrastructure.class.getName());
  /**
   * {@link #current()} reads system properties rather than a static field: Quarkus may load this class in another class
   * loader than the test class's.
   */
  private static final String CURRENT = "news.infra.current.";

  private Settings started;

  /**
   * What one {@link #start()} handed to the application under test.
   *
   * @param topicPrefix put before every topic name, e.g. {@code t3f9a1c0.}
   */
  public record Settings(String bootstrapServers, String jdbcUrl, String username, String password, String topicPrefix) {

    /** The topic the application under test uses for {@code name}, e.g. {@code t3f9a1c0.news.articles.ingested}. */
    public String topic(String name) {
      return topicPrefix + name;
    }
  }

  /** The settings of the test resource started last in this JVM, for producing and consuming directly in a test. */
  public static Settings current() {
    String bootstrapServers = System.getProperty(CURRENT + "bootstrap-servers");
    if (bootstrapServers == null) {
      throw new IllegalStateException("No RealInfrastructure is running: annotate the test class with @WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)"
          + " or @QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = true)");
    }
    return new Settings(bootstrapServers, System.getProperty(CURRENT + "jdbc-url"), System.getProperty(CURRENT + "username"),
        System.getProperty(CURRENT + "password"), System.getProperty(CURRENT + "topic-prefix"));
  }

  @Override
  public Map<String, String> start() {
    Infrastructure infrastructure = Infrastructure.select();
    // One id names both, so a failing test's database and topics are easy to find together.
    String id = "t" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    // Each server takes seconds to start on first use: side by side, the first test class waits only for the slower.
    CompletableFuture<Postgres> starting = CompletableFuture.supplyAsync(infrastructure::postgres);
    String bootstrapServers = infrastructure.kafkaBootstrapServers();
    Postgres postgres;
    try {
      postgres = starting.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    Settings settings = new Settings(bootstrapServers, postgres.createDatabase(id), postgres.username(), postgres.password(), id + ".");
    publish(settings);
    started = settings;
    LOG.info(() -> "Test infrastructure: Kafka " + settings.bootstrapServers() + " with topic prefix " + settings.topicPrefix() + ", database " + settings.jdbcUrl());
    return Map.of(
        "kafka.bootstrap.servers", settings.bootstrapServers(),
        "quarkus.datasource.jdbc.url", settings.jdbcUrl(),
        "quarkus.datasource.username", settings.username(),
        "quarkus.datasource.password", settings.password(),
        "news.topics.prefix", settings.topicPrefix(),
        "quarkus.devservices.enabled", "false");
  }

  /** Forgets this start's settings; the database and topics stay (dropping them would only slow the suite down), and the servers stop with the JVM. */
  @Override
  public void stop() {
    if (started != null && started.topicPrefix().equals(System.getProperty(CURRENT + "topic-prefix"))) {
      for (String key : new String[] {"bootstrap-servers", "jdbc-url", "username", "password", "topic-prefix"}) {
        System.clearProperty(CURRENT + key);
      }
    }
    started = null;
  }

  private static void publish(Settings settings) {
    System.setProperty(CURRENT + "bootstrap-servers", settings.bootstrapServers());
    System.setProperty(CURRENT + "jdbc-url", settings.jdbcUrl());
    System.setProperty(CURRENT + "username", settings.username());
    System.setProperty(CURRENT + "password", settings.password());
    System.setProperty(CURRENT + "topic-prefix", settings.topicPrefix());
  }
}
