package io.newsmonitor.ingest.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmonitor.events.Topics;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.newsmonitor.ingest.TopicReader;
import io.newsmonitor.ingest.service.ArticleIdentity;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A pushed article starts or continues the caller's trace, and the record it publishes carries that trace on. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class IngestTracingTests {

  @Test
  void thePublishedRecordCarriesTheTraceOfThePush() {
    String traceId = HexFormat.of().formatHex(randomBytes(16));
    String url = "https://example.org/news/" + UUID.randomUUID();

    given().contentType(ContentType.JSON)
        .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
        .body("{\"url\": \"" + url + "\", \"source\": \"Example News\", \"title\": \"Traced\", \"body\": \"A traced article.\"}")
        .post("/api/articles").then().statusCode(202);

    try (TopicReader topic = TopicReader.of(Topics.ARTICLES_INGESTED)) {
      String id = ArticleIdentity.idOfUrl(url);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(topic.readKey(id)).hasSize(1));
      ConsumerRecord<String, String> record = topic.readKey(id).get(0);
      String traceparent = TopicReader.header(record, "traceparent");
      assertThat(traceparent).as("traceparent header").isNotNull().matches("00-" + traceId + "-[0-9a-f]{16}-01");
    }
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }
}
