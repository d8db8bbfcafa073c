package io.newsmonitor.infra.test;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C trace context a test sends with a record or a request, to find its trace id again downstream.
 *
 * @param traceId 32 hex digits
 * @param parentSpanId 16 hex digits
 */
public record TestTrace(String traceId, String parentSpanId) {

  public static TestTrace random() {
    return new TestTrace(randomHex(16), randomHex(8));
  }

  /** The {@code traceparent} header: version 00, sampled. */
  public String traceparent() {
    return "00-" + traceId + "-" + parentSpanId + "-01";
  }

  /** The regular expression a {@code traceparent} downstream matches: the same trace id, a span of its own, sampled. */
  public String continuation() {
    return "00-" + traceId + "-[0-9a-f]{16}-01";
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
