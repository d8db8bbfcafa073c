package io.newsmonitor.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.infra.local.WebhookReceiver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One webhook attempt against a real local HTTP receiver: what is sent, how it is signed, and what each answer leads to. */
class WebhookClientTests {

  private static final String SECRET = "whsec-test";

  private final WebhookReceiver receiver = WebhookReceiver.start();
  private final WebhookClient client = new WebhookClient(new Settings(true));

  /** The delivery settings, loopback allowed or not, with short timeouts. */
  record Settings(boolean allowLoopback) implements DeliveryConfig {

    @Override
    public int maxAttempts() {
      return 10;
    }

    @Override
    public int senders() {
      return 1;
    }

    @Override
    public int batchSize() {
      return 1;
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
      return Duration.ofMillis(500);
    }

    @Override
    public Duration sweepInterval() {
      return Duration.ofSeconds(1);
    }

    @Override
    public Duration publishTimeout() {
      return Duration.ofSeconds(5);
    }

    @Override
    public boolean senderEnabled() {
      return true;
    }

    @Override
    public boolean allowPrivateNetworks() {
      return false;
    }
  }

  @AfterEach
  void close() {
    receiver.close();
    client.close();
  }

  @Test
  void postsTheJsonWithTheDeliveryIdAsIdempotencyKeyAndASignatureTheReceiverCanCheck() throws Exception {
    String json = "{\"alertId\":\"a\"}";
    long before = Instant.now().getEpochSecond();

    AttemptOutcome outcome = client.post(receiver.url("/in"), json, "d-1", SECRET);

    assertThat(outcome).isEqualTo(AttemptOutcome.delivered(200));
    WebhookReceiver.Request post = receiver.received().getFirst();
    assertThat(post.path()).isEqualTo("/in");
    assertThat(post.body()).isEqualTo(json);
    assertThat(post.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(post.header("Idempotency-Key")).contains("d-1");
    assertThat(post.header("X-Newsmonitor-Delivery")).contains("d-1");
    String timestamp = post.header("X-Newsmonitor-Timestamp").orElseThrow();
    assertThat(Long.parseLong(timestamp)).isBetween(before, Instant.now().getEpochSecond());
    // What a receiver does (README, "Verifying a webhook"): HMAC-SHA256 over timestamp + "." + body, compared in constant time.
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + post.body()).getBytes(StandardCharsets.UTF_8)));
    String signature = post.header("X-Newsmonitor-Signature").orElseThrow();
    assertThat(MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))).isTrue();
  }

  @Test
  void theSignatureIsTheHmacOfTimestampDotBody() {
    // Computed with: printf '%s' '1764460800.{"alertId":"a"}' | openssl dgst -sha256 -hmac 'whsec-test'
    assertThat(WebhookSignature.sign(SECRET, "1764460800", "{\"alertId\":\"a\"}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("sha256=6950040529506779b8bb9571fd011bfc92ad90c08dc4893a991b08afb6fb74f6");
  }

  @Test
  void withoutASecretThereIsNoSignatureHeader() {
    assertThat(client.post(receiver.url(), "{}", "d-2", null).delivered()).isTrue();

    assertThat(receiver.received().getFirst().header("X-Newsmonitor-Signature")).isEmpty();
    assertThat(receiver.received().getFirst().header("Idempotency-Key")).contains("d-2");
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503})
  void aReceiverThatIsBusyOrFailingIsRetried(int status) {
    receiver.respondWith(status);

    assertThat(client.post(receiver.url(), "{}", "d-3", SECRET)).isEqualTo(AttemptOutcome.retry(status, "HTTP " + status));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 410, 413, 422})
  void aClientErrorIsParkedAtOnce(int status) {
    receiver.respondWith(status);

    assertThat(client.post(receiver.url(), "{}", "d-4", SECRET)).isEqualTo(AttemptOutcome.park(status, "HTTP " + status));
  }

  @Test
  void aRedirectIsNotFollowedButParked() {
    receiver.respondWith(302);

    AttemptOutcome outcome = client.post(receiver.url(), "{}", "d-5", SECRET);

    assertThat(outcome.permanent()).isTrue();
    assertThat(outcome.statusCode()).isEqualTo(302);
    assertThat(outcome.error()).contains("redirects are not followed");
    assertThat(receiver.received()).hasSize(1);
  }

  @Test
  void aReceiverThatIsNotListeningIsRetried() {
    String url = receiver.url();
    receiver.close();

    AttemptOutcome outcome = client.post(url, "{}", "d-6", SECRET);

    assertThat(outcome.delivered()).isFalse();
    assertThat(outcome.permanent()).isFalse();
    assertThat(outcome.statusCode()).isNull();
    assertThat(outcome.error()).contains(url);
  }

  @Test
  void aReceiverThatNeverAnswersTimesOutAndIsRetried() throws IOException {
    // Accepts the connection (the kernel does, through the backlog) and never reads nor answers.
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      AttemptOutcome outcome = client.post("http://127.0.0.1:" + silent.getLocalPort() + "/hook", "{}", "d-7", SECRET);

      assertThat(outcome.delivered()).isFalse();
      assertThat(outcome.permanent()).isFalse();
      assertThat(outcome.error()).contains("no response", "500 ms");
    }
  }

  @Test
  void internalAddressesAreRefusedWithTheReasonAndParked() {
    WebhookClient guarded = new WebhookClient(new Settings(false));
    try {
      AttemptOutcome metadata = guarded.post("http://169.254.169.254/latest/meta-data/", "{}", "d-8", SECRET);
      assertThat(metadata.permanent()).isTrue();
      assertThat(metadata.error()).contains("169.254.169.254 is a link-local address");

      assertThat(guarded.post("http://10.1.2.3:8080/hook", "{}", "d-9", SECRET).error()).contains("10.1.2.3 is a private network address");
      assertThat(guarded.post(receiver.url(), "{}", "d-10", SECRET).error()).contains("127.0.0.1 is a loopback address");
      assertThat(guarded.post("http://localhost:" + receiver.port(), "{}", "d-11", SECRET).error()).contains("localhost is a loopback name");
      assertThat(guarded.post("file:///etc/passwd", "{}", "d-12", SECRET).permanent()).isTrue();
    } finally {
      guarded.close();
    }
    assertThat(receiver.received()).isEmpty();
  }
}
