package io.newsmonitor.alert;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** The service's REST API as the tests call it. */
public final class Api {

  private Api() {
  }

  /** Creates a subscription and returns its id. */
  public static String subscribe(String name, String rule, String webhookUrl) {
    return given().contentType(ContentType.JSON).body(Map.of("name", name, "rule", rule, "webhookUrl", webhookUrl))
        .when().post("/api/subscriptions")
        .then().statusCode(201)
        .extract().path("id");
  }

  /** Deletes every subscription, with its matches and deliveries, so that a test starts from nothing. */
  public static void deleteAllSubscriptions() {
    List<String> ids = given().when().get("/api/subscriptions").then().statusCode(200).extract().jsonPath().getList("id", String.class);
    for (String id : ids) {
      given().when().delete("/api/subscriptions/" + id).then().statusCode(204);
    }
  }

  /** The deliveries of one subscription, newest first. */
  public static JsonPath deliveries(String subscriptionId) {
    return given().queryParam("subscriptionId", subscriptionId)
        .when().get("/api/deliveries")
        .then().statusCode(200).contentType(ContentType.JSON)
        .extract().jsonPath();
  }
}
