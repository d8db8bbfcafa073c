package io.newsmonitor.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** By default spans are created and sampled, so their context propagates, but the only exporter is the one that keeps them. */
@QuarkusTest
class UnexportedSpansTests {

  @Inject
  Instance<SpanExporter> exporters;

  @Inject
  Tracer tracer;

  @Test
  void theOnlyExporterKeepsSpansInTheService() {
    assertThat(exporters.isResolvable()).isTrue();
    assertThat(exporters.get()).isInstanceOf(UnexportedSpans.class);
  }

  @Test
  void spansAreStillSampled() {
    Span span = tracer.spanBuilder("sampled").startSpan();
    try {
      assertThat(span.getSpanContext().isValid()).isTrue();
      assertThat(span.getSpanContext().isSampled()).isTrue();
    } finally {
      span.end();
    }
  }
}
