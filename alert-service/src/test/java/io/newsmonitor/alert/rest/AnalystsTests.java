package io.newsmonitor.alert.rest;

import static io.newsmonitor.alert.Api.ALICE;
import static io.newsmonitor.alert.Api.BOB;
import static io.newsmonitor.alert.Api.as;
import static io.newsmonitor.alert.Api.given;
import static io.newsmonitor.alert.EnrichedArticles.article;
import static io.newsmonitor.alert.EnrichedArticles.newArticleId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;

import io.newsmonitor.alert.Api;
import io.newsmonitor.alert.EnrichedArticles;
import io.newsmonitor.alert.PipelineTest;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two analysts on real Kafka and PostgreSQL: every /api call needs credentials, and neither analyst sees or changes the
 * other's subscriptions, deliveries or inbox (404, never 403); the inbox's read marks; re-driving parked deliveries.
 * The analysts' passwords are configured hashed here, as production does; the other test classes use plain ones.
 */
@QuarkusTest
@TestProfile(AnalystsTests.ShortRetriesHashedPasswords.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AnalystsTests extends PipelineTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int MAX_ATTEMPTS = 2;

  /**
   * Deliveries are parked after two failed attempts, so that a test sees one parked in a moment; the analysts' passwords
   * are given hashed, as in production (README: hex SHA-512 of {@code name:news-monitor:password}).
   */
  public static class ShortRetriesHashedPasswords implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "alert.delivery.max-attempts", String.valueOf(MAX_ATTEMPTS),
          "quarkus.security.users.embedded.plain-text", "false",
          "quarkus.security.users.embedded.users." + ALICE, hashed(ALICE),
          "quarkus.security.users.embedded.users." + BOB, hashed(BOB));
    }

    private static String hashed(String analyst) {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-512").digest((analyst + ":news-monitor:" + analyst + "-password").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }


  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "GET, /api/subscriptions",
      "POST, /api/subscriptions",
      "GET, /api/deliveries",
      "POST, /api/deliveries/redrive",
      "GET, /api/inbox",
      "PUT, /api/subscriptions/0b6a4a4e-5f2b-4d59-9a57-4b1e2d7e1c11",
      "POST, /api/inbox/0b6a4a4e-5f2b-4d59-9a57-4b1e2d7e1c11/read",
      "POST, /api/rules/preview",
  })
  void everyApiCallWithoutCredentialsIsUnauthorized(String method, String path) {
    RestAssured.given().contentType(ContentType.JSON).body("{}")
        .when().request(method, path)
        .then().statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", equalToIgnoringCase("basic realm=\"news-monitor\""))
        .body("status", equalTo(401));
  }

  @Test
  void aWrongPasswordOrAnUnknownAnalystIsUnauthorized() {
    RestAssured.given().auth().preemptive().basic(ALICE, "not-her-password")
        .when().get("/api/subscriptions")
        .then().statusCode(401)
        .contentType("application/problem+json");
    RestAssured.given().auth().preemptive().basic("mallory", "mallory-password")
        .when().get("/api/inbox")
        .then().statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void healthMetricsAndOpenApiStayOpen() {
    RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
    RestAssured.given().when().get("/q/openapi").then().statusCode(200);
  }

  @Test
  void anotherAnalystsSubscriptionIsNotFound() {
    String alices = Api.subscribe("Japan", "Japan", "https://hooks.example.org/alice");
    String path = "/api/subscriptions/" + alices;
    Map<String, String> body = Map.of("name", "Taken over", "rule", "Korea");

    as(BOB).when().get(path).then().statusCode(404).contentType("application/problem+json");
    as(BOB).contentType(ContentType.JSON).body(body).when().put(path).then().statusCode(404);
    as(BOB).when().post(path + "/pause").then().statusCode(404);
    as(BOB).when().post(path + "/resume").then().statusCode(404);
    as(BOB).when().delete(path).then().statusCode(404);
    as(BOB).when().get("/api/subscriptions").then().statusCode(200).body("$", empty());

    given().when().get(path).then().statusCode(200)
        .body("name", equalTo("Japan"))
        .body("owner", equalTo(ALICE))
        .body("active", equalTo(true));
  }

  @Test
  void eachAnalystsInboxHasTheirAlertsWithReasonsAndReadMarks() {
    // No webhook, no e-mail: the inbox gets the alert anyway.
    String alices = given().contentType(ContentType.JSON).body(Map.of("name", "Japan and AUKUS", "rule", "Japan + Pillar II"))
        .when().post("/api/subscriptions").then().statusCode(201).extract().path("id");
    String bobs = as(BOB).contentType(ContentType.JSON).body(Map.of("name", "Bob's AUKUS", "rule", "Pillar II"))
        .when().post("/api/subscriptions").then().statusCode(201).extract().path("id");
    String articleId = newArticleId();

    articles.send(article(articleId, 1, true, true));

    JsonPath inbox = await().atMost(WAIT).until(() -> Api.inbox(Map.of()), items -> items.getList("$").size() == 1);
    assertThat(inbox.getString("[0].subscriptionId")).isEqualTo(alices);
    assertThat(inbox.getString("[0].subscriptionName")).isEqualTo("Japan and AUKUS");
    assertThat(inbox.getString("[0].storyId")).isEqualTo("story-" + articleId);
    assertThat(inbox.getString("[0].article.id")).isEqualTo(articleId);
    assertThat(inbox.getString("[0].article.title")).isEqualTo(EnrichedArticles.TITLE);
    assertThat(inbox.getString("[0].article.url")).isEqualTo("https://example.org/news/" + articleId);
    assertThat(inbox.getString("[0].article.sourceName")).isEqualTo("ICARO Media Group");
    assertThat(inbox.getString("[0].matchedAt")).isNotBlank();
    assertThat(inbox.getBoolean("[0].read")).isFalse();
    assertThat(inbox.getList("[0].reasons.term", String.class)).containsExactly("Japan", "Pillar II");
    assertThat(inbox.getList("[0].reasons[0].snippets")).isNotEmpty();
    String alicesAlert = inbox.getString("[0].matchId");

    JsonPath bobsInbox = await().atMost(WAIT).until(() -> as(BOB).when().get("/api/inbox").then().statusCode(200).extract().jsonPath(),
        items -> items.getList("$").size() == 1);
    assertThat(bobsInbox.getString("[0].subscriptionId")).isEqualTo(bobs);
    String bobsAlert = bobsInbox.getString("[0].matchId");
    as(BOB).when().post("/api/inbox/" + alicesAlert + "/read").then().statusCode(404).contentType("application/problem+json");
    given().when().post("/api/inbox/" + bobsAlert + "/unread").then().statusCode(404);

    given().when().post("/api/inbox/" + alicesAlert + "/read").then().statusCode(204);
    assertThat(Api.inbox(Map.of()).getBoolean("[0].read")).isTrue();
    String readAt = Api.inbox(Map.of()).getString("[0].readAt");
    given().when().post("/api/inbox/" + alicesAlert + "/read").then().statusCode(204);
    assertThat(Api.inbox(Map.of()).getString("[0].readAt")).as("the first read time stays").isEqualTo(readAt);
    assertThat(Api.inbox(Map.of("unread", true)).getList("$")).isEmpty();
    assertThat(Api.inbox(Map.of("subscriptionId", alices)).getList("matchId")).containsExactly(alicesAlert);
    assertThat(Api.inbox(Map.of("subscriptionId", bobs)).getList("$")).isEmpty();

    given().when().post("/api/inbox/" + alicesAlert + "/unread").then().statusCode(204);
    assertThat(Api.inbox(Map.of("unread", true)).getList("matchId")).containsExactly(alicesAlert);
    assertThat(Api.inbox(Map.of("unread", true)).getString("[0].readAt")).isNull();
    as(BOB).when().get("/api/inbox").then().body("matchId", contains(bobsAlert));
  }

  @Test
  void theInboxPagesNewestFirst() {
    given().contentType(ContentType.JSON).body(Map.of("name", "Japan", "rule", "Japan"))
        .when().post("/api/subscriptions").then().statusCode(201);
    String first = newArticleId();
    String second = newArticleId();
    String third = newArticleId();

    articles.send(article(first, 1, true, false));
    articles.send(article(second, 1, true, false));
    articles.send(article(third, 1, true, false));

    await().atMost(WAIT).until(() -> Api.inbox(Map.of()).getList("$").size() == 3);
    assertThat(Api.inbox(Map.of("limit", 2)).getList("article.id")).containsExactly(third, second);
    assertThat(Api.inbox(Map.of("limit", 2, "offset", 2)).getList("article.id")).containsExactly(first);
    given().queryParam("limit", 0).queryParam("offset", -1)
        .when().get("/api/inbox")
        .then().statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("limit", "offset"));
  }

  @Test
  void aParkedDeliveryIsReDrivenThenDeliveredAndOnlyByItsOwner() {
    receiver.respondWith(503);
    String subscriptionId = Api.subscribe("Japan and AUKUS", "Japan + Pillar II", receiver.url("/hooks/alerts"));

    articles.send(article(newArticleId(), 1, true, true));

    JsonPath parked = await().atMost(WAIT).until(() -> Api.deliveries(subscriptionId, "webhook"), d -> "FAILED".equals(d.getString("[0].status")));
    assertThat(parked.getInt("[0].attempts")).isEqualTo(MAX_ATTEMPTS);
    String deliveryId = parked.getString("[0].id");
    as(BOB).when().get("/api/deliveries").then().statusCode(200).body("$", empty());
    as(BOB).queryParam("subscriptionId", subscriptionId).when().get("/api/deliveries").then().statusCode(200).body("$", empty());
    as(BOB).when().post("/api/deliveries/" + deliveryId + "/redrive").then().statusCode(404).contentType("application/problem+json");
    as(BOB).queryParam("subscriptionId", subscriptionId).when().post("/api/deliveries/redrive").then().statusCode(404);
    receiver.respondWith(200);

    given().when().post("/api/deliveries/" + deliveryId + "/redrive")
        .then().statusCode(200)
        .body("id", equalTo(deliveryId))
        .body("status", equalTo("PENDING"))
        .body("attempts", equalTo(0));

    JsonPath delivered = await().atMost(WAIT).until(() -> Api.deliveries(subscriptionId, "webhook"), d -> "DELIVERED".equals(d.getString("[0].status")));
    assertThat(delivered.getInt("[0].attempts")).isEqualTo(1);
    assertThat(delivered.getInt("[0].lastStatusCode")).isEqualTo(200);
    assertThat(receiver.received()).hasSize(MAX_ATTEMPTS + 1)
        .allSatisfy(post -> assertThat(post.header("Idempotency-Key")).contains(deliveryId));
    given().when().post("/api/deliveries/" + deliveryId + "/redrive")
        .then().statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("DELIVERED"));
  }

  @Test
  void everyParkedDeliveryOfASubscriptionIsReDrivenAtOnce() {
    receiver.respondWith(503);
    String subscriptionId = Api.subscribe("Japan", "Japan", receiver.url());

    articles.send(article(newArticleId(), 1, true, false));
    articles.send(article(newArticleId(), 1, true, false));

    await().atMost(WAIT).until(() -> Api.deliveries(subscriptionId, "webhook").getList("status", String.class), statuses ->
        statuses.size() == 2 && statuses.stream().allMatch("FAILED"::equals));
    receiver.respondWith(200);

    given().queryParam("subscriptionId", subscriptionId)
        .when().post("/api/deliveries/redrive")
        .then().statusCode(200)
        .body("redriven", equalTo(2));

    await().atMost(WAIT).untilAsserted(() ->
        assertThat(Api.deliveries(subscriptionId, "webhook").getList("status", String.class)).containsExactly("DELIVERED", "DELIVERED"));
    given().queryParam("subscriptionId", subscriptionId)
        .when().post("/api/deliveries/redrive")
        .then().statusCode(200)
        .body("redriven", equalTo(0));
    given().when().post("/api/deliveries/redrive").then().statusCode(400).contentType("application/problem+json");
  }
}
