package io.newsmonitor.support.observability;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Discards finished spans, unless {@code news.tracing.exporter=otlp}. Quarkus installs its OTLP exporter only
 * when no {@link SpanExporter} bean can be looked up, and that exporter would try (and log failing to reach) a collector
 * at localhost:4317 by default; this bean takes its place, at runtime, without turning tracing off: spans are still
 * created and sampled, and their context still goes out in Kafka and HTTP headers, so traces join up once a collector is
 * configured.
 */
@Singleton
@LookupIfProperty(name = "news.tracing.exporter", stringValue = "none", lookupIfMissing = true)
public class UnexportedSpans implements SpanExporter {

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
