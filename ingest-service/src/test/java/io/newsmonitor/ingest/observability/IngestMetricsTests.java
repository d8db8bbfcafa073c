package io.newsmonitor.ingest.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The metric contract of ingest-service, as Prometheus scrapes it. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class IngestMetricsTests {

  private static final String SERVICE = "service=\"ingest-service\"";

  @Test
  void everySeriesExistsBeforeAnyArticleOrPoll() {
    String metrics = scrape();
    for (String via : new String[] {"feed", "push", "import"}) {
      for (String outcome : new String[] {"published", "revised", "duplicate", "rejected"}) {
        assertThat(metrics).contains("newsmonitor_articles_ingested_total{outcome=\"" + outcome + "\"," + SERVICE + ",via=\"" + via + "\"}");
      }
    }
    assertThat(metrics)
        .contains("newsmonitor_feed_polls_total{outcome=\"failure\"," + SERVICE + "} 0.0")
        .contains("newsmonitor_feed_polls_total{outcome=\"not-modified\"," + SERVICE + "} 0.0")
        .contains("newsmonitor_feed_polls_total{outcome=\"success\"," + SERVICE + "} 0.0")
        .contains("newsmonitor_feed_sources{health=\"healthy\"," + SERVICE + "} 0.0")
        .contains("newsmonitor_feed_sources{health=\"unhealthy\"," + SERVICE + "} 0.0")
        .contains("newsmonitor_feed_sources{health=\"paused\"," + SERVICE + "} 0.0")
        // The Kafka clients' own metrics, through the Micrometer binder.
        .contains("kafka_producer_");
  }

  @Test
  void pushedArticlesAreCountedByOutcome() {
    double published = count("push", "published");
    double revised = count("push", "revised");
    double duplicate = count("push", "duplicate");
    double rejected = count("push", "rejected");
    String url = "https://example.org/news/" + UUID.randomUUID();

    push("{\"url\": \"" + url + "\", \"source\": \"Example News\", \"title\": \"First\", \"body\": \"The first text.\"}", 202);
    push("{\"url\": \"" + url + "\", \"source\": \"Example News\", \"title\": \"First\", \"body\": \"The first text.\"}", 202);
    push("{\"url\": \"" + url + "\", \"source\": \"Example News\", \"title\": \"First\", \"body\": \"The corrected text.\"}", 202);
    push("{\"source\": \"Example News\", \"title\": \"No URL\", \"body\": \"Refused.\"}", 400);

    assertThat(count("push", "published")).isEqualTo(published + 1);
    assertThat(count("push", "duplicate")).isEqualTo(duplicate + 1);
    assertThat(count("push", "revised")).isEqualTo(revised + 1);
    assertThat(count("push", "rejected")).isEqualTo(rejected + 1);
  }

  private static void push(String json, int status) {
    given().contentType(ContentType.JSON).body(json).post("/api/articles").then().statusCode(status);
  }

  private static double count(String via, String outcome) {
    String series = "newsmonitor_articles_ingested_total{outcome=\"" + outcome + "\"," + SERVICE + ",via=\"" + via + "\"} ";
    return scrape().lines().filter(line -> line.startsWith(series))
        // The value, then perhaps an exemplar (# {trace_id=...}) of the trace that last counted.
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length()).split(" ")[0])).findFirst()
        .orElseThrow(() -> new AssertionError("no series " + series));
  }

  private static String scrape() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }
}
