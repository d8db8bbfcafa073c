package io.newsmonitor.support.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class KafkaBrokerReadinessTests {

  @Test
  void aBrokerThatIsAwayIsReportedDownInsteadOfLeavingTheProbeUnanswered() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    KafkaBrokerReadiness readiness = new KafkaBrokerReadiness(Map.of("bootstrap.servers", "127.0.0.1:" + closedPort), Duration.ofSeconds(1));
    try {
      HealthCheckResponse response = readiness.call();

      assertThat(response.getName()).isEqualTo(KafkaBrokerReadiness.NAME);
      assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
      assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsKey("error"));
    } finally {
      readiness.close();
    }
  }
}
