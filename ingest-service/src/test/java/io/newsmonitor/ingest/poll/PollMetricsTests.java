package io.newsmonitor.ingest.poll;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** An alert on unhealthy feeds must see a series from the start, not after the first poll: here no source exists at all. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class PollMetricsTests {

  @Test
  void feedSeriesExistBeforeAnyPoll() {
    given().get("/q/metrics").then().statusCode(200)
        .body(containsString("ingest_sources_unhealthy 0.0"))
        .body(containsString("ingest_feed_polls_total{outcome=\"failure\"} 0.0"))
        .body(containsString("ingest_feed_items_published_total 0.0"));
  }
}
