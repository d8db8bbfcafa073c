package io.newsmonitor.alert.console;

import static io.newsmonitor.alert.Api.ALICE;
import static io.newsmonitor.alert.Api.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.newsmonitor.alert.Api;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.matcher.RestAssuredMatchers;
import io.restassured.response.Response;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signing in to the console and managing subscriptions through its pages, on real Kafka and PostgreSQL: the form login of
 * the API's analysts, the rule checked as typed (the caret under a parse error, the meaning of each term), saving, pausing
 * and deleting, CSRF tokens on every form, and one analyst never seeing another's subscriptions.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class SubscriptionPagesTests {

  @BeforeEach
  @AfterEach
  void noSubscriptions() {
    Api.deleteAllSubscriptions();
  }

  @Test
  void aPageAskedForSignedOutLeadsToTheSignInFormAndBackAfterIt() {
    RestAssured.given().redirects().follow(false).get("/console/subscriptions")
        .then().statusCode(302).header("Location", endsWith("/console/login"));
    Document login = Jsoup.parse(RestAssured.get("/console/login").then().statusCode(200).extract().asString());
    assertThat(login.select("form#login-form").attr("action")).isEqualTo("/console/j_security_check");
    assertThat(login.select("label[for=username]")).hasSize(1);
    assertThat(login.select("label[for=password]")).hasSize(1);

    RestAssured.given().redirects().follow(false).formParam("j_username", ALICE).formParam("j_password", "wrong")
        .post("/console/j_security_check")
        .then().statusCode(302).header("Location", endsWith("/console/login?error=true"));
    Document refused = Jsoup.parse(RestAssured.get("/console/login?error=true").asString());
    assertThat(refused.select("#login-error").text()).contains("not accepted");

    ConsoleSession alice = ConsoleSession.signIn(ALICE);
    assertThat(alice.page("/console/subscriptions").select("#signed-in-as").text()).isEqualTo(ALICE);
  }

  @Test
  void signingOutEndsTheSession() {
    ConsoleSession alice = ConsoleSession.signIn(ALICE);
    Element signOut = alice.page("/console/subscriptions").selectFirst("form#sign-out");

    Response signedOut = alice.submit(signOut, Map.of());
    assertSeeOther(signedOut);
    assertThat(signedOut.header("Location")).endsWith("/console/login");
    alice.request().get("/console/subscriptions").then().statusCode(302).header("Location", endsWith("/console/login"));
  }

  @Test
  void theApiStillAnswersUnauthenticatedCallsWithABasicChallengeAndTheSessionCookieStaysInTheConsole() {
    RestAssured.given().get("/api/subscriptions")
        .then().statusCode(401).header("WWW-Authenticate", containsString("Basic")).contentType("application/problem+json");
    // A browser sends the session cookie to /console only: a page elsewhere cannot make it call the API as the analyst.
    RestAssured.given().redirects().follow(false).formParam("j_username", ALICE).formParam("j_password", ALICE + "-password")
        .post("/console/j_security_check")
        .then().statusCode(302).cookie("newsmonitor-console", RestAssuredMatchers.detailedCookie().path("/console").httpOnly(true));
  }

  @Test
  void aRuleIsCheckedAsItIsTypedWithACaretUnderAParseErrorAndTheMeaningOfEachTerm() {
    ConsoleSession alice = ConsoleSession.signIn(ALICE);

    Document broken = Jsoup.parse(alice.request().queryParam("rule", "Japan + (").get("/console/rules/check").then().statusCode(200).extract().asString());
    assertThat(broken.select(".rule-error pre.caret").first().wholeText()).isEqualTo("Japan + (\n         ^");
    assertThat(broken.select(".rule-error .rule-message").text()).contains("at 9");

    Document meaning = Jsoup.parse(alice.request().queryParam("rule", "Japan + Pillar II").get("/console/rules/check").asString());
    assertThat(meaning.select("ul.rule-meaning li")).extracting(Element::text)
        .containsExactly("Japan → actor Japan (country:jp)", "Pillar II → topic AUKUS Pillar II (topic:aukus-pillar-2)");
  }

  @Test
  void aSubscriptionCreatedThroughTheFormIsListedAndCanBePausedResumedAndDeleted() {
    ConsoleSession alice = ConsoleSession.signIn(ALICE);
    Element form = alice.page("/console/subscriptions/new").selectFirst("form#subscription-form");

    Response saved = alice.submit(form, Map.of("name", "Japan and AUKUS", "rule", "Japan + Pillar II", "mode", "immediate"));
    assertThat(saved.statusCode()).isEqualTo(303);
    Document list = alice.page(saved.header("Location").replaceFirst("^https?://[^/]+", ""));
    assertThat(list.select("#flash").text()).contains("Saved Japan and AUKUS");
    Element row = list.selectFirst("table#subscriptions tr[data-name=Japan and AUKUS]");
    assertThat(row).isNotNull();
    assertThat(row.select("td[data-label=Status]").text()).isEqualTo("active");
    assertThat(row.select("td[data-label=Last alert]").text()).isEqualTo("none yet");
    assertThat(Api.given().get("/api/subscriptions").jsonPath().getList("rule")).containsExactly("Japan + Pillar II");

    assertSeeOther(alice.submit(row.selectFirst("form.pause"), Map.of()));
    row = alice.page("/console/subscriptions").selectFirst("tr[data-name=Japan and AUKUS]");
    assertThat(row.select("td[data-label=Status]").text()).isEqualTo("paused");
    assertSeeOther(alice.submit(row.selectFirst("form.resume"), Map.of()));
    row = alice.page("/console/subscriptions").selectFirst("tr[data-name=Japan and AUKUS]");
    assertThat(row.select("td[data-label=Status]").text()).isEqualTo("active");

    Document edit = alice.page(row.selectFirst("a.edit").attr("href"));
    assertThat(edit.select("textarea#rule").first().wholeText()).isEqualTo("Japan + Pillar II");
    assertThat(edit.select("#rule-check ul.rule-meaning li")).hasSize(2);
    assertSeeOther(alice.submit(edit.selectFirst("form#subscription-form"), Map.of("rule", "(Japan | Australia) + Pillar II")));
    assertThat(Api.given().get("/api/subscriptions").jsonPath().getList("rule")).containsExactly("(Japan | Australia) + Pillar II");

    assertSeeOther(alice.submit(alice.page("/console/subscriptions").selectFirst("tr[data-name=Japan and AUKUS] form.delete"), Map.of()));
    assertThat(alice.page("/console/subscriptions").select("table#subscriptions tr[data-subscription-id]")).isEmpty();
    assertThat(Api.given().get("/api/subscriptions").jsonPath().getList("id")).isEmpty();
  }

  @Test
  void aFormWithMistakesComesBackWithEachFieldsErrorAndNothingIsSaved() {
    ConsoleSession alice = ConsoleSession.signIn(ALICE);
    Response refused = alice.submit(alice.page("/console/subscriptions/new").selectFirst("form#subscription-form"),
        Map.of("name", "", "rule", "Japan + (", "webhookUrl", "ftp://example.org/hook"));

    assertThat(refused.statusCode()).isEqualTo(400);
    Document page = Jsoup.parse(refused.asString());
    assertThat(page.select("#name-error").text()).isNotBlank();
    assertThat(page.select("#webhookUrl-error").text()).isNotBlank();
    assertThat(page.select("#rule-error").text()).contains("at 9");
    assertThat(page.select("#rule-check pre.caret")).hasSize(1);
    assertThat(page.select("textarea#rule").first().wholeText()).as("what was typed is kept").isEqualTo("Japan + (");
    assertThat(Api.given().get("/api/subscriptions").jsonPath().getList("id")).isEmpty();
  }

  @Test
  void aWebhookSecretGeneratedOnSavingIsShownOnceOnTheNextPage() {
    ConsoleSession alice = ConsoleSession.signIn(ALICE);
    Response saved = alice.submit(alice.page("/console/subscriptions/new").selectFirst("form#subscription-form"),
        Map.of("name", "With a webhook", "rule", "Japan", "webhookUrl", "https://hooks.example.org/alerts"));

    assertThat(saved.statusCode()).isEqualTo(200);
    String secret = Jsoup.parse(saved.asString()).select("#flash code").text();
    assertThat(secret).hasSizeGreaterThanOrEqualTo(16);
    assertThat(alice.page("/console/subscriptions").text()).doesNotContain(secret);
  }

  @Test
  void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
    ConsoleSession alice = ConsoleSession.signIn(ALICE);
    Element form = alice.page("/console/subscriptions/new").selectFirst("form#subscription-form");
    form.select("input[name=csrf-token]").remove();

    Response refused = alice.submit(form, Map.of("name", "Forged", "rule", "Japan"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("text/html");
    assertThat(Jsoup.parse(refused.asString()).select("#error-detail").text()).contains("csrf-token");
    assertThat(Api.given().get("/api/subscriptions").jsonPath().getList("id")).isEmpty();
  }

  @Test
  void aFormPostToTheApiIsRefusedWithAProblemSayingWhy() {
    String id = Api.given().body(Map.of("name", "Japan", "rule", "Japan")).post("/api/subscriptions").then().statusCode(201).extract().path("id");

    // What a hostile page could make a browser with cached Basic credentials send.
    Api.given().contentType("application/x-www-form-urlencoded").formParam("x", "y").post("/api/subscriptions/" + id + "/pause")
        .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("the API takes JSON"));
    assertThat(Api.given().get("/api/subscriptions/" + id).jsonPath().getBoolean("active")).isTrue();
  }

  @Test
  void anAnalystSeesOnlyTheirOwnSubscriptionsAndCannotEditAnothersOne() {
    String alicesId = Api.given().contentType("application/json").body(Map.of("name", "Alice's", "rule", "Japan"))
        .post("/api/subscriptions").then().statusCode(201).extract().path("id");
    ConsoleSession bob = ConsoleSession.signIn(BOB);

    assertThat(bob.page("/console/subscriptions").select("tr[data-subscription-id]")).isEmpty();
    Response notFound = bob.request().get("/console/subscriptions/" + alicesId + "/edit");
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(Jsoup.parse(notFound.asString()).select("#error-detail").text()).contains("subscription " + alicesId);
    Element bobsForm = bob.page("/console/subscriptions/new").selectFirst("form#subscription-form");
    bobsForm.attr("action", "/console/subscriptions/" + alicesId);
    assertThat(bob.submit(bobsForm, Map.of("name", "Taken", "rule", "China")).statusCode()).isEqualTo(404);
    assertThat(Api.given().get("/api/subscriptions/" + alicesId).jsonPath().getString("name")).isEqualTo("Alice's");
  }

  /** The answer to a form post that succeeded: a redirect to a page (with the error page's text when it did not). */
  private static void assertSeeOther(Response response) {
    assertThat(response.statusCode()).as("answer to the form post: %s", response.asString()).isEqualTo(303);
  }
}
