package io.newsmonitor.alert.delivery;

import io.newsmonitor.alert.observability.DeliveryTracing;
import io.newsmonitor.http.FetchException;
import io.newsmonitor.http.HttpResponse;
import io.newsmonitor.http.HttpSettings;
import io.newsmonitor.http.SafeHttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POSTs an alert to a webhook, signed, and says how it went; never throws for the receiver's failures. Only public
 * addresses are reached (the SSRF guard ingest uses for feeds), and redirects are never followed: a webhook answers itself,
 * and following would send the alert somewhere the analyst did not name.
 */
@ApplicationScoped
public class WebhookClient {

  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  public static final String DELIVERY_HEADER = "X-Newsmonitor-Delivery";
  private static final String USER_AGENT = "newsmonitor-alert-service";
  /** How much of an error answer is kept in {@code last_error}. */
  private static final int ERROR_BODY_CHARS = 200;
  /** A receiver's answer is read to the end to reuse the connection; one larger than this is not an acknowledgement we can read. */
  private static final long MAX_ANSWER_BYTES = 1024 * 1024;

  private final SafeHttpClient http;

  public WebhookClient(DeliveryConfig config) {
    this.http = new SafeHttpClient(new HttpSettings(USER_AGENT, config.connectTimeout(), config.readTimeout(), MAX_ANSWER_BYTES, 0,
        config.allowLoopback(), config.allowPrivateNetworks()));
  }

  /**
   * Sends {@code json} to {@code url} with the delivery id as idempotency key, signed with {@code secret} when there is one.
   * 2xx is delivered; 408, 429, 5xx, timeouts and connection failures are worth a retry; any other answer (3xx, 4xx) and a
   * URL or address we refuse park the delivery at once.
   */
  public AttemptOutcome post(String url, String json, String deliveryId, String secret) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(IDEMPOTENCY_KEY, deliveryId);
    headers.put(DELIVERY_HEADER, deliveryId);
    // A fresh timestamp per attempt: receivers may refuse a request signed long ago as a replay.
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    headers.put(WebhookSignature.TIMESTAMP_HEADER, timestamp);
    // The trace of the article this alert is about (the sender makes it current), so the receiver's work can join it.
    DeliveryTracing.addTraceHeaders(headers);
    if (secret != null) {
      headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body));
    }
    try {
      URI uri = SafeHttpClient.parseUrl(url);
      return outcome(http.post(uri, headers, body, "application/json"));
    } catch (FetchException e) {
      return switch (e.reason()) {
        case INVALID_URL, UNSUPPORTED_SCHEME, BLOCKED_ADDRESS, TOO_LARGE, TOO_MANY_REDIRECTS -> AttemptOutcome.park(null, e.getMessage());
        case UNKNOWN_HOST, TIMEOUT, CONNECTION -> AttemptOutcome.retry(null, e.getMessage());
      };
    }
  }

  private static AttemptOutcome outcome(HttpResponse response) {
    int status = response.status();
    if (response.successful()) {
      return AttemptOutcome.delivered(status);
    }
    String head = new String(response.body(), StandardCharsets.UTF_8);
    head = head.substring(0, Math.min(head.length(), ERROR_BODY_CHARS)).strip();
    String error = "HTTP " + status + (head.isEmpty() ? "" : ": " + head);
    if (status >= 300 && status < 400) {
      return AttemptOutcome.park(status, error + " (redirects are not followed" + response.header("Location").map(to -> ", Location: " + to).orElse("") + ")");
    }
    boolean worthRetrying = status >= 500 || status == 408 || status == 429;
    return worthRetrying ? AttemptOutcome.retry(status, error) : AttemptOutcome.park(status, error);
  }

  @PreDestroy
  void close() {
    http.close();
  }
}
