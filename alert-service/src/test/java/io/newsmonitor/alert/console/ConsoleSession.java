package io.newsmonitor.alert.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * An analyst in the console as a browser without JavaScript would be: signed in through the form, keeping the cookies it is
 * given, and posting forms with the CSRF token of the page they are on.
 */
final class ConsoleSession {

  private final Map<String, String> cookies = new HashMap<>();

  private ConsoleSession() {
  }

  /** Signs in with the test profile's password of {@code analyst} (its name followed by {@code -password}). */
  static ConsoleSession signIn(String analyst) {
    ConsoleSession session = new ConsoleSession();
    Response response = RestAssured.given().redirects().follow(false)
        .formParam("j_username", analyst).formParam("j_password", analyst + "-password")
        .post("/console/j_security_check");
    assertThat(response.statusCode()).as("sign-in answer").isEqualTo(302);
    session.keep(response);
    assertThat(session.cookies).as("session cookie").containsKey("newsmonitor-console");
    return session;
  }

  /** A request with the session's cookies, not following redirects. */
  RequestSpecification request() {
    return RestAssured.given().redirects().follow(false).cookies(cookies);
  }

  /** GETs a page that must answer 200, and parses it; {@code path} is a link of a page or a redirect, already URL-encoded. */
  Document page(String path) {
    Response response = request().urlEncodingEnabled(false).get(path);
    keep(response);
    assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
    return Jsoup.parse(response.asString(), RestAssured.baseURI + ":" + RestAssured.port + path);
  }

  /**
   * Submits {@code form} of a page as a browser would: its inputs' values (the CSRF token among them), overridden by
   * {@code fields}.
   */
  Response submit(Element form, Map<String, String> fields) {
    Map<String, String> values = new HashMap<>();
    for (Element input : form.select("input[name], textarea[name]")) {
      if (!input.attr("type").equals("radio") || input.hasAttr("checked")) {
        values.put(input.attr("name"), input.tagName().equals("textarea") ? input.wholeText() : input.val());
      }
    }
    values.putAll(fields);
    Response response = request().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(values).post(form.attr("action"));
    keep(response);
    return response;
  }

  private void keep(Response response) {
    cookies.putAll(response.getCookies());
  }
}
