package io.newsmonitor.enrich.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.CloudEvents;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.events.SourceRef;
import io.newsmonitor.events.Tag;
import io.newsmonitor.events.Topics;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole service against a real Kafka broker and a real PostgreSQL: ingested record in, enriched record out. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ArticleIngestedProcessorTests {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final EventCodec CODEC = EventCodec.instance();
  private static final AtomicInteger ARTICLES = new AtomicInteger();

  private RealInfrastructure.Settings infra;
  private KafkaProducer<String, String> producer;
  private TopicReader enriched;
  private TopicReader deadLetters;

  @BeforeEach
  void connect() {
    infra = RealInfrastructure.current();
    producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new StringSerializer());
    enriched = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.ARTICLES_ENRICHED));
    deadLetters = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.deadLetter(Topics.ARTICLES_INGESTED)));
  }

  @AfterEach
  void disconnect() {
    producer.close(Duration.ofSeconds(5));
    enriched.close();
    deadLetters.close();
  }

  @Test
  void enrichesAnIngestedArticle() throws Exception {
    ArticleIngested article = article(1);
    send(article.id(), CODEC.toJson(article), true);

    ConsumerRecord<String, String> record = awaitOne(enriched, article.id());
    ArticleEnriched event = CODEC.fromJson(record.value(), ArticleEnriched.class);
    assertThat(event.article()).isEqualTo(article);
    assertThat(event.actors()).extracting(Tag::id).contains("country:jp", "alliance:aukus");
    assertThat(event.topics()).extracting(Tag::id).contains("topic:aukus-pillar-2");
    assertThat(event.topics()).filteredOn(t -> t.id().equals("topic:aukus-pillar-2")).singleElement()
        .satisfies(t -> assertThat(t.mentions()).isNotEmpty());
    assertThat(event.storyId()).isEqualTo("story-" + article.id().substring(0, 16));
    assertThat(event.knowledgeBaseVersion()).isNotBlank();

    assertThat(header(record.headers(), CloudEvents.HEADER_TYPE)).isEqualTo(CloudEvents.TYPE_ARTICLE_ENRICHED);
    assertThat(header(record.headers(), CloudEvents.HEADER_ID)).isEqualTo(article.id() + ":1");
    assertThat(header(record.headers(), CloudEvents.HEADER_SOURCE)).isEqualTo("/newsmonitor/enrich-service");
    assertThat(header(record.headers(), CloudEvents.HEADER_SPEC_VERSION)).isEqualTo(CloudEvents.SPEC_VERSION);
    assertThat(header(record.headers(), CloudEvents.HEADER_TIME)).isNotBlank();
    assertThat(storyRows(article.id())).isEqualTo(1);
  }

  @Test
  void sendsRecordsThatDoNotDecodeToTheDeadLetterTopicAndCarriesOn() throws Exception {
    String garbageKey = "garbage-" + randomId();
    String invalidKey = "invalid-" + randomId();
    send(garbageKey, "{not json", false);
    send(invalidKey, "{\"id\": \"not-an-article-id\", \"title\": \"Japan\"}", true);
    ArticleIngested valid = article(1);
    send(valid.id(), CODEC.toJson(valid), true);

    ConsumerRecord<String, String> garbage = awaitOne(deadLetters, garbageKey);
    assertThat(garbage.value()).isEqualTo("{not json");
    assertThat(header(garbage.headers(), "dead-letter-reason")).contains("not JSON");
    ConsumerRecord<String, String> invalid = awaitOne(deadLetters, invalidKey);
    assertThat(header(invalid.headers(), "dead-letter-reason")).contains("invalid ArticleIngested", "revision", "body");

    ArticleEnriched event = CODEC.fromJson(awaitOne(enriched, valid.id()).value(), ArticleEnriched.class);
    assertThat(event.topics()).extracting(Tag::id).contains("topic:aukus-pillar-2");
    assertThat(enriched.withKey(garbageKey)).isEmpty();
    assertThat(enriched.withKey(invalidKey)).isEmpty();
    assertThat(deadLetters.withKey(valid.id())).isEmpty();
    // Nothing blocks the partition: the consumer group commits past the records it sent to the dead-letter topic.
    await().atMost(TIMEOUT).until(() -> committedOffset() >= endOffset());
  }

  @Test
  void processingTheSameRecordTwiceGivesTheSameResult() throws Exception {
    ArticleIngested article = article(1);
    String json = CODEC.toJson(article);
    send(article.id(), json, true);
    await().atMost(TIMEOUT).until(() -> enriched.withKey(article.id()).size() == 1);
    send(article.id(), json, true);

    List<ConsumerRecord<String, String>> records = await().atMost(TIMEOUT)
        .until(() -> enriched.withKey(article.id()), r -> r.size() == 2);
    ArticleEnriched first = CODEC.fromJson(records.get(0).value(), ArticleEnriched.class);
    ArticleEnriched second = CODEC.fromJson(records.get(1).value(), ArticleEnriched.class);
    assertThat(second.actors()).isEqualTo(first.actors());
    assertThat(second.topics()).isEqualTo(first.topics());
    assertThat(second.storyId()).isEqualTo(first.storyId());
    assertThat(second).isEqualTo(first);
    assertThat(records.get(1).value()).isEqualTo(records.get(0).value());
    assertThat(header(records.get(1).headers(), CloudEvents.HEADER_ID)).isEqualTo(header(records.get(0).headers(), CloudEvents.HEADER_ID));
    assertThat(storyRows(article.id())).isEqualTo(1);
  }

  @Test
  void aNewRevisionKeepsTheStoryOfTheArticle() throws Exception {
    ArticleIngested first = article(1);
    send(first.id(), CODEC.toJson(first), true);
    ArticleIngested second = new ArticleIngested(first.id(), 2, first.url(), first.source(), first.title() + " (updated)",
        first.body(), null, "en", first.published(), false, first.ingestedAt().plusSeconds(60), first.contentHash());
    send(second.id(), CODEC.toJson(second), true);

    List<ConsumerRecord<String, String>> records = await().atMost(TIMEOUT)
        .until(() -> enriched.withKey(first.id()), r -> r.size() == 2);
    ArticleEnriched enrichedSecond = CODEC.fromJson(records.get(1).value(), ArticleEnriched.class);
    assertThat(enrichedSecond.article().revision()).isEqualTo(2);
    assertThat(enrichedSecond.storyId()).isEqualTo(CODEC.fromJson(records.get(0).value(), ArticleEnriched.class).storyId());
    assertThat(header(records.get(1).headers(), CloudEvents.HEADER_ID)).isEqualTo(first.id() + ":2");
    assertThat(storyRows(first.id())).isEqualTo(1);
  }

  @Test
  void isReadyWithKafkaAndTheDatabase() {
    await().atMost(TIMEOUT).untilAsserted(() -> given().get("/q/health/ready").then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem(containsString("Kafka")))
        .body("checks.name", hasItem(containsString("Database")))
        .body("checks.name", hasItem("knowledge-base")));
  }

  private void send(String key, String value, boolean withCloudEventHeaders) throws Exception {
    ProducerRecord<String, String> record = new ProducerRecord<>(infra.topic(Topics.ARTICLES_INGESTED), key, value);
    if (withCloudEventHeaders) {
      record.headers()
          .add(CloudEvents.HEADER_SPEC_VERSION, bytes(CloudEvents.SPEC_VERSION))
          .add(CloudEvents.HEADER_ID, bytes(key + ":1"))
          .add(CloudEvents.HEADER_TYPE, bytes(CloudEvents.TYPE_ARTICLE_INGESTED))
          .add(CloudEvents.HEADER_SOURCE, bytes("/newsmonitor/ingest-service"))
          .add(CloudEvents.HEADER_TIME, bytes(Instant.now().toString()));
    }
    producer.send(record).get();
  }

  private static ConsumerRecord<String, String> awaitOne(TopicReader reader, String key) {
    return await().atMost(TIMEOUT).until(() -> reader.withKey(key), r -> !r.isEmpty()).getFirst();
  }

  private long committedOffset() throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()))) {
      OffsetAndMetadata committed = admin.listConsumerGroupOffsets("enrich-service").partitionsToOffsetAndMetadata().get()
          .get(new TopicPartition(infra.topic(Topics.ARTICLES_INGESTED), 0));
      return committed == null ? -1 : committed.offset();
    }
  }

  private long endOffset() throws Exception {
    TopicPartition partition = new TopicPartition(infra.topic(Topics.ARTICLES_INGESTED), 0);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()))) {
      return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get().offset();
    }
  }

  private int storyRows(String articleId) throws SQLException {
    try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(), infra.username(), infra.password());
        PreparedStatement query = connection.prepareStatement("select count(*) from enrich.article_story where article_id = ?")) {
      query.setString(1, articleId);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /**
   * The same text each time, a month further on each time: the copies stay out of each other's story window, so each is a
   * story of its own.
   */
  private static ArticleIngested article(int revision) {
    String id = randomId();
    OffsetDateTime published = OffsetDateTime.of(2024, 4, 8, 21, 56, 0, 0, ZoneOffset.ofHours(9)).plusMonths(ARTICLES.getAndIncrement());
    return new ArticleIngested(id, revision, "https://example.org/news/" + id, new SourceRef("example", "Example News"),
        "Japan to join AUKUS Pillar II projects",
        "Tokyo and the AUKUS partners agreed on Monday to work together on Pillar II advanced capabilities, "
            + "Japanese officials said. Let us see, said one of them.",
        null, "en", published, false, published.toInstant().plusSeconds(61), "sha256:" + "ab".repeat(32));
  }

  private static String randomId() {
    byte[] bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
