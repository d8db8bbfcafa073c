package io.newsmonitor.ingest.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Readiness covers the broker and the database; liveness depends on neither. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class IngestHealthTests {

  @Test
  void readinessListsKafkaAndPostgresqlUp() {
    given().get("/q/health/ready").then().statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItems("Kafka broker", "Database connections health check"))
        .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
  }

  @Test
  void livenessChecksNeitherKafkaNorPostgresql() {
    given().get("/q/health/live").then().statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", not(hasItems("Kafka broker")))
        .body("checks.name", not(hasItems("Database connections health check")));
  }
}
