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

  /**
   * Signs in at the OIDC provider {@code OidcWiremockTestResource} plays, which signs in alice: asks for {@code page}, is led
   * to the provider, submits its sign-in form and comes back with the code to the console, which leads back to the page.
   */
  static ConsoleSession signInAtProvider(String page, String providerUrl) {
    ConsoleSession session = new ConsoleSession();
    Response asked = session.request().get(page);
    session.keep(asked);
    assertThat(asked.statusCode()).as("GET %s signed out", page).isEqualTo(302);
    String authorization = asked.header("Location");
    assertThat(authorization).as("led to the provider").startsWith(providerUrl);

    Element form = Jsoup.parse(RestAssured.given().urlEncodingEnabled(false).get(authorization).asString(), authorization).selectFirst("form");
    Response code = RestAssured.given().redirects().follow(false)
        .queryParam("username", "alice").queryParam("password", "alice")
        .queryParam("state", form.selectFirst("#state").val())
        .queryParam("redirect_uri", form.selectFirst("#redirect_uri").val())
        .get(form.absUrl("action"));
    assertThat(code.statusCode()).as("the provider's answer to the sign-in").isEqualTo(302);

    Response signedIn = session.request().urlEncodingEnabled(false).get(code.header("Location"));
    session.keep(signedIn);
    assertThat(signedIn.statusCode()).as("the console's answer to the code").isEqualTo(302);
    assertThat(signedIn.header("Location")).as("led back to the page asked for").endsWith(page);
    // Like the form's session: a browser sends it to the console only, never to the API.
    assertThat(signedIn.detailedCookies().asList()).filteredOn(cookie -> cookie.getName().startsWith("q_session"))
        .singleElement().satisfies(cookie -> {
          assertThat(cookie.getPath()).isEqualTo("/console");
          assertThat(cookie.isHttpOnly()).isTrue();
        });
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
