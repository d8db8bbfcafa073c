package io.newsmonitor.alert.delivery;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** POSTs an alert to a webhook and says how it went; never throws for the receiver's failures. */
@ApplicationScoped
public class WebhookClient {

  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  public static final String DELIVERY_HEADER = "X-Newsmonitor-Delivery";
  /** How much of an error answer is kept in {@code last_error}. */
  private static final int ERROR_BODY_CHARS = 200;

  private final HttpClient http;
  private final Duration readTimeout;

  public WebhookClient(DeliveryConfig config) {
    this.readTimeout = config.readTimeout();
    this.http = HttpClient.newBuilder()
        .connectTimeout(config.connectTimeout())
        // A webhook answers itself; following a redirect would send the alert somewhere the analyst did not name.
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /** Sends {@code json} to {@code url} with the delivery id as idempotency key. */
  public AttemptOutcome post(String url, String json, String deliveryId) {
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(URI.create(url))
          .timeout(readTimeout)
          .header("Content-Type", "application/json")
          .header("User-Agent", "newsmonitor-alert-service")
          .header(IDEMPOTENCY_KEY, deliveryId)
          .header(DELIVERY_HEADER, deliveryId)
          .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
          .build();
    } catch (IllegalArgumentException e) {
      return new AttemptOutcome(false, null, "bad webhook URL: " + e.getMessage());
    }
    try {
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      int status = response.statusCode();
      String head;
      // Only the start of the answer is read: a receiver cannot make us buffer a large body.
      try (InputStream body = response.body()) {
        head = new String(body.readNBytes(ERROR_BODY_CHARS), StandardCharsets.UTF_8).strip();
      }
      if (status >= 200 && status < 300) {
        return new AttemptOutcome(true, status, null);
      }
      return new AttemptOutcome(false, status, "HTTP " + status + (head.isEmpty() ? "" : ": " + head));
    } catch (HttpTimeoutException e) {
      return new AttemptOutcome(false, null, "timed out: " + e.getMessage());
    } catch (IOException e) {
      return new AttemptOutcome(false, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new AttemptOutcome(false, null, "interrupted");
    }
  }

  @PreDestroy
  void close() {
    http.close();
  }
}
