package io.newsmonitor.alert;

import static io.newsmonitor.alert.EnrichedArticles.article;
import static io.newsmonitor.alert.EnrichedArticles.newArticleId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmonitor.events.AlertRaised;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.events.Topics;
import io.newsmonitor.infra.local.WebhookReceiver;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/**
 * The whole path on real Kafka and PostgreSQL: an enriched article on the topic, a subscription's rule matching it, the
 * match and its delivery written together, and the webhook receiving the alert once.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AlertPipelineTests extends PipelineTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  /** Every alert has a delivery on news.alerts besides its webhook's: these tests look at the webhook's. */
  private static final String WEBHOOK = "find { it.channel == 'webhook' }.";
  private static final String WEBHOOKS = "findAll { it.channel == 'webhook' }";


  @Test
  void aMatchingArticleIsDeliveredToTheWebhookWithReasonsForBothTerms() {
    String subscriptionId = Api.subscribe("Japan and AUKUS", "Japan + Pillar II", receiver.url("/hooks/alerts"));
    String articleId = newArticleId();

    articles.send(article(articleId, 1, true, true));

    await().atMost(WAIT).untilAsserted(() -> assertThat(receiver.received()).hasSize(1));
    WebhookReceiver.Request post = receiver.received().getFirst();
    assertThat(post.path()).isEqualTo("/hooks/alerts");
    assertThat(post.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    AlertRaised alert = EventCodec.instance().fromJson(post.body(), AlertRaised.class);
    assertThat(alert.subscriptionId()).isEqualTo(subscriptionId);
    assertThat(alert.subscriptionName()).isEqualTo("Japan and AUKUS");
    assertThat(alert.rule()).isEqualTo("Japan + Pillar II");
    assertThat(alert.article().id()).isEqualTo(articleId);
    assertThat(alert.article().title()).isEqualTo(EnrichedArticles.TITLE);
    assertThat(alert.storyId()).isEqualTo("story-" + articleId);
    assertThat(alert.reasons()).extracting(AlertRaised.Reason::term).containsExactly("Japan", "Pillar II");
    assertThat(alert.reasons()).extracting(AlertRaised.Reason::matchedAs)
        .containsExactly("actor country:jp (Japan)", "topic topic:aukus-pillar-2 (AUKUS Pillar II)");
    assertThat(alert.reasons()).allSatisfy(reason -> assertThat(reason.snippets()).isNotEmpty().allSatisfy(snippet ->
        assertThat(snippet.text().substring(snippet.highlightStart(), snippet.highlightEnd())).isIn("Japan", "Pillar II")));

    JsonPath deliveries = await().atMost(WAIT).until(() -> Api.deliveries(subscriptionId), d -> "DELIVERED".equals(d.getString(WEBHOOK + "status")));
    assertThat(deliveries.getList("channel", String.class)).containsExactlyInAnyOrder("webhook", "kafka");
    String deliveryId = deliveries.getString(WEBHOOK + "id");
    assertThat(post.header("Idempotency-Key")).contains(deliveryId);
    assertThat(post.header("X-Newsmonitor-Delivery")).contains(deliveryId);
    assertThat(deliveries.getString(WEBHOOK + "subscriptionId")).isEqualTo(subscriptionId);
    assertThat(deliveries.getString(WEBHOOK + "subscriptionName")).isEqualTo("Japan and AUKUS");
    assertThat(deliveries.getString(WEBHOOK + "articleId")).isEqualTo(articleId);
    assertThat(deliveries.getString(WEBHOOK + "articleTitle")).isEqualTo(EnrichedArticles.TITLE);
    assertThat(deliveries.getString(WEBHOOK + "storyId")).isEqualTo("story-" + articleId);
    assertThat(deliveries.getString(WEBHOOK + "channel")).isEqualTo("webhook");
    assertThat(deliveries.getString(WEBHOOK + "target")).isEqualTo(receiver.url("/hooks/alerts"));
    assertThat(deliveries.getInt(WEBHOOK + "attempts")).isEqualTo(1);
    assertThat(deliveries.getInt(WEBHOOK + "lastStatusCode")).isEqualTo(200);
    assertThat(deliveries.getString(WEBHOOK + "deliveredAt")).isNotBlank();
    assertThat(deliveries.getString(WEBHOOK + "createdAt")).isNotBlank();
  }

  @Test
  void anArticleWithJapanButWithoutTheTopicIsNotDelivered() {
    String subscriptionId = Api.subscribe("Japan and AUKUS", "Japan + Pillar II", receiver.url());
    String japanOnly = newArticleId();
    String marker = newArticleId();

    articles.send(article(japanOnly, 1, true, false));
    // Records of one partition are processed in order: once the next one is delivered, the first one was processed.
    articles.send(article(marker, 1, true, true));

    await().atMost(WAIT).untilAsserted(() -> assertThat(receiver.received()).isNotEmpty());
    assertThat(articleIds(receiver.received())).containsExactly(marker);
    assertThat(Api.deliveries(subscriptionId).getList(WEBHOOKS + ".articleId")).containsExactly(marker);
  }

  @Test
  void theSameRecordTwiceAndALaterRevisionMakeOneDelivery() {
    String subscriptionId = Api.subscribe("Japan and AUKUS", "Japan + Pillar II", receiver.url());
    String articleId = newArticleId();
    String marker = newArticleId();

    String record = EventCodec.instance().toJson(article(articleId, 1, true, true));
    articles.send(articleId, record);
    articles.send(articleId, record);
    articles.send(article(articleId, 2, true, true));
    articles.send(article(marker, 1, true, true));

    await().atMost(WAIT).untilAsserted(() -> assertThat(articleIds(receiver.received())).contains(marker));
    await().atMost(WAIT).untilAsserted(() -> assertThat(articleIds(receiver.received())).containsExactlyInAnyOrder(articleId, marker));
    assertThat(Api.deliveries(subscriptionId).getList(WEBHOOKS + ".articleId")).containsExactlyInAnyOrder(articleId, marker);
    AlertRaised alert = EventCodec.instance().fromJson(receiver.received().stream()
        .filter(post -> post.body().contains(articleId)).findFirst().orElseThrow().body(), AlertRaised.class);
    assertThat(alert.article().revision()).isEqualTo(1);
  }

  @Test
  void aReceiverThatIsDownGetsTheAlertOnceItIsBack() {
    String subscriptionId = Api.subscribe("Japan and AUKUS", "Japan + Pillar II", receiver.url());
    receiver.respondWith(503);

    articles.send(article(newArticleId(), 1, true, true));

    await().atMost(WAIT).untilAsserted(() -> assertThat(receiver.received()).hasSizeGreaterThanOrEqualTo(2));
    JsonPath failing = Api.deliveries(subscriptionId);
    assertThat(failing.getString(WEBHOOK + "status")).isEqualTo("PENDING");
    assertThat(failing.getInt(WEBHOOK + "lastStatusCode")).isEqualTo(503);
    assertThat(failing.getString(WEBHOOK + "lastError")).contains("503");
    receiver.respondWith(200);

    JsonPath delivered = await().atMost(WAIT).until(() -> Api.deliveries(subscriptionId), d -> "DELIVERED".equals(d.getString(WEBHOOK + "status")));
    assertThat(delivered.getList(WEBHOOKS)).hasSize(1);
    assertThat(delivered.getInt(WEBHOOK + "lastStatusCode")).isEqualTo(200);
    assertThat(delivered.getString(WEBHOOK + "lastError")).isNull();
    // Every attempt carried the same idempotency key; the last one was answered 200, and nothing is sent after it.
    String deliveryId = delivered.getString(WEBHOOK + "id");
    await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(receiver.received()).hasSize(delivered.getInt(WEBHOOK + "attempts")));
    assertThat(receiver.received()).allSatisfy(post -> assertThat(post.header("Idempotency-Key")).contains(deliveryId));
  }

  @Test
  void aPausedSubscriptionGetsNoAlertAndAResumedOneGetsTheNextOnes() {
    String paused = Api.subscribe("Paused", "Japan + Pillar II", receiver.url("/paused"));
    String active = Api.subscribe("Active", "Japan + Pillar II", receiver.url("/active"));
    Api.given().when().post("/api/subscriptions/" + paused + "/pause").then().statusCode(200);
    String whilePaused = newArticleId();

    articles.send(article(whilePaused, 1, true, true));

    // Both subscriptions are evaluated for the same record: once the active one is told, the paused one was passed over.
    await().atMost(WAIT).untilAsserted(() -> assertThat(receiver.received()).extracting(WebhookReceiver.Request::path).contains("/active"));
    assertThat(receiver.received()).extracting(WebhookReceiver.Request::path).containsExactly("/active");
    assertThat(Api.deliveries(paused).getList("$")).isEmpty();
    // The active one was told on its two channels.
    assertThat(Api.deliveries(active).getList("channel", String.class)).containsExactlyInAnyOrder("webhook", "kafka");

    Api.given().when().post("/api/subscriptions/" + paused + "/resume").then().statusCode(200);
    String afterResume = newArticleId();
    articles.send(article(afterResume, 1, true, true));

    await().atMost(WAIT).untilAsserted(() -> assertThat(receiver.received()).extracting(WebhookReceiver.Request::path).contains("/paused"));
    assertThat(Api.deliveries(paused, "webhook").getList("articleId")).containsExactly(afterResume);
  }

  @Test
  void aRecordThatIsNotAnArticleGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() {
    Api.subscribe("Japan and AUKUS", "Japan + Pillar II", receiver.url());
    String garbageKey = "garbage-" + UUID.randomUUID();
    String invalidKey = "invalid-" + UUID.randomUUID();
    String next = newArticleId();

    articles.send(garbageKey, "this is not JSON {");
    articles.send(invalidKey, "{\"storyId\": \"story-1\"}");
    articles.send(article(next, 1, true, true));

    await().atMost(WAIT).untilAsserted(() -> assertThat(articleIds(receiver.received())).containsExactly(next));
    try (KafkaConsumer<String, String> dlq = TopicReaders.fromStart(Topics.deadLetter(Topics.ARTICLES_ENRICHED))) {
      List<ConsumerRecord<String, String>> dead = new ArrayList<>();
      await().atMost(WAIT).untilAsserted(() -> {
        dlq.poll(Duration.ofMillis(200)).forEach(dead::add);
        assertThat(dead).extracting(ConsumerRecord::key).contains(garbageKey, invalidKey);
      });
      ConsumerRecord<String, String> garbage = dead.stream().filter(r -> garbageKey.equals(r.key())).findFirst().orElseThrow();
      assertThat(garbage.value()).isEqualTo("this is not JSON {");
      assertThat(TopicReaders.header(garbage, "dead-letter-reason")).contains("not JSON");
      ConsumerRecord<String, String> invalid = dead.stream().filter(r -> invalidKey.equals(r.key())).findFirst().orElseThrow();
      assertThat(TopicReaders.header(invalid, "dead-letter-reason")).contains("article");
    }
  }

  private static List<String> articleIds(List<WebhookReceiver.Request> posts) {
    return posts.stream().map(post -> EventCodec.instance().fromJson(post.body(), AlertRaised.class).article().id()).toList();
  }
}
