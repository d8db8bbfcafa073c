package io.newsmonitor.support.health;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the Kafka broker, answered within a bounded time. Quarkus' own check ({@code quarkus.kafka.health}) waits
 * for the cluster's description without a deadline: while the broker was away {@code /q/health/ready} answered nothing at
 * all, probes piled up on worker threads, and the first DOWN came only once the broker was back (docs/reliability.md).
 */
@Readiness
@ApplicationScoped
public class KafkaBrokerReadiness implements HealthCheck {

  public static final String NAME = "Kafka broker";

  private final Map<String, Object> kafkaConfig;
  private final Duration timeout;
  private Admin admin;

  public KafkaBrokerReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      @ConfigProperty(name = "news.health.kafka-timeout", defaultValue = "2s") Duration timeout) {
    this.kafkaConfig = Map.copyOf(kafkaConfig);
    this.timeout = timeout;
  }

  @Override
  public HealthCheckResponse call() {
    try {
      int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
          .nodes()
          .get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS)
          .size();
      return HealthCheckResponse.named(NAME).up().withData("nodes", nodes).build();
    } catch (ExecutionException e) {
      return down(e.getCause() != null ? e.getCause() : e);
    } catch (TimeoutException e) {
      return down(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return down(e);
    }
  }

  private static HealthCheckResponse down(Throwable failure) {
    return HealthCheckResponse.named(NAME).down()
        .withData("error", failure.getClass().getSimpleName() + ": " + failure.getMessage())
        .build();
  }

  private synchronized Admin admin() {
    if (admin == null) {
      Map<String, Object> config = new HashMap<>(kafkaConfig);
      config.put(AdminClientConfig.CLIENT_ID_CONFIG, "readiness-" + config.getOrDefault(AdminClientConfig.CLIENT_ID_CONFIG, "newsmonitor"));
      config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
      config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
      admin = Admin.create(config);
    }
    return admin;
  }

  @PreDestroy
  synchronized void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(1));
    }
  }
}
