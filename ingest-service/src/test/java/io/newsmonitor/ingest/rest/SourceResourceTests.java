package io.newsmonitor.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class SourceResourceTests {

  // Nothing listens here: these feeds may fail, which is not what these tests look at.
  private static final String FEED_URL = "https://feeds.example.invalid/world.xml";

  @Test
  void aSourceIsCreatedReadUpdatedPausedResumedAndDeleted() {
    given().contentType(ContentType.JSON)
        .body(Map.of("type", "feed", "name", "NHK World – English", "url", FEED_URL, "pollIntervalSeconds", 600, "language", "en",
            "timeZone", "Asia/Tokyo"))
        .post("/api/sources")
        .then().statusCode(201)
        .header("Location", endsWith("/api/sources/nhk-world-english"))
        .body("id", equalTo("nhk-world-english"))
        .body("type", equalTo("feed"))
        .body("pollIntervalSeconds", equalTo(600))
        .body("timeZone", equalTo("Asia/Tokyo"))
        .body("health.status", equalTo("pending"))
        .body("health.consecutiveFailures", equalTo(0))
        .body("health.nextPollAt", notNullValue());

    given().get("/api/sources/nhk-world-english").then().statusCode(200).body("name", equalTo("NHK World – English"));
    given().get("/api/sources").then().statusCode(200).body("id", hasItem("nhk-world-english"));

    given().contentType(ContentType.JSON)
        .body(Map.of("type", "feed", "name", "NHK World", "url", FEED_URL, "pollIntervalSeconds", 1200))
        .put("/api/sources/nhk-world-english")
        .then().statusCode(200)
        .body("name", equalTo("NHK World"))
        .body("pollIntervalSeconds", equalTo(1200))
        .body("language", nullValue());

    given().post("/api/sources/nhk-world-english/pause").then().statusCode(200).body("paused", equalTo(true)).body("health.status", equalTo("paused"))
        .body("health.nextPollAt", nullValue());
    given().post("/api/sources/nhk-world-english/poll").then().statusCode(409).contentType("application/problem+json");
    given().post("/api/sources/nhk-world-english/resume").then().statusCode(200).body("paused", equalTo(false)).body("health.nextPollAt", notNullValue());

    given().delete("/api/sources/nhk-world-english").then().statusCode(204);
    given().get("/api/sources/nhk-world-english").then().statusCode(404).contentType("application/problem+json");
    given().delete("/api/sources/nhk-world-english").then().statusCode(404);
  }

  @Test
  void pushAndFileSourcesNeedNoUrlAndAreNotPolled() {
    given().contentType(ContentType.JSON).body(Map.of("id", "wire-push", "type", "push", "name", "Wire push"))
        .post("/api/sources").then().statusCode(201).body("health.status", equalTo("not-polled")).body("health.nextPollAt", nullValue());
    given().post("/api/sources/wire-push/poll").then().statusCode(409).body("title", equalTo("Not a feed"));
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    Map<String, Object> bad = new HashMap<>();
    bad.put("id", "Not An Id!");
    bad.put("type", "podcast");
    bad.put("name", " ");
    bad.put("url", "ftp://example.org/feed");
    bad.put("pollIntervalSeconds", 0);
    bad.put("language", "not a language tag!");
    bad.put("timeZone", "Mars/Olympus");
    given().contentType(ContentType.JSON).body(bad)
        .post("/api/sources")
        .then().statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", containsInAnyOrder("id", "type", "name", "url", "pollIntervalSeconds", "language", "timeZone"));

    given().contentType(ContentType.JSON).body(Map.of("type", "feed", "name", "No URL"))
        .post("/api/sources").then().statusCode(400).body("errors[0].field", equalTo("url")).body("errors[0].message", equalTo("is required for a feed"));
    given().contentType(ContentType.JSON).body("{not json").post("/api/sources").then().statusCode(400).contentType("application/problem+json");
  }

  @Test
  void anIdIsTakenOnce() {
    Map<String, Object> source = Map.of("id", "twin", "type", "feed", "name", "Twin", "url", FEED_URL);
    given().contentType(ContentType.JSON).body(source).post("/api/sources").then().statusCode(201);
    given().contentType(ContentType.JSON).body(source).post("/api/sources").then().statusCode(409).contentType("application/problem+json");
    given().contentType(ContentType.JSON).body(Map.of("type", "push", "name", "Twin"))
        .put("/api/sources/twin").then().statusCode(400).body("errors[0].field", equalTo("type"));
  }
}
