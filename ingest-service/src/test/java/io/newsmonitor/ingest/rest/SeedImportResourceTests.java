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
import io.newsmonitor.ingest.seed.Seeds;
import io.newsmonitor.ingest.service.ArticleIdentity;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class SeedImportResourceTests {

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
  void theFiveSeedsBecomeFiveCleanArticles() {
    List<Path> seeds = Seeds.all();
    assertThat(seeds).hasSize(5);

    for (Path seed : seeds) {
      String name = seed.getFileName().toString();
      given().contentType(ContentType.TEXT).queryParam("filename", name).body(Seeds.read(seed))
          .when().post("/api/imports/seed")
          .then()
          .statusCode(202)
          .body("id", equalTo(idOf(name)))
          .body("revision", equalTo(1))
          .body("status", equalTo("published"));
    }

    Map<String, String> idsToNames = seeds.stream().map(seed -> seed.getFileName().toString())
        .collect(Collectors.toMap(SeedImportResourceTests::idOf, name -> name));
    // Other test classes may share this application, and so its topic: look at the seeds' keys only.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(seedRecords(idsToNames.keySet())).hasSize(5));
    List<ConsumerRecord<String, String>> records = seedRecords(idsToNames.keySet());
    assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(idsToNames.keySet());
    for (ConsumerRecord<String, String> record : records) {
      ArticleIngested article = EventCodec.instance().fromJson(record.value(), ArticleIngested.class);
      assertThat(article.id()).isEqualTo(record.key());
      assertThat(article.url()).isNull();
      assertThat(article.source().id()).isEqualTo("file-import");
      assertThat(article.title()).isNotBlank();
      assertThat(article.body()).isNotBlank()
          .doesNotContain("PTownsend", "warmongering", "25 Comments", "Image source", "You may also like", "Most Commented");
      assertThat(TopicReader.header(record, CloudEvents.HEADER_ID)).isEqualTo(article.id() + ":1");
      assertThat(TopicReader.header(record, CloudEvents.HEADER_TYPE)).isEqualTo(CloudEvents.TYPE_ARTICLE_INGESTED);
    }
    ArticleIngested icaro = articleOf(records, "000");
    assertThat(icaro.source().name()).isEqualTo("ICARO Media Group");
    assertThat(icaro.published().toString()).isEqualTo("2024-04-08T21:56Z");
    assertThat(icaro.publishedEstimated()).isFalse();
    assertThat(articleOf(records, "001").source().name()).isEqualTo("file import");
    assertThat(articleOf(records, "001").publishedEstimated()).isTrue();
    assertThat(articleOf(records, "002").source().name()).isEqualTo("Reuters Yonhap News");
    assertThat(articleOf(records, "004").published().toLocalDate()).hasToString("2024-10-19");
  }

  @Test
  void theResponseTellsWhatWasParsedAndAReimportIsADuplicate() {
    String name = Seeds.file("000").getFileName().toString();
    String text = Seeds.text("000");
    // A name of its own, so that this test does not depend on the order of the others.
    String copy = "again-" + name;

    given().contentType(ContentType.TEXT).queryParam("filename", copy).body(text)
        .when().post("/api/imports/seed")
        .then()
        .statusCode(202)
        .body("status", equalTo("published"))
        .body("title", equalTo("China Expresses Serious Concerns Over Japan's Potential Inclusion in Aukus Security Pact"))
        .body("source", equalTo("ICARO Media Group"))
        .body("published", equalTo("2024-04-08T21:56:00Z"))
        .body("publishedEstimated", equalTo(false));
    given().contentType(ContentType.TEXT).queryParam("filename", "imports/" + copy).body(text)
        .when().post("/api/imports/seed")
        .then()
        .statusCode(202)
        .body("id", equalTo(idOf(copy)))
        .body("status", equalTo("duplicate"));
  }

  @Test
  void aFileWithoutNameOrStoryIsAProblem() {
    given().contentType(ContentType.TEXT).body(Seeds.text("004"))
        .when().post("/api/imports/seed")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("errors.field", hasItem("filename"));
    given().contentType(ContentType.TEXT).queryParam("filename", "empty.txt").body("\n \n")
        .when().post("/api/imports/seed")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("errors.field", hasItem("body"));
    given().contentType(ContentType.TEXT).queryParam("filename", "furniture.txt").body("Title\n\nImage source: Reuters\n\nYou may also like...\n")
        .when().post("/api/imports/seed")
        .then()
        .statusCode(400)
        .contentType(startsWith("application/problem+json"))
        .body("errors.field", hasItem("body"));
  }

  private static List<ConsumerRecord<String, String>> seedRecords(java.util.Set<String> ids) {
    return topic.readAll().stream().filter(record -> ids.contains(record.key())).toList();
  }

  private static ArticleIngested articleOf(List<ConsumerRecord<String, String>> records, String seedPrefix) {
    String id = idOf(Seeds.file(seedPrefix).getFileName().toString());
    return records.stream().filter(record -> id.equals(record.key())).findFirst()
        .map(record -> EventCodec.instance().fromJson(record.value(), ArticleIngested.class))
        .orElseThrow();
  }

  private static String idOf(String fileName) {
    return ArticleIdentity.idOfGuid("file-import", fileName.replaceFirst("\\.txt$", ""));
  }
}
