package io.newsmonitor.alert.observability;

import io.newsmonitor.alert.delivery.Delivery;
import io.newsmonitor.alert.matching.AlertMatch;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * Carries an article's trace across the outbox: a match keeps the W3C trace context of the record that raised it, and a
 * delivery, sent later from a sender thread, continues that trace in a span of its own, so that the webhook request
 * ({@code traceparent} header) and the {@code news.alerts} record are part of the trace of the article.
 */
@ApplicationScoped
public class DeliveryTracing {

  static final String TRACEPARENT = "traceparent";
  static final String TRACESTATE = "tracestate";

  private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  private final Tracer tracer;

  DeliveryTracing(Tracer tracer) {
    this.tracer = tracer;
  }

  /** Stores the current trace context (the consumed record's) in {@code match}; nothing when there is none. */
  public static void keepCurrentTrace(AlertMatch match) {
    Map<String, String> carrier = new HashMap<>();
    W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
    match.traceparent = carrier.get(TRACEPARENT);
    match.tracestate = carrier.get(TRACESTATE);
  }

  /**
   * Makes current, until closed, a span of {@code delivery} in the trace {@code match} kept; a digest's delivery (no
   * match) and a match without a trace get a trace of their own.
   */
  public Scope resume(Delivery delivery, AlertMatch match) {
    Context parent = Context.root();
    if (match != null && match.traceparent != null) {
      Map<String, String> carrier = new HashMap<>();
      carrier.put(TRACEPARENT, match.traceparent);
      if (match.tracestate != null) {
        carrier.put(TRACESTATE, match.tracestate);
      }
      parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, MAP_GETTER);
    }
    Span span = tracer.spanBuilder("deliver " + delivery.channel)
        .setParent(parent)
        .setSpanKind(SpanKind.PRODUCER)
        .setAttribute("newsmonitor.delivery.id", delivery.id.toString())
        .setAttribute("newsmonitor.subscription.id", delivery.subscriptionId.toString())
        .startSpan();
    Scope current = span.makeCurrent();
    return () -> {
      current.close();
      span.end();
    };
  }

  /** Adds the current trace context to the headers of an outgoing HTTP request. */
  public static void addTraceHeaders(Map<String, String> headers) {
    W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
  }
}
