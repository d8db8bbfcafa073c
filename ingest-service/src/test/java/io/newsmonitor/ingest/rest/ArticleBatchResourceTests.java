package io.newsmonitor.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.events.Topics;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.newsmonitor.ingest.TopicReader;
import io.newsmonitor.ingest.service.ArticleIdentity;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ArticleBatchResourceTests.SmallBatches.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ArticleBatchResourceTests {

  static final int MAX_ITEMS = 10;
  private static final String NDJSON = "application/x-ndjson";
  private static TopicReader topic;

  /** A batch limit small enough to go over, and records over 4 KB refused by the producer, as in {@link PublishFailureTests}. */
  public static class SmallBatches implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("ingest.batch.max-items", Integer.toString(MAX_ITEMS), "mp.messaging.outgoing.articles-ingested.max.request.size", "4096");
    }
  }

  @BeforeAll
  static void openTopic() {
    topic = TopicReader.of(Topics.ARTICLES_INGESTED);
  }

  @AfterAll
  static void closeTopic() {
    topic.close();
  }

  @Test
  void eachLineGetsItsOwnResultAndBadLinesNeverStopTheOthers() {
    String first = uniqueUrl();
    String second = uniqueUrl();
    String third = uniqueUrl();
    String batch = String.join("\n",
        article(first, "First", "The first story."),
        article(second, "Second", "The second story."),
        "",
        "{\"url\": \"" + uniqueUrl() + "\", \"body\": ",
        "{\"title\": \"No URL\", \"body\": \"A story without a URL.\"}",
        article(third, "Third", "The third story."),
        "   ",
        article(first, "First", "The first story."))
        + "\n";

    JsonPath response = given().contentType(NDJSON).body(bytes(batch))
        .when().post("/api/articles/batch")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("published", equalTo(3))
        .body("duplicate", equalTo(1))
        .body("invalid", equalTo(2))
        .body("failed", equalTo(0))
        .extract().jsonPath();

    assertThat(response.getList("results.line", Integer.class)).containsExactly(1, 2, 4, 5, 6, 8);
    assertThat(response.getList("results.status", String.class))
        .containsExactly("published", "published", "invalid", "invalid", "published", "duplicate");
    assertThat(response.getString("results[0].id")).isEqualTo(ArticleIdentity.idOfUrl(first));
    assertThat(response.getInt("results[0].revision")).isEqualTo(1);
    assertThat(response.getString("results[2].errors[0].field")).isEqualTo("$");
    assertThat(response.getString("results[2].errors[0].message")).contains("not valid JSON");
    assertThat(response.getList("results[3].errors.field", String.class)).containsExactly("url");
    assertThat(response.getString("results[5].id")).isEqualTo(ArticleIdentity.idOfUrl(first));
    assertThat(response.getInt("results[5].revision")).isEqualTo(1);

    Map<String, String> titles = Map.of(ArticleIdentity.idOfUrl(first), "First", ArticleIdentity.idOfUrl(second), "Second",
        ArticleIdentity.idOfUrl(third), "Third");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(recordsOf(titles.keySet())).hasSize(3));
    List<ConsumerRecord<String, String>> records = recordsOf(titles.keySet());
    assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(titles.keySet());
    for (ConsumerRecord<String, String> record : records) {
      assertThat(EventCodec.instance().fromJson(record.value(), ArticleIngested.class).title()).isEqualTo(titles.get(record.key()));
    }
  }

  @Test
  void aLineTheBrokerRefusesFailsAloneAndCanBeSentAgain() {
    String tooBig = uniqueUrl();
    String fine = uniqueUrl();
    String batch = article(tooBig, "Too big", "word ".repeat(2000)) + "\n" + article(fine, "Fine", "A short story.");

    JsonPath response = given().contentType(NDJSON).body(bytes(batch))
        .when().post("/api/articles/batch")
        .then()
        .statusCode(200)
        .body("published", equalTo(1))
        .body("failed", equalTo(1))
        .extract().jsonPath();

    assertThat(response.getString("results[0].status")).isEqualTo("failed");
    assertThat(response.getString("results[0].detail")).contains("could not be published").contains("retry");
    assertThat(response.getString("results[1].status")).isEqualTo("published");
    // Nothing was kept of the refused line: sent again, it fails again instead of being a duplicate.
    given().contentType(NDJSON).body(bytes(batch))
        .when().post("/api/articles/batch")
        .then()
        .statusCode(200)
        .body("results.status", org.hamcrest.Matchers.contains("failed", "duplicate"));
    assertThat(recordsOf(Set.of(ArticleIdentity.idOfUrl(tooBig), ArticleIdentity.idOfUrl(fine))))
        .extracting(ConsumerRecord::key).containsExactly(ArticleIdentity.idOfUrl(fine));
  }

  @Test
  void moreLinesThanTheLimitIsA413AndNothingIsPublished() {
    List<String> urls = IntStream.rangeClosed(1, MAX_ITEMS + 1).mapToObj(i -> uniqueUrl()).toList();
    String batch = urls.stream().map(url -> article(url, "Over", "One line too many.")).collect(Collectors.joining("\n"));

    given().contentType(NDJSON).body(bytes(batch))
        .when().post("/api/articles/batch")
        .then()
        .statusCode(413)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(413))
        .body("detail", containsString("at most " + MAX_ITEMS + " items"));

    // Exactly the limit is fine, and proves by the records it adds that the refused batch added none.
    given().contentType(NDJSON).body(bytes(batch.substring(batch.indexOf('\n') + 1)))
        .when().post("/api/articles/batch")
        .then()
        .statusCode(200)
        .body("published", equalTo(MAX_ITEMS));
    Set<String> ids = urls.stream().map(ArticleIdentity::idOfUrl).collect(Collectors.toSet());
    assertThat(recordsOf(ids)).extracting(ConsumerRecord::key).doesNotContain(ArticleIdentity.idOfUrl(urls.get(0))).hasSize(MAX_ITEMS);
  }

  @Test
  void anotherContentTypeIsA415AndAnEmptyBodyA400() {
    given().contentType(ContentType.JSON).body(article(uniqueUrl(), "JSON", "Not NDJSON."))
        .when().post("/api/articles/batch")
        .then()
        .statusCode(415)
        .contentType(startsWith("application/problem+json"));
    given().contentType(NDJSON).body(bytes("\n \n"))
        .when().post("/api/articles/batch")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("errors.field", hasItem("body"));
  }

  @Test
  void openApiDescribesTheBatch() {
    given().queryParam("format", "json").when().get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths", org.hamcrest.Matchers.hasKey("/api/articles/batch"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/imports"))
        .body("paths.'/api/articles/batch'.post.requestBody.content", org.hamcrest.Matchers.hasKey(NDJSON))
        .body("paths.'/api/articles/batch'.post.responses", org.hamcrest.Matchers.hasKey("413"));
  }

  private static List<ConsumerRecord<String, String>> recordsOf(Set<String> ids) {
    return topic.readAll().stream().filter(record -> ids.contains(record.key())).toList();
  }

  private static String article(String url, String title, String body) {
    try {
      return EventCodec.instance().mapper().writeValueAsString(Map.of("url", url, "title", title, "body", body, "source", "Batch News"));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // RestAssured encodes no text for a content type it does not know.
  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String uniqueUrl() {
    return "https://example.org/batch/" + UUID.randomUUID();
  }
}
