package io.newsmonitor.ingest.poll;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;

/** Sources created and read through the REST API, as an operator would. */
final class Sources {

  private Sources() {
  }

  static JsonPath createFeed(String id, String url, int intervalSeconds) {
    return given().contentType(ContentType.JSON)
        .body(Map.of("id", id, "type", "feed", "name", "Feed " + id, "url", url, "pollIntervalSeconds", intervalSeconds))
        .post("/api/sources")
        .then().statusCode(201)
        .extract().jsonPath();
  }

  static JsonPath get(String id) {
    return given().get("/api/sources/" + id).then().statusCode(200).extract().jsonPath();
  }

  static void pollNow(String id) {
    given().post("/api/sources/" + id + "/poll").then().statusCode(202);
  }
}
