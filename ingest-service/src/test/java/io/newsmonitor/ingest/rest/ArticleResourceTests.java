package io.newsmonitor.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.CloudEvents;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.events.Topics;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.newsmonitor.ingest.TopicReader;
import io.newsmonitor.ingest.service.ArticleIdentity;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ArticleResourceTests {

  private static final Duration ARRIVAL = Duration.ofSeconds(30);
  private static TopicReader topic;

  @BeforeAll
  static void openTopic() {
    topic = TopicReader.of(Topics.ARTICLES_INGESTED);
  }

  @AfterAll
  static void closeTopic() {
    topic.close();
  }

  @Test
  void aValidArticleIsPublishedOnceWithCloudEventsHeaders() {
    String url = uniqueUrl();
    String id = ArticleIdentity.idOfUrl(url);

    post(article(url, "Japan to join AUKUS Pillar II projects", "Tokyo and the AUKUS partners agreed to work together.", "2024-04-08T21:56:00+09:00"))
        .statusCode(202)
        .contentType(ContentType.JSON)
        .body("id", equalTo(id))
        .body("revision", equalTo(1))
        .body("status", equalTo("published"));

    await().atMost(ARRIVAL).untilAsserted(() -> assertThat(topic.readKey(id)).hasSize(1));
    ConsumerRecord<String, String> record = topic.readKey(id).get(0);
    ArticleIngested article = EventCodec.instance().fromJson(record.value(), ArticleIngested.class);
    assertThat(article.id()).isEqualTo(id);
    assertThat(article.revision()).isEqualTo(1);
    assertThat(article.url()).isEqualTo(url);
    assertThat(article.title()).isEqualTo("Japan to join AUKUS Pillar II projects");
    assertThat(article.body()).isEqualTo("Tokyo and the AUKUS partners agreed to work together.");
    assertThat(article.source().name()).isEqualTo("Example News");
    assertThat(article.source().id()).isEqualTo("example-news");
    assertThat(article.published()).isEqualTo(OffsetDateTime.parse("2024-04-08T21:56:00+09:00"));
    assertThat(article.publishedEstimated()).isFalse();
    assertThat(article.contentHash()).isEqualTo(ArticleIdentity.contentHash(article.title(), article.body()));

    assertThat(TopicReader.header(record, CloudEvents.HEADER_SPEC_VERSION)).isEqualTo("1.0");
    assertThat(TopicReader.header(record, CloudEvents.HEADER_TYPE)).isEqualTo(CloudEvents.TYPE_ARTICLE_INGESTED);
    assertThat(TopicReader.header(record, CloudEvents.HEADER_SOURCE)).isEqualTo("/newsmonitor/ingest-service");
    assertThat(TopicReader.header(record, CloudEvents.HEADER_ID)).isEqualTo(id + ":1");
    assertThat(OffsetDateTime.parse(TopicReader.header(record, CloudEvents.HEADER_TIME)).toInstant()).isEqualTo(article.ingestedAt());
  }

  @Test
  void theSameArticleAgainIsADuplicateAndNewContentIsTheNextRevision() {
    String url = uniqueUrl();
    String id = ArticleIdentity.idOfUrl(url);
    Map<String, Object> first = article(url, "Talks on Pillar II", "The ministers met on Monday.", null);

    post(first).statusCode(202).body("id", equalTo(id)).body("revision", equalTo(1)).body("status", equalTo("published"));
    // The same URL decorated with tracking parameters, a fragment and an upper-case host is the same article.
    Map<String, Object> again = new HashMap<>(first);
    again.put("url", url.replace("https://example.org", "https://EXAMPLE.org:443") + "?utm_source=rss&fbclid=x#top");
    again.put("body", "The  ministers\u00A0met on Monday.\n");
    post(again).statusCode(202).body("id", equalTo(id)).body("revision", equalTo(1)).body("status", equalTo("duplicate"));
    await().atMost(ARRIVAL).untilAsserted(() -> assertThat(topic.readKey(id)).hasSize(1));

    Map<String, Object> corrected = new HashMap<>(first);
    corrected.put("body", "The ministers met on Monday and agreed on a plan.");
    post(corrected).statusCode(202).body("id", equalTo(id)).body("revision", equalTo(2)).body("status", equalTo("published"));
    post(corrected).statusCode(202).body("revision", equalTo(2)).body("status", equalTo("duplicate"));
    // The first content again is still a duplicate of revision 1, not a third revision.
    post(first).statusCode(202).body("revision", equalTo(1)).body("status", equalTo("duplicate"));

    publishSentinel();
    List<ConsumerRecord<String, String>> records = topic.readKey(id);
    assertThat(records).extracting(record -> TopicReader.header(record, CloudEvents.HEADER_ID)).containsExactly(id + ":1", id + ":2");
    assertThat(records).extracting(record -> EventCodec.instance().fromJson(record.value(), ArticleIngested.class).revision())
        .containsExactly(1, 2);
  }

  static Stream<Arguments> badRequests() {
    String url = "https://example.org/news/" + UUID.randomUUID();
    return Stream.of(
        Arguments.of("invalid JSON", "{\"url\": \"" + url + "\", \"body\": ", "$"),
        Arguments.of("a JSON array", "[]", "$"),
        Arguments.of("no url", json(Map.of("body", "A story.")), "url"),
        Arguments.of("no body", json(Map.of("url", url)), "body"),
        Arguments.of("a blank body", json(Map.of("url", url, "body", " \u00A0\n\t")), "body"),
        Arguments.of("a non-http url", json(Map.of("url", "ftp://example.org/news/1", "body", "A story.")), "url"),
        Arguments.of("a relative url", json(Map.of("url", "/news/1", "body", "A story.")), "url"),
        Arguments.of("a body over the limit", json(Map.of("url", url, "body", "x".repeat(200_001))), "body"),
        Arguments.of("a bad published date", json(Map.of("url", url, "body", "A story.", "published", "08/04/2024")), "published"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void badInputIsAProblemNamingTheFieldAndPublishesNothing(String what, String requestBody, String field) {
    int before = topic.readAll().size();

    given().contentType(ContentType.JSON).body(requestBody)
        .when().post("/api/articles")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(400))
        .body("title", org.hamcrest.Matchers.notNullValue())
        .body("errors.field", hasItem(field));

    String sentinel = publishSentinel();
    List<ConsumerRecord<String, String>> added = topic.readAll().subList(before, topic.readAll().size());
    assertThat(added).extracting(ConsumerRecord::key).as("records published since the bad request").containsExactly(sentinel);
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    given().contentType(ContentType.JSON).body(json(Map.of("url", "not a url", "published", "yesterday")))
        .when().post("/api/articles")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("url", "body", "published"));
  }

  @Test
  void concurrentCopiesOfOneArticlePublishItOnce() throws Exception {
    String url = uniqueUrl();
    String id = ArticleIdentity.idOfUrl(url);
    Map<String, Object> copy = article(url, "Race", "Four requests carry the same article at once.", null);

    List<String> statuses;
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<CompletableFuture<String>> calls = IntStream.range(0, 4)
          .mapToObj(i -> CompletableFuture.supplyAsync(() -> post(copy).statusCode(202).extract().<String>path("status"), pool))
          .toList();
      statuses = new ArrayList<>();
      for (CompletableFuture<String> call : calls) {
        statuses.add(call.get());
      }
    }

    assertThat(statuses).containsOnlyOnce("published").containsOnly("published", "duplicate");
    publishSentinel();
    assertThat(topic.readKey(id)).hasSize(1);
  }

  @Test
  void withoutTitleOrDateTheTitleIsDerivedAndTheDateEstimated() {
    String url = uniqueUrl();
    String id = ArticleIdentity.idOfUrl(url);

    post(article(url, null, "Japan may join the pact. Talks start on Monday.", null)).statusCode(202).body("status", equalTo("published"));

    await().atMost(ARRIVAL).untilAsserted(() -> assertThat(topic.readKey(id)).hasSize(1));
    ArticleIngested article = EventCodec.instance().fromJson(topic.readKey(id).get(0).value(), ArticleIngested.class);
    assertThat(article.title()).isEqualTo("Japan may join the pact.");
    assertThat(article.publishedEstimated()).isTrue();
    assertThat(article.published().toInstant()).isEqualTo(article.ingestedAt());
  }

  @Test
  void aDateWithoutOffsetIsUtcAndTheDefaultSourceIsPush() {
    String url = uniqueUrl();
    String id = ArticleIdentity.idOfUrl(url);
    Map<String, Object> request = article(url, "Local time", "A story.", "2024-10-19T08:30:00");
    request.remove("source");

    post(request).statusCode(202);

    await().atMost(ARRIVAL).untilAsserted(() -> assertThat(topic.readKey(id)).hasSize(1));
    ArticleIngested article = EventCodec.instance().fromJson(topic.readKey(id).get(0).value(), ArticleIngested.class);
    assertThat(article.published()).isEqualTo(OffsetDateTime.parse("2024-10-19T08:30:00Z"));
    assertThat(article.source().name()).isEqualTo("push");
    assertThat(article.source().id()).isEqualTo("push");
  }

  @Test
  void readinessCoversKafkaAndTheDatabase() {
    given().when().get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem("Database connections health check"))
        .body("checks.name", hasItem("Kafka broker"))
        .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"));
  }

  @Test
  void openApiDescribesTheService() {
    given().queryParam("format", "json").when().get("/q/openapi")
        .then()
        .statusCode(200)
        .body("info.title", equalTo("ingest-service"))
        .body("info.version", equalTo("0.1.0-SNAPSHOT"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/articles"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/imports/seed"));
  }

  /** Publishes a fresh valid article, waits until it is on the topic, and returns its id. */
  private static String publishSentinel() {
    String url = uniqueUrl();
    String id = ArticleIdentity.idOfUrl(url);
    post(article(url, "Sentinel", "A valid article published after the one under test.", null)).statusCode(202).body("status", equalTo("published"));
    await().atMost(ARRIVAL).untilAsserted(() -> assertThat(topic.readKey(id)).hasSize(1));
    return id;
  }

  private static ValidatableResponse post(Map<String, Object> article) {
    return given().contentType(ContentType.JSON).body(json(article)).when().post("/api/articles").then();
  }

  private static Map<String, Object> article(String url, String title, String body, String published) {
    Map<String, Object> article = new HashMap<>();
    article.put("url", url);
    article.put("title", title);
    article.put("body", body);
    article.put("published", published);
    article.put("source", "Example News");
    return article;
  }

  private static String uniqueUrl() {
    return "https://example.org/news/" + UUID.randomUUID();
  }

  private static String json(Map<String, ?> fields) {
    try {
      return EventCodec.instance().mapper().writeValueAsString(fields);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
