package io.newsmonitor.enrich.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.events.SourceRef;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What operators see of enrich-service: readiness, metrics, the trace carried through, and the article id in the logs. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class EnrichObservabilityTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String SERVICE = "service=\"enrich-service\"";

  private RealInfrastructure.Settings infra;
  private KafkaProducer<String, String> producer;
  private TopicReader enriched;

  @BeforeEach
  void connect() {
    infra = RealInfrastructure.current();
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new StringSerializer());
    enriched = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.ARTICLES_ENRICHED));
  }

  @AfterEach
  void disconnect() {
    producer.close(Duration.ofSeconds(5));
    enriched.close();
  }

  @Test
  void readinessListsKafkaAndPostgresqlUpAndLivenessNeither() {
    HealthContract.assertReadinessCoversKafkaAndPostgresqlUp();
    HealthContract.assertLivenessChecksNeitherKafkaNorPostgresql();
  }

  @Test
  void theEnrichedRecordContinuesTheTraceOfTheIngestedOne() throws Exception {
    TestTrace trace = TestTrace.random();
    ArticleIngested article = article();
    ProducerRecord<String, String> record = new ProducerRecord<>(infra.topic(Topics.ARTICLES_INGESTED), article.id(),
        EventCodec.instance().toJson(article));
    record.headers().add("traceparent", (trace.traceparent()).getBytes(StandardCharsets.UTF_8));
    producer.send(record).get();

    ConsumerRecord<String, String> out = await().atMost(TIMEOUT).until(() -> enriched.withKey(article.id()), r -> !r.isEmpty()).getFirst();
    Header traceparent = out.headers().lastHeader("traceparent");
    assertThat(traceparent).as("traceparent header").isNotNull();
    assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).matches(trace.continuation());
  }

  @Test
  void linesLoggedWhileEnrichingAnArticleCarryItsId() throws Exception {
    List<String> articleIds = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record instanceof ExtLogRecord ext && ext.getMdc(LogContext.ARTICLE_ID) != null) {
          articleIds.add(ext.getMdc(LogContext.ARTICLE_ID));
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    Logger logger = Logger.getLogger("io.newsmonitor.enrich");
    logger.addHandler(capture);
    try {
      ArticleIngested article = article();
      producer.send(new ProducerRecord<>(infra.topic(Topics.ARTICLES_INGESTED), article.id(), EventCodec.instance().toJson(article))).get();
      await().atMost(TIMEOUT).untilAsserted(() -> assertThat(articleIds).contains(article.id()));
    } finally {
      logger.removeHandler(capture);
    }
  }

  @Test
  void countsArticlesStoriesDurationsAndDeadLetters() throws Exception {
    double enrichedBefore = value("newsmonitor_articles_enriched_total{outcome=\"enriched\"," + SERVICE + "}");
    double failedBefore = value("newsmonitor_articles_enriched_total{outcome=\"failed\"," + SERVICE + "}");
    double newStoriesBefore = value("newsmonitor_stories_total{kind=\"new\"," + SERVICE + "}");
    double timedBefore = value("newsmonitor_enrich_duration_seconds_count{" + SERVICE + "}");
    String deadLetters = "newsmonitor_dlq_records_total{" + SERVICE + ",topic=\"" + infra.topic(Topics.deadLetter(Topics.ARTICLES_INGESTED)) + "\"}";
    double deadLettersBefore = value(deadLetters);

    // A year before the other tests' articles, beyond the story window of any of them: it starts a story of its own.
    ArticleIngested article = article(OffsetDateTime.of(2024, 2, 3, 10, 0, 0, 0, ZoneOffset.UTC));
    producer.send(new ProducerRecord<>(infra.topic(Topics.ARTICLES_INGESTED), article.id(), EventCodec.instance().toJson(article))).get();
    producer.send(new ProducerRecord<>(infra.topic(Topics.ARTICLES_INGESTED), "garbage-" + UUID.randomUUID(), "{not json")).get();

    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(value("newsmonitor_articles_enriched_total{outcome=\"enriched\"," + SERVICE + "}")).isEqualTo(enrichedBefore + 1);
      assertThat(value("newsmonitor_articles_enriched_total{outcome=\"failed\"," + SERVICE + "}")).isEqualTo(failedBefore + 1);
      assertThat(value(deadLetters)).isEqualTo(deadLettersBefore + 1);
    });
    assertThat(value("newsmonitor_stories_total{kind=\"new\"," + SERVICE + "}")).isEqualTo(newStoriesBefore + 1);
    assertThat(value("newsmonitor_enrich_duration_seconds_count{" + SERVICE + "}")).isEqualTo(timedBefore + 1);
    String metrics = scrape();
    assertThat(metrics)
        .contains("newsmonitor_stories_total{kind=\"joined\"," + SERVICE + "}")
        .contains("newsmonitor_enrich_duration_seconds_bucket{" + SERVICE + ",le=\"0.5\"}")
        .contains("kafka_consumer_fetch_manager_records_lag_max");
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

  private static ArticleIngested article() {
    return article(OffsetDateTime.of(2025, 2, 3, 10, 0, 0, 0, ZoneOffset.UTC).plusMinutes(ThreadLocalRandom.current().nextInt(100_000)));
  }

  private static ArticleIngested article(OffsetDateTime published) {
    String id = UUID.randomUUID().toString().replace("-", "");
    return new ArticleIngested(id, 1, "https://example.org/news/" + id, new SourceRef("example", "Example News"),
        "Japan to join AUKUS Pillar II projects " + id,
        "Tokyo and the AUKUS partners agreed on Monday to work together on Pillar II advanced capabilities, officials said. " + id,
        null, "en", published, false, published.toInstant().plusSeconds(61), "sha256:" + "ab".repeat(32));
  }

}
