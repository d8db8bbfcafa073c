package io.newsmonitor.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.infra.local.WebhookReceiver;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One webhook attempt against a real local HTTP receiver: what is sent, and how each outcome is reported. */
class WebhookClientTests {

  private final WebhookReceiver receiver = WebhookReceiver.start();
  private final WebhookClient client = new WebhookClient(new DeliveryConfig() {
    @Override
    public int maxAttempts() {
      return 10;
    }

    @Override
    public Duration backoffBase() {
      return Duration.ofSeconds(1);
    }

    @Override
    public Duration backoffCap() {
      return Duration.ofMinutes(5);
    }

    @Override
    public Duration connectTimeout() {
      return Duration.ofSeconds(2);
    }

    @Override
    public Duration readTimeout() {
      return Duration.ofSeconds(2);
    }

    @Override
    public Duration sweepInterval() {
      return Duration.ofSeconds(1);
    }
  });

  @AfterEach
  void close() {
    receiver.close();
    client.close();
  }

  @Test
  void postsTheJsonWithTheDeliveryIdAsIdempotencyKey() {
    AttemptOutcome outcome = client.post(receiver.url("/in"), "{\"alertId\":\"a\"}", "d-1");

    assertThat(outcome).isEqualTo(new AttemptOutcome(true, 200, null));
    WebhookReceiver.Request post = receiver.received().getFirst();
    assertThat(post.path()).isEqualTo("/in");
    assertThat(post.body()).isEqualTo("{\"alertId\":\"a\"}");
    assertThat(post.header("Content-Type")).contains("application/json");
    assertThat(post.header("Idempotency-Key")).contains("d-1");
    assertThat(post.header("X-Newsmonitor-Delivery")).contains("d-1");
  }

  @Test
  void aNon2xxAnswerIsAFailureWithItsStatus() {
    receiver.respondWith(503);

    assertThat(client.post(receiver.url(), "{}", "d-2")).isEqualTo(new AttemptOutcome(false, 503, "HTTP 503"));
  }

  @Test
  void aReceiverThatIsNotListeningIsAFailureWithoutStatus() {
    String url = receiver.url();
    receiver.close();

    AttemptOutcome outcome = client.post(url, "{}", "d-3");

    assertThat(outcome.delivered()).isFalse();
    assertThat(outcome.statusCode()).isNull();
    assertThat(outcome.error()).contains("ConnectException");
  }
}
