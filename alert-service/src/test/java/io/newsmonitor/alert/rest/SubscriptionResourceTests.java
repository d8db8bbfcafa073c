package io.newsmonitor.alert.rest;

import static io.newsmonitor.alert.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
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
        .body("webhookSecret", matchesPattern("[A-Za-z0-9_-]{43}"))
        .body("owner", equalTo(Api.ALICE))
        .body("mode", equalTo("immediate"))
        .body("active", equalTo(true))
        .body("createdAt", notNullValue())
        .body("updatedAt", notNullValue())
        .body("terms.term", contains("Japan", "Pillar II"))
        .body("terms.resolvedAs", contains("actor country:jp (Japan)", "topic topic:aukus-pillar-2 (AUKUS Pillar II)"))
        .extract().header("Location");
    String id = location.substring(location.lastIndexOf('/') + 1);

    given().when().get("/api/subscriptions/" + id)
        .then().statusCode(200)
        .body("id", equalTo(id))
        .body("$", not(hasKey("webhookSecret")))
        .body("terms.term", contains("Japan", "Pillar II"));
    given().when().get("/api/subscriptions")
        .then().statusCode(200)
        .body("id", contains(id))
        .body("[0]", not(hasKey("webhookSecret")));

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
      "webhookSecret, too-short, must be 16 to 200 characters",
      "mode, weekly, must be immediate, hourly or daily",
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
        .body("errors.field", contains("name", "rule"));
  }

  @ParameterizedTest(name = "webhookUrl=[{0}] email=[{1}]")
  @CsvSource(value = {
      ",",
      "'  ', ",
      ", '  '",
  })
  void aSubscriptionNeedsNeitherWebhookNorEmailForTheInboxAndTopicGetEveryAlert(String webhookUrl, String email) {
    Map<String, String> body = new HashMap<>(Map.of("name", "Japan", "rule", "Japan"));
    if (webhookUrl != null) {
      body.put("webhookUrl", webhookUrl);
    }
    if (email != null) {
      body.put("email", email);
    }

    given().contentType(ContentType.JSON).body(body)
        .when().post("/api/subscriptions")
        .then().statusCode(201)
        .body("webhookUrl", nullValue())
        .body("email", nullValue())
        .body("$", not(hasKey("webhookSecret")));
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
  void anUpdateReplacesNameRuleChannelsAndModeAndMovesUpdatedAt() {
    Map<String, String> created = given().contentType(ContentType.JSON)
        .body(Map.of("name", "Japan", "rule", "Japan", "email", "analyst@example.org"))
        .when().post("/api/subscriptions")
        .then().statusCode(201)
        .extract().jsonPath().getMap("$");
    String id = created.get("id");

    given().contentType(ContentType.JSON)
        .body(Map.of("name", "Korea, daily", "rule", "Korea + hyperson*", "webhookUrl", "https://hooks.example.org/korea", "mode", "DAILY"))
        .when().put("/api/subscriptions/" + id)
        .then().statusCode(200)
        .body("id", equalTo(id))
        .body("name", equalTo("Korea, daily"))
        .body("rule", equalTo("Korea + hyperson*"))
        .body("terms.term", contains("Korea", "hyperson*"))
        .body("webhookUrl", equalTo("https://hooks.example.org/korea"))
        // A webhook added without a secret gets one, shown in this answer only.
        .body("webhookSecret", matchesPattern("[A-Za-z0-9_-]{43}"))
        .body("email", nullValue())
        .body("mode", equalTo("daily"))
        .body("createdAt", equalTo(created.get("createdAt")))
        .body("updatedAt", not(equalTo(created.get("updatedAt"))));

    given().when().get("/api/subscriptions/" + id)
        .then().statusCode(200)
        .body("name", equalTo("Korea, daily"))
        .body("mode", equalTo("daily"))
        .body("$", not(hasKey("webhookSecret")));
  }

  @Test
  void aRuleThatDoesNotParseIsRefusedOnUpdateAndTheSubscriptionStaysAsItWas() {
    String id = Api.subscribe("Japan", "Japan", "https://hooks.example.org/alerts");

    given().contentType(ContentType.JSON)
        .body(Map.of("name", "Broken", "rule", "(Japan OR Korea)) AND China"))
        .when().put("/api/subscriptions/" + id)
        .then().statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("rule"))
        .body("errors[0].message", equalTo("unexpected ')' at 16"));

    given().when().get("/api/subscriptions/" + id)
        .then().statusCode(200)
        .body("name", equalTo("Japan"))
        .body("webhookUrl", equalTo("https://hooks.example.org/alerts"));
  }

  @Test
  void aGivenSecretIsKeptAndAnUpdateWithoutOneKeepsIt() {
    String secret = "a-shared-secret-of-the-analyst";
    String id = given().contentType(ContentType.JSON)
        .body(Map.of("name", "Japan", "rule", "Japan", "webhookUrl", "https://hooks.example.org/a", "webhookSecret", secret))
        .when().post("/api/subscriptions")
        .then().statusCode(201)
        .body("webhookSecret", equalTo(secret))
        .extract().path("id");

    given().contentType(ContentType.JSON)
        .body(Map.of("name", "Japan", "rule", "Japan", "webhookUrl", "https://hooks.example.org/b"))
        .when().put("/api/subscriptions/" + id)
        .then().statusCode(200)
        .body("webhookUrl", equalTo("https://hooks.example.org/b"))
        .body("$", not(hasKey("webhookSecret")));
  }

  @Test
  void aSecretWithoutAWebhookIsRefused() {
    given().contentType(ContentType.JSON)
        .body(Map.of("name", "Japan", "rule", "Japan", "email", "analyst@example.org", "webhookSecret", "a-shared-secret-of-the-analyst"))
        .when().post("/api/subscriptions")
        .then().statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("webhookSecret"))
        .body("errors[0].message", equalTo("only goes with a webhookUrl"));
  }

  @Test
  void pauseAndResumeTurnTheSubscriptionOffAndOnAndMoveUpdatedAt() {
    String id = Api.subscribe("Japan", "Japan", "https://hooks.example.org/alerts");
    String createdUpdatedAt = given().when().get("/api/subscriptions/" + id).then().extract().path("updatedAt");

    String pausedAt = given().when().post("/api/subscriptions/" + id + "/pause")
        .then().statusCode(200)
        .body("active", equalTo(false))
        .body("updatedAt", not(equalTo(createdUpdatedAt)))
        .extract().path("updatedAt");
    given().when().get("/api/subscriptions/" + id).then().body("active", equalTo(false));

    given().when().post("/api/subscriptions/" + id + "/resume")
        .then().statusCode(200)
        .body("active", equalTo(true))
        .body("updatedAt", not(equalTo(pausedAt)));
    given().when().get("/api/subscriptions/" + id).then().body("active", equalTo(true));
  }

  @Test
  void theApiIsDescribedInOpenApi() {
    given().when().get("/q/openapi?format=json")
        .then().statusCode(200)
        .body("paths", hasKey("/api/subscriptions"))
        .body("paths", hasKey("/api/subscriptions/{id}/pause"))
        .body("paths", hasKey("/api/deliveries"))
        .body("paths", hasKey("/api/deliveries/{id}/redrive"))
        .body("paths", hasKey("/api/inbox"))
        .body("components.securitySchemes.basic.scheme", equalTo("basic"));
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
