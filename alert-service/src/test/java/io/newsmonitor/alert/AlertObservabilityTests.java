package io.newsmonitor.alert;

import static io.newsmonitor.alert.EnrichedArticles.article;
import static io.newsmonitor.alert.EnrichedArticles.newArticleId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.Topics;
import io.newsmonitor.infra.test.HealthContract;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.newsmonitor.infra.test.TestTrace;
import io.newsmonitor.support.observability.LogContext;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** What operators see of alert-service: readiness, metrics, the article's trace continued by its deliveries, ids in the logs. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AlertObservabilityTests extends PipelineTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String SERVICE = "service=\"alert-service\"";

  @Test
  void readinessListsKafkaAndPostgresqlUpAndLivenessNeither() {
    HealthContract.assertReadinessCoversKafkaAndPostgresqlUp();
    HealthContract.assertLivenessChecksNeitherKafkaNorPostgresql();
  }

  @Test
  void theWebhookAndTheAlertRecordContinueTheTraceOfTheEnrichedRecord() {
    TestTrace trace = TestTrace.random();
    Api.subscribe("Traced", "Japan + Pillar II", receiver.url("/traced"));
    ArticleEnriched article = article(newArticleId(), 1, true, true);

    articles.send(article, Map.of("traceparent", trace.traceparent()));

    await().atMost(WAIT).until(() -> !receiver.received().isEmpty());
    assertThat(receiver.received().getFirst().header("traceparent")).as("the webhook's traceparent")
        .hasValueSatisfying(value -> assertThat(value).matches(trace.continuation()));
    try (KafkaConsumer<String, String> alerts = TopicReaders.fromStart(Topics.ALERTS)) {
      List<ConsumerRecord<String, String>> published = new ArrayList<>();
      await().atMost(WAIT).untilAsserted(() -> {
        alerts.poll(Duration.ofMillis(200)).forEach(published::add);
        assertThat(published).filteredOn(record -> record.value().contains(article.article().id())).isNotEmpty();
      });
      ConsumerRecord<String, String> alert = published.stream().filter(record -> record.value().contains(article.article().id())).findFirst().orElseThrow();
      Header traceparent = alert.headers().lastHeader("traceparent");
      assertThat(traceparent).as("the news.alerts record's traceparent").isNotNull();
      assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).matches(trace.continuation());
    }
  }

  @Test
  void countsMatchesAlertsDeliveriesLatenciesAndDeadLetters() {
    double alerted = value("newsmonitor_articles_matched_total{result=\"alerted\"," + SERVICE + "}");
    double noNewAlert = value("newsmonitor_articles_matched_total{result=\"no-new-alert\"," + SERVICE + "}");
    double alerts = value("newsmonitor_alerts_total{kind=\"alert\"," + SERVICE + "}");
    double attached = value("newsmonitor_alerts_total{kind=\"attached\"," + SERVICE + "}");
    double matchTimings = value("newsmonitor_match_duration_seconds_count{" + SERVICE + "}");
    double webhooksDelivered = value("newsmonitor_deliveries_total{channel=\"webhook\",outcome=\"delivered\"," + SERVICE + "}");
    double kafkaDelivered = value("newsmonitor_deliveries_total{channel=\"kafka\",outcome=\"delivered\"," + SERVICE + "}");
    double webhookLatencies = value("newsmonitor_delivery_latency_seconds_count{channel=\"webhook\"," + SERVICE + "}");
    String deadLetters = "newsmonitor_dlq_records_total{" + SERVICE + ",topic=\""
        + RealInfrastructure.current().topic(Topics.deadLetter(Topics.ARTICLES_ENRICHED)) + "\"}";
    double deadLettered = value(deadLetters);
    Api.subscribe("Counted", "Japan + Pillar II", receiver.url("/counted"));
    String unmatched = newArticleId();
    ArticleEnriched first = article(newArticleId(), 1, true, true);
    ArticleEnriched copy = article(newArticleId(), 1, true, true);

    articles.send(first);
    articles.send(withStory(copy, first.storyId()));
    articles.send(article(unmatched, 1, false, false));
    articles.send("garbage-" + UUID.randomUUID(), "{not json");

    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(value(deadLetters)).isEqualTo(deadLettered + 1);
      assertThat(value("newsmonitor_deliveries_total{channel=\"webhook\",outcome=\"delivered\"," + SERVICE + "}")).isEqualTo(webhooksDelivered + 1);
      assertThat(value("newsmonitor_deliveries_total{channel=\"kafka\",outcome=\"delivered\"," + SERVICE + "}")).isEqualTo(kafkaDelivered + 1);
    });
    assertThat(value("newsmonitor_articles_matched_total{result=\"alerted\"," + SERVICE + "}")).isEqualTo(alerted + 1);
    assertThat(value("newsmonitor_articles_matched_total{result=\"no-new-alert\"," + SERVICE + "}")).isEqualTo(noNewAlert + 2);
    assertThat(value("newsmonitor_alerts_total{kind=\"alert\"," + SERVICE + "}")).isEqualTo(alerts + 1);
    assertThat(value("newsmonitor_alerts_total{kind=\"attached\"," + SERVICE + "}")).isEqualTo(attached + 1);
    assertThat(value("newsmonitor_match_duration_seconds_count{" + SERVICE + "}")).isEqualTo(matchTimings + 3);
    assertThat(value("newsmonitor_delivery_latency_seconds_count{channel=\"webhook\"," + SERVICE + "}")).isEqualTo(webhookLatencies + 1);
    assertThat(scrape())
        .contains("newsmonitor_outbox_pending{" + SERVICE + "}")
        .contains("newsmonitor_deliveries_total{channel=\"digest-email\",outcome=\"parked\"," + SERVICE + "}")
        .contains("newsmonitor_delivery_latency_seconds_bucket{channel=\"webhook\"," + SERVICE + ",le=\"0.5\"}")
        .contains("kafka_consumer_fetch_manager_records_lag_max");
  }

  @Test
  void linesLoggedWhileDeliveringCarryTheSubscriptionAndTheDelivery() {
    List<String> contexts = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record instanceof ExtLogRecord ext && ext.getMdc(LogContext.DELIVERY_ID) != null) {
          contexts.add(ext.getMdc(LogContext.SUBSCRIPTION_ID) + "/" + ext.getMdc(LogContext.DELIVERY_ID));
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    Logger logger = Logger.getLogger("io.newsmonitor.alert");
    logger.addHandler(capture);
    try {
      String subscriptionId = Api.subscribe("Logged", "Japan + Pillar II", receiver.url("/logged"));
      articles.send(article(newArticleId(), 1, true, true));
      await().atMost(WAIT).until(() -> "DELIVERED".equals(Api.deliveries(subscriptionId, "webhook").getString("[0].status")));
      String deliveryId = Api.deliveries(subscriptionId, "webhook").getString("[0].id");
      await().atMost(WAIT).untilAsserted(() -> assertThat(contexts).contains(subscriptionId + "/" + deliveryId));
    } finally {
      logger.removeHandler(capture);
    }
  }

  private static ArticleEnriched withStory(ArticleEnriched article, String storyId) {
    return new ArticleEnriched(article.article(), article.actors(), article.topics(), storyId, article.knowledgeBaseVersion(), article.enrichedAt(),
        article.languageCoverage());
  }

  private static double value(String series) {
    String prefix = series + " ";
    return scrape().lines().filter(line -> line.startsWith(prefix))
        // The value, then perhaps an exemplar (# {trace_id=...}) of the trace that last counted.
        .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length()).split(" ")[0])).findFirst()
        .orElseThrow(() -> new AssertionError("no series " + series));
  }

  private static String scrape() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }

}
