package io.newsmonitor.alert.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.newsmonitor.alert.Api;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The subscriptions API on a real PostgreSQL: what it stores and shows, and the problem+json answers to bad input. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class SubscriptionResourceTests {

  private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @BeforeEach
  void startEmpty() {
    Api.deleteAllSubscriptions();
  }

  @Test
  void aSubscriptionIsCreatedShownListedAndDeleted() {
    String location = given().contentType(ContentType.JSON)
        .body(Map.of("name", "Japan and AUKUS", "rule", "Japan + Pillar II", "webhookUrl", "https://hooks.example.org/alerts"))
        .when().post("/api/subscriptions")
        .then().statusCode(201)
        .contentType(ContentType.JSON)
        .body("id", matchesPattern(UUID_PATTERN))
        .body("name", equalTo("Japan and AUKUS"))
        .body("rule", equalTo("Japan + Pillar II"))
        .body("webhookUrl", equalTo("https://hooks.example.org/alerts"))
        .body("active", equalTo(true))
        .body("createdAt", notNullValue())
        .body("terms.term", contains("Japan", "Pillar II"))
        .body("terms.resolvedAs", contains("actor country:jp (Japan)", "topic topic:aukus-pillar-2 (AUKUS Pillar II)"))
        .extract().header("Location");
    String id = location.substring(location.lastIndexOf('/') + 1);

    given().when().get("/api/subscriptions/" + id)
        .then().statusCode(200)
        .body("id", equalTo(id))
        .body("terms.term", contains("Japan", "Pillar II"));
    given().when().get("/api/subscriptions")
        .then().statusCode(200)
        .body("id", contains(id));

    given().when().delete("/api/subscriptions/" + id).then().statusCode(204);

    given().when().get("/api/subscriptions/" + id)
        .then().statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
    given().when().get("/api/subscriptions").then().statusCode(200).body("id", not(hasItem(id)));
    given().when().delete("/api/subscriptions/" + id).then().statusCode(404).contentType("application/problem+json");
  }

  @Test
  void quotedPhrasesAndUnknownTermsAreText() {
    given().contentType(ContentType.JSON)
        .body(Map.of("name", "Phrases", "rule", "\"Pillar II\" AND hypersonic glide", "webhookUrl", "http://127.0.0.1:9/hook"))
        .when().post("/api/subscriptions")
        .then().statusCode(201)
        .body("terms.term", contains("\"Pillar II\"", "hypersonic glide"))
        .body("terms.resolvedAs", contains("text", "text"));
  }

  @Test
  void theWholeRuleLanguageIsAcceptedAndEachLeafExplained() {
    given().contentType(ContentType.JSON)
        .body(Map.of("name", "Everything", "rule", "(Japan | Australia) + topic:\"AUKUS Pillar II\" + -lang:fr + \"Japan submarine\"~10 OR hyperson*",
            "webhookUrl", "http://127.0.0.1:9/hook"))
        .when().post("/api/subscriptions")
        .then().statusCode(201)
        .body("terms.term", contains("Japan", "Australia", "topic:\"AUKUS Pillar II\"", "lang:fr", "\"Japan submarine\"~10", "hyperson*"))
        .body("terms.resolvedAs", contains("actor country:jp (Japan)", "actor country:au (Australia)", "topic topic:aukus-pillar-2 (AUKUS Pillar II)",
            "language", "words within 10", "prefix"));
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(delimiterString = "->", value = {
      "Japan + ( -> unexpected end of rule at 9",
      "(Japan OR Korea)) AND China -> unexpected ')' at 16",
      "Japan + -> unexpected end of rule at 7",
      "+ Japan -> expected a term at 0",
      "Japan ++ Korea -> expected a term at 7",
      "'\"Pillar II' -> unterminated quote at 0",
  })
  void aRuleThatDoesNotParseIsRefusedWithPositionAndReason(String rule, String message) {
    given().contentType(ContentType.JSON)
        .body(Map.of("name", "Broken", "rule", rule, "webhookUrl", "https://hooks.example.org/alerts"))
        .when().post("/api/subscriptions")
        .then().statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("errors.size()", equalTo(1))
        .body("errors[0].field", equalTo("rule"))
        .body("errors[0].message", equalTo(message));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(value = {
      "webhookUrl, /hooks/alerts, must be an absolute http or https URL",
      "webhookUrl, ftp://hooks.example.org/alerts, must be an absolute http or https URL",
      "webhookUrl, mailto:analyst@example.org, must be an absolute http or https URL",
      "email, not-an-address, must be an e-mail address",
      "email, analyst@@example.org, must be an e-mail address",
      "email, analyst@localhost, must be an e-mail address",
      "email, 'analyst @example.org', must be an e-mail address",
      "email, https://example.org, must be an e-mail address",
      "name, , must not be blank",
      "rule, , must not be blank",
  })
  void aMissingOrWrongFieldIsNamed(String field, String value, String message) {
    Map<String, String> body = new HashMap<>(Map.of("name", "Japan", "rule", "Japan", "webhookUrl", "https://hooks.example.org/alerts"));
    if (value == null) {
      body.remove(field);
    } else {
      body.put(field, value);
    }

    given().contentType(ContentType.JSON).body(body)
        .when().post("/api/subscriptions")
        .then().statusCode(400)
        .contentType("application/problem+json")
        .body("errors.size()", equalTo(1))
        .body("errors[0].field", equalTo(field))
        .body("errors[0].message", containsString(message));
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    given().contentType(ContentType.JSON).body("{}")
        .when().post("/api/subscriptions")
        .then().statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("name", "rule", "webhookUrl", "email"));
  }

  @ParameterizedTest(name = "webhookUrl=[{0}] email=[{1}]")
  @CsvSource(value = {
      ",",
      "'  ', ",
      ", '  '",
  })
  void aSubscriptionWithNeitherWebhookNorEmailIsRefusedNamingBoth(String webhookUrl, String email) {
    Map<String, String> body = new HashMap<>(Map.of("name", "Japan", "rule", "Japan"));
    if (webhookUrl != null) {
      body.put("webhookUrl", webhookUrl);
    }
    if (email != null) {
      body.put("email", email);
    }

    given().contentType(ContentType.JSON).body(body)
        .when().post("/api/subscriptions")
        .then().statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("webhookUrl", "email"))
        .body("errors.message", everyItem(containsString("a webhookUrl or an email")));
  }

  @Test
  void aSubscriptionCanHaveAnEmailInsteadOfOrBesidesAWebhook() {
    given().contentType(ContentType.JSON)
        .body(Map.of("name", "By mail", "rule", "Japan", "email", " analyst@example.org "))
        .when().post("/api/subscriptions")
        .then().statusCode(201)
        .body("email", equalTo("analyst@example.org"))
        .body("webhookUrl", nullValue());
    given().when().get("/api/subscriptions")
        .then().statusCode(200)
        .body("email", contains("analyst@example.org"));
    given().contentType(ContentType.JSON)
        .body(Map.of("name", "Both", "rule", "Japan", "webhookUrl", "https://hooks.example.org/alerts", "email", "analyst@example.org"))
        .when().post("/api/subscriptions")
        .then().statusCode(201)
        .body("email", equalTo("analyst@example.org"))
        .body("webhookUrl", equalTo("https://hooks.example.org/alerts"));
  }

  @Test
  void malformedJsonIsAProblemToo() {
    given().contentType(ContentType.JSON).body("{\"name\": ")
        .when().post("/api/subscriptions")
        .then().statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void anIdThatIsNotAUuidIsNotFound() {
    given().when().get("/api/subscriptions/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
  }

  @Test
  void deliveriesFilteredByABadSubscriptionIdAreRefused() {
    given().queryParam("subscriptionId", "nope")
        .when().get("/api/deliveries")
        .then().statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("subscriptionId"));
  }

  @Test
  void theApiIsDescribedInOpenApi() {
    given().when().get("/q/openapi?format=json")
        .then().statusCode(200)
        .body("paths", org.hamcrest.Matchers.hasKey("/api/subscriptions"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/deliveries"));
  }

  @Test
  void readinessIncludesKafkaAndTheDatabase() {
    given().when().get("/q/health/ready")
        .then().statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem(containsString("Database")))
        .body("checks.name", hasItem(containsString("Kafka")));
  }
}
