package io.newsmonitor.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class WebhookReceiverTests {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void recordsPostsAndAnswersWithTheConfiguredStatus() throws Exception {
    List<WebhookReceiver.Request> logged = new CopyOnWriteArrayList<>();
    try (WebhookReceiver receiver = WebhookReceiver.start().onRequest(logged::add)) {
      assertEquals(200, post(receiver.url("/hooks/a"), "{\"n\":1}"));

      receiver.respondWith(503);
      assertEquals(503, post(receiver.url("/hooks/b"), "{\"n\":2}"));

      List<WebhookReceiver.Request> received = receiver.received();
      assertEquals(2, received.size());
      assertEquals("/hooks/a", received.getFirst().path());
      assertEquals("{\"n\":1}", received.getFirst().body());
      assertEquals("application/json", received.getFirst().header("Content-Type").orElseThrow());
      assertEquals("abc", received.getFirst().header("x-idempotency-key").orElseThrow());
      assertEquals(List.of(200, 503), received.stream().map(WebhookReceiver.Request::status).toList());
      assertEquals(received, logged);
      assertTrue(receiver.url().startsWith("http://127.0.0.1:"));
    }
  }

  private int post(String url, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .header("X-Idempotency-Key", "abc")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
