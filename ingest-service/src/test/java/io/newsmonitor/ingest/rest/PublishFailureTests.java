package io.newsmonitor.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.newsmonitor.events.Topics;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.newsmonitor.ingest.TopicReader;
import io.newsmonitor.ingest.persistence.ArticleRevisionRepository;
import io.newsmonitor.ingest.service.ArticleIdentity;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When the broker refuses a record, the request fails with 503 and leaves nothing behind, so a retry is not a "duplicate". */
@QuarkusTest
@TestProfile(PublishFailureTests.TinyRecords.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class PublishFailureTests {

  /** The broker-side refusal we can cause at will: records over 4 KB are rejected by the producer (not retriable). */
  public static class TinyRecords implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("mp.messaging.outgoing.articles-ingested.max.request.size", "4096");
    }
  }

  @Inject
  ArticleRevisionRepository revisions;

  @Test
  void aRefusedRecordIsA503AndNoRevisionIsKept() {
    String url = "https://example.org/news/" + UUID.randomUUID();
    String id = ArticleIdentity.idOfUrl(url);
    String tooBig = "{\"url\":\"" + url + "\",\"title\":\"Too big\",\"body\":\"" + "word ".repeat(2000) + "\"}";

    for (int attempt = 1; attempt <= 2; attempt++) {
      // The second attempt fails the same way instead of answering "duplicate": the first one left no row.
      given().contentType(ContentType.JSON).body(tooBig)
          .when().post("/api/articles")
          .then()
          .statusCode(503)
          .contentType(startsWith("application/problem+json"))
          .body("status", equalTo(503));
      assertThat(revisions.count("articleId", id)).isZero();
    }

    // The channel survives the refusal: the next article goes out.
    String small = "{\"url\":\"" + url + "\",\"title\":\"Small\",\"body\":\"A short story.\"}";
    given().contentType(ContentType.JSON).body(small)
        .when().post("/api/articles")
        .then()
        .statusCode(202)
        .body("revision", equalTo(1))
        .body("status", equalTo("published"));
    try (TopicReader topic = TopicReader.of(Topics.ARTICLES_INGESTED)) {
      assertThat(topic.readKey(id)).hasSize(1);
    }
  }
}
