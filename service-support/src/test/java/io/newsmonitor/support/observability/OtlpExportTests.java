package io.newsmonitor.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** news.tracing.exporter=otlp steps aside, so that Quarkus installs its OTLP exporter. */
@QuarkusTest
@TestProfile(OtlpExportTests.Otlp.class)
class OtlpExportTests {

  /** Export switched on, to a port nothing listens on: nothing here waits for an export. */
  public static class Otlp implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("news.tracing.exporter", "otlp", "quarkus.otel.exporter.otlp.endpoint", "http://localhost:9");
    }
  }

  @Inject
  Instance<SpanExporter> exporters;

  @Test
  void noSpanExporterBeanIsLeftInTheWay() {
    assertThat(exporters.isUnsatisfied()).isTrue();
  }
}
