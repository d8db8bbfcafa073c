package io.newsmonitor.support.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemExceptionMappersTests {

  @Test
  void problemExceptionBecomesProblemJsonNamingTheField() {
    given().get("/problems-test/thrown").then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("errors.field", hasItem("url"))
        .body("instance", equalTo("/problems-test/thrown"));
  }

  @Test
  void malformedJsonIsA400Problem() {
    given().contentType("application/json").body("{\"name\": ").post("/problems-test/json").then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("title", equalTo("Malformed JSON"));
  }

  @Test
  void wrongJsonTypeNamesTheField() {
    given().contentType("application/json").body("{\"name\": \"a\", \"count\": \"many\"}").post("/problems-test/json").then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("count"));
  }

  @Test
  void beanValidationViolationNamesTheField() {
    given().contentType("application/json").body("{\"name\": \" \", \"count\": 1}").post("/problems-test/validated").then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("name"));
  }

  @Test
  void unknownPathIsA404Problem() {
    given().get("/no-such-thing").then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void unexpectedFailureIsA500ProblemWithoutInternals() {
    given().get("/problems-test/bug").then()
        .statusCode(500)
        .contentType("application/problem+json")
        .body("detail", containsString("logged"))
        .body(org.hamcrest.Matchers.not(containsString("boom")));
  }

  @Test
  void aDatabaseThatIsDownIsA503ProblemTheClientMayRetry() {
    given().get("/problems-test/database-down").then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", "5")
        .body("status", org.hamcrest.Matchers.equalTo(503))
        .body(org.hamcrest.Matchers.not(containsString("5432")));
  }
}
