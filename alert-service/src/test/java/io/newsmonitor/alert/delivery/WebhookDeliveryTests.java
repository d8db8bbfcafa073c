package io.newsmonitor.alert.delivery;

import static io.newsmonitor.alert.EnrichedArticles.article;
import static io.newsmonitor.alert.EnrichedArticles.newArticleId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmonitor.alert.Api;
import io.newsmonitor.alert.PipelineTest;
import io.newsmonitor.alert.TopicReaders;
import io.newsmonitor.alert.matching.AlertMatch;
import io.newsmonitor.alert.subscription.Subscription;
import io.newsmonitor.alert.subscription.SubscriptionRepository;
import io.newsmonitor.events.AlertRaised;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.CloudEvents;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.events.Topics;
import io.newsmonitor.infra.local.WebhookReceiver;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/**
 * Delivering alerts on real Kafka and PostgreSQL to a real local receiver: signed webhooks, what each answer leads to, the
 * SSRF guard, a receiver down then up getting every alert exactly once, and every alert published on news.alerts.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class WebhookDeliveryTests extends PipelineTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String WEBHOOK = "find { it.channel == 'webhook' }.";
  private static final String KAFKA = "find { it.channel == 'kafka' }.";

  @Inject
  SubscriptionRepository subscriptions;

  @Inject
  EntityManager entityManager;

  @Test
  void aSlowReceiverHoldsOneSenderWhileAnotherDelivers() {
    // Each request is answered only once the other one has arrived too: two senders at work, or the first one waits alone.
    CountDownLatch bothArrived = new CountDownLatch(2);
    List<Boolean> sawTheOther = new CopyOnWriteArrayList<>();
    receiver.onRequest(request -> {
      bothArrived.countDown();
      try {
        sawTheOther.add(bothArrived.await(3, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    String first = Api.subscribe("First", "Japan + Pillar II", receiver.url("/first"));
    String second = Api.subscribe("Second", "Japan + Pillar II", receiver.url("/second"));

    articles.send(article(newArticleId(), 1, true, true));

    await().atMost(WAIT).until(() -> List.of(Api.deliveries(first, "webhook").getString("[0].status"),
        Api.deliveries(second, "webhook").getString("[0].status")), statuses -> statuses.equals(List.of("DELIVERED", "DELIVERED")));
    assertThat(sawTheOther).containsExactly(true, true);
  }

  @Test
  void theWebhookIsSignedWithTheSubscriptionsSecret() throws Exception {
    String subscriptionId = Api.subscribe("Japan and AUKUS", "Japan + Pillar II", receiver.url());
    String secret = "whsec-" + UUID.randomUUID();
    QuarkusTransaction.requiringNew().run(() -> subscriptions.findById(UUID.fromString(subscriptionId)).webhookSecret = secret);

    articles.send(article(newArticleId(), 1, true, true));

    await().atMost(WAIT).untilAsserted(() -> assertThat(receiver.received()).hasSize(1));
    WebhookReceiver.Request post = receiver.received().getFirst();
    String timestamp = post.header("X-Newsmonitor-Timestamp").orElseThrow();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = ("sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + post.body()).getBytes(StandardCharsets.UTF_8))))
        .getBytes(StandardCharsets.US_ASCII);
    assertThat(MessageDigest.isEqual(expected, post.header("X-Newsmonitor-Signature").orElseThrow().getBytes(StandardCharsets.US_ASCII)))
        .as("signature verifies").isTrue();
    assertThat(post.header("Idempotency-Key")).contains(Api.deliveries(subscriptionId).getString(WEBHOOK + "id"));
  }

  @Test
  void aClientErrorParksTheDeliveryAtOnce() {
    receiver.respondWith(404);
    String subscriptionId = Api.subscribe("Japan and AUKUS", "Japan + Pillar II", receiver.url("/gone"));

    articles.send(article(newArticleId(), 1, true, true));

    JsonPath parked = await().atMost(WAIT).until(() -> Api.deliveries(subscriptionId), d -> "FAILED".equals(d.getString(WEBHOOK + "status")));
    assertThat(parked.getInt(WEBHOOK + "attempts")).isEqualTo(1);
    assertThat(parked.getInt(WEBHOOK + "lastStatusCode")).isEqualTo(404);
    assertThat(parked.getString(WEBHOOK + "lastError")).isEqualTo("HTTP 404");
    assertThat(receiver.received()).hasSize(1);
  }

  @Test
  void tooManyRequestsIsRetriedUntilTheReceiverTakesIt() {
    receiver.respondWith(429);
    String subscriptionId = Api.subscribe("Japan and AUKUS", "Japan + Pillar II", receiver.url());

    articles.send(article(newArticleId(), 1, true, true));

    await().atMost(WAIT).untilAsserted(() -> assertThat(receiver.received()).hasSizeGreaterThanOrEqualTo(2));
    JsonPath retrying = Api.deliveries(subscriptionId);
    assertThat(retrying.getString(WEBHOOK + "status")).isEqualTo("PENDING");
    assertThat(retrying.getInt(WEBHOOK + "lastStatusCode")).isEqualTo(429);
    receiver.respondWith(200);

    JsonPath delivered = await().atMost(WAIT).until(() -> Api.deliveries(subscriptionId), d -> "DELIVERED".equals(d.getString(WEBHOOK + "status")));
    assertThat(delivered.getInt(WEBHOOK + "attempts")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aWebhookToAnInternalAddressIsRefusedWithTheReasonAndParked() {
    String metadata = Api.subscribe("metadata", "Japan", "http://169.254.169.254/latest/meta-data/");
    String internal = Api.subscribe("internal", "Japan", "http://10.0.0.7:8080/hooks");

    articles.send(article(newArticleId(), 1, true, true));

    JsonPath refused = await().atMost(WAIT).until(() -> Api.deliveries(metadata), d -> "FAILED".equals(d.getString(WEBHOOK + "status")));
    assertThat(refused.getInt(WEBHOOK + "attempts")).isEqualTo(1);
    assertThat(refused.getString(WEBHOOK + "lastError")).contains("169.254.169.254 is a link-local address");
    JsonPath privateNetwork = await().atMost(WAIT).until(() -> Api.deliveries(internal), d -> "FAILED".equals(d.getString(WEBHOOK + "status")));
    assertThat(privateNetwork.getString(WEBHOOK + "lastError")).contains("10.0.0.7 is a private network address");
  }

  @Test
  void anAttemptThatThrowsFailsAloneAndTheRestOfItsBatchIsSentOnce() {
    String subscriptionId = Api.subscribe("Japan and AUKUS", "Japan + Pillar II", receiver.url());
    // An alert whose payload is no AlertRaised, due at once by webhook and by e-mail: the e-mail's attempt, which reads the
    // payload, throws; the webhook's posts it as it is. One sweep claims both.
    QuarkusTransaction.requiringNew().run(() -> {
      Subscription subscription = subscriptions.findById(UUID.fromString(subscriptionId));
      subscription.email = "analyst@example.org";
      AlertMatch match = new AlertMatch();
      match.id = UUID.randomUUID();
      match.subscriptionId = subscription.id;
      match.articleId = newArticleId();
      match.revision = 1;
      match.storyId = "story-" + match.articleId;
      match.articleTitle = "Japan in talks to join AUKUS Pillar II";
      match.matchedAt = Instant.now();
      match.payload = "{\"not\": \"an alert\"}";
      entityManager.persist(match);
      Delivery.forEachChannel(match.id, subscription, Instant.now()).stream()
          .filter(delivery -> !delivery.channel.equals(Delivery.CHANNEL_KAFKA))
          .forEach(entityManager::persist);
    });

    JsonPath email = await().atMost(WAIT).until(() -> Api.deliveries(subscriptionId, "email"), d -> d.getInt("[0].attempts") >= 1);
    assertThat(email.getString("[0].status")).isEqualTo("PENDING");
    assertThat(email.getString("[0].lastError")).startsWith("attempt failed: ").contains("InvalidEventException");
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(receiver.received()).hasSize(1));
    JsonPath webhook = Api.deliveries(subscriptionId, "webhook");
    assertThat(webhook.getString("[0].status")).isEqualTo("DELIVERED");
    assertThat(webhook.getInt("[0].attempts")).isEqualTo(1);
  }

  @Test
  void aReceiverDownThenUpGetsEveryAlertExactlyOnce() {
    int port = receiver.port();
    String subscriptionId = Api.subscribe("Japan and AUKUS", "Japan + Pillar II", receiver.url("/hooks"));
    receiver.close();
    List<String> articleIds = List.of(newArticleId(), newArticleId(), newArticleId());

    articleIds.forEach(id -> articles.send(article(id, 1, true, true)));

    await().atMost(WAIT).untilAsserted(() -> assertThat(Api.deliveries(subscriptionId).getList("findAll { it.channel == 'webhook' }.attempts", Integer.class))
        .hasSize(3).allSatisfy(attempts -> assertThat(attempts).isGreaterThanOrEqualTo(2)));
    receiver = new WebhookReceiver(port);

    await().atMost(WAIT).untilAsserted(() -> assertThat(Api.deliveries(subscriptionId).getList("findAll { it.channel == 'webhook' }.status", String.class))
        .containsOnly("DELIVERED"));
    await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(receiver.received()).hasSize(3));
    assertThat(receiver.received()).extracting(post -> EventCodec.instance().fromJson(post.body(), AlertRaised.class).article().id())
        .containsExactlyInAnyOrderElementsOf(articleIds);
    assertThat(receiver.received()).extracting(post -> post.header("Idempotency-Key").orElseThrow())
        .containsExactlyInAnyOrderElementsOf(Api.deliveries(subscriptionId).getList("findAll { it.channel == 'webhook' }.id", String.class));
  }

  @Test
  void everyAlertButNotTheStorysLaterCopiesIsPublishedOnTheAlertsTopic() {
    String subscriptionId = Api.subscribe("Japan and AUKUS", "Japan + Pillar II", receiver.url());
    ArticleEnriched alerted = article(newArticleId(), 1, true, true);
    ArticleEnriched copy = article(newArticleId(), 1, true, true);
    String marker = newArticleId();

    try (KafkaConsumer<String, String> alerts = TopicReaders.fromStart(Topics.ALERTS)) {
      articles.send(alerted);
      articles.send(new ArticleEnriched(copy.article(), copy.actors(), copy.topics(), alerted.storyId(), "1.0.0", copy.enrichedAt()));
      articles.send(article(marker, 1, true, true));

      List<ConsumerRecord<String, String>> published = new ArrayList<>();
      await().atMost(WAIT).untilAsserted(() -> {
        // The topic is shared by the class's tests: this test's subscription is the key of its records.
        alerts.poll(Duration.ofMillis(200)).forEach(record -> {
          if (subscriptionId.equals(record.key())) {
            published.add(record);
          }
        });
        assertThat(published).extracting(r -> EventCodec.instance().fromJson(r.value(), AlertRaised.class).article().id()).contains(marker);
      });
      assertThat(published).hasSize(2).allSatisfy(record -> {
        AlertRaised alert = EventCodec.instance().fromJson(record.value(), AlertRaised.class);
        assertThat(TopicReaders.header(record, CloudEvents.HEADER_SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TopicReaders.header(record, CloudEvents.HEADER_TYPE)).isEqualTo(CloudEvents.TYPE_ALERT_RAISED);
        assertThat(TopicReaders.header(record, CloudEvents.HEADER_SOURCE)).isEqualTo("/newsmonitor/alert-service");
        assertThat(TopicReaders.header(record, CloudEvents.HEADER_ID)).isEqualTo(alert.alertId());
        assertThat(TopicReaders.header(record, CloudEvents.HEADER_TIME)).isNotBlank();
      });
      assertThat(published).extracting(r -> EventCodec.instance().fromJson(r.value(), AlertRaised.class).article().id())
          .containsExactlyInAnyOrder(alerted.article().id(), marker);
    }
    JsonPath deliveries = Api.deliveries(subscriptionId);
    assertThat(deliveries.getString(KAFKA + "status")).isEqualTo("DELIVERED");
    assertThat(deliveries.getString(KAFKA + "target")).endsWith(Topics.ALERTS);
  }
}
