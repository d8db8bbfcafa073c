package io.newsmonitor.alert;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/** The service's REST API as the tests call it, as one of the test profile's analysts (HTTP Basic). */
public final class Api {

  /** The analyst the tests act as unless they say otherwise. */
  public static final String ALICE = "alice";
  /** Another analyst, who must see none of alice's data. */
  public static final String BOB = "bob";

  private Api() {
  }

  /** A request made as alice. */
  public static RequestSpecification given() {
    return as(ALICE);
  }

  /** A request made as this analyst of the test profile (whose password is the name followed by {@code -password}). */
  public static RequestSpecification as(String analyst) {
    // JSON unless a call says otherwise: a form-encoded POST (RestAssured's default for one without a body) is what a hostile
    // page can submit, and is refused without the console's CSRF token.
    return RestAssured.given().auth().preemptive().basic(analyst, analyst + "-password").contentType(ContentType.JSON);
  }

  /** Creates a subscription of alice and returns its id. */
  public static String subscribe(String name, String rule, String webhookUrl) {
    return given().contentType(ContentType.JSON).body(Map.of("name", name, "rule", rule, "webhookUrl", webhookUrl))
        .when().post("/api/subscriptions")
        .then().statusCode(201)
        .extract().path("id");
  }

  /** Deletes every subscription of every test analyst, with its matches and deliveries, so that a test starts from nothing. */
  public static void deleteAllSubscriptions() {
    for (String analyst : List.of(ALICE, BOB)) {
      List<String> ids = as(analyst).when().get("/api/subscriptions").then().statusCode(200).extract().jsonPath().getList("id", String.class);
      for (String id : ids) {
        as(analyst).when().delete("/api/subscriptions/" + id).then().statusCode(204);
      }
    }
  }

  /** The deliveries of one of alice's subscriptions, newest first. */
  public static JsonPath deliveries(String subscriptionId) {
    return given().queryParam("subscriptionId", subscriptionId)
        .when().get("/api/deliveries")
        .then().statusCode(200).contentType(ContentType.JSON)
        .extract().jsonPath();
  }

  /** The deliveries of one of alice's subscriptions on one channel (webhook, email, kafka), newest first. */
  public static JsonPath deliveries(String subscriptionId, String channel) {
    return given().queryParam("subscriptionId", subscriptionId).queryParam("channel", channel)
        .when().get("/api/deliveries")
        .then().statusCode(200).contentType(ContentType.JSON)
        .extract().jsonPath();
  }

  /** Alice's inbox, newest first, with these query parameters (e.g. {@code unread=true}). */
  public static JsonPath inbox(Map<String, ?> query) {
    return given().queryParams(query)
        .when().get("/api/inbox")
        .then().statusCode(200).contentType(ContentType.JSON)
        .extract().jsonPath();
  }
}
