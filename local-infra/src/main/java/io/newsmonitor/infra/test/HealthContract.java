package io.newsmonitor.infra.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * The health contract every service keeps, asserted against the application under a {@code @QuarkusTest} (RestAssured,
 * which Quarkus points at it): readiness covers the Kafka broker and PostgreSQL, liveness neither, so that an outage takes
 * a service out of its load balancer without getting it restarted.
 */
public final class HealthContract {

  /** The readiness check of service-support's {@code KafkaBrokerReadiness}. */
  public static final String KAFKA_BROKER = "Kafka broker";
  /** Quarkus' datasource check. */
  public static final String DATABASE = "Database connections health check";

  private HealthContract() {
  }

  public static void assertReadinessCoversKafkaAndPostgresqlUp() {
    given().get("/q/health/ready").then().statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItems(KAFKA_BROKER, DATABASE))
        .body("checks.find { it.name == '" + KAFKA_BROKER + "' }.status", equalTo("UP"))
        .body("checks.find { it.name == '" + DATABASE + "' }.status", equalTo("UP"));
  }

  public static void assertLivenessChecksNeitherKafkaNorPostgresql() {
    given().get("/q/health/live").then().statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", not(hasItems(KAFKA_BROKER)))
        .body("checks.name", not(hasItems(DATABASE)));
  }
}
