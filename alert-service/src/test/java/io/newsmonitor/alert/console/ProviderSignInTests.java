package io.newsmonitor.alert.console;

import static io.newsmonitor.alert.Api.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsmonitor.alert.Api;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console with {@code CONSOLE_OIDC_ENABLED}: analysts sign in at the OIDC provider (authorization code flow, the provider
 * played by {@code OidcWiremockTestResource}) as the same analysts the API knows, on real Kafka and PostgreSQL.
 */
@QuarkusTest
@TestProfile(ProviderSignInTests.SignInAtTheProvider.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ProviderSignInTests {

  /** The settings README names, pointed at the provider the test resource plays. */
  public static class SignInAtTheProvider implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "CONSOLE_OIDC_ENABLED", "true",
          "CONSOLE_OIDC_AUTH_SERVER_URL", "${keycloak.url}/realms/quarkus/",
          "CONSOLE_OIDC_CLIENT_ID", "quarkus-web-app",
          "CONSOLE_OIDC_CLIENT_SECRET", "secret",
          // What the test resource's tokens carry.
          "quarkus.oidc.console.token.issuer", "https://server.example.com",
          "quarkus.oidc.console.token.audience", "https://id.server.example.com");
    }
  }

  @BeforeEach
  @AfterEach
  void noSubscriptions() {
    Api.deleteAllSubscriptions();
  }

  @Test
  void theSignInPageLeadsToTheProviderInsteadOfAskingForAPassword() {
    Document login = Jsoup.parse(RestAssured.get("/console/login").then().statusCode(200).extract().asString());

    assertThat(login.select("form#login-form")).isEmpty();
    assertThat(login.selectFirst("a#sign-in-at-provider").attr("href")).isEqualTo("/console/inbox");
  }

  @Test
  void anAnalystSignedInAtTheProviderIsTheAnalystOfTheSameNameOnTheApi() {
    Api.subscribe("Made on the API", "Japan", "https://hooks.example.org/alerts");

    ConsoleSession alice = ConsoleSession.signInAtProvider("/console/subscriptions", providerUrl());

    Document subscriptions = alice.page("/console/subscriptions");
    assertThat(subscriptions.select("#signed-in-as").text()).isEqualTo(ALICE);
    assertThat(subscriptions.select("table#subscriptions tr[data-subscription-id]")).extracting(row -> row.attr("data-name"))
        .containsExactly("Made on the API");
    Element form = alice.page("/console/subscriptions/new").selectFirst("form#subscription-form");
    assertThat(alice.submit(form, Map.of("name", "Made in the console", "rule", "Japan + Pillar II", "mode", "immediate")).statusCode())
        .isEqualTo(303);
    assertThat(Api.given().get("/api/subscriptions").jsonPath().getList("name", String.class))
        .containsExactlyInAnyOrder("Made on the API", "Made in the console");
  }

  @Test
  void signingOutEndsTheConsoleSession() {
    ConsoleSession alice = ConsoleSession.signInAtProvider("/console/inbox", providerUrl());

    Response signedOut = alice.submit(alice.page("/console/inbox").selectFirst("form#sign-out"), Map.of());

    assertThat(signedOut.statusCode()).isEqualTo(303);
    assertThat(signedOut.header("Location")).endsWith("/console/login");
    Response again = alice.request().get("/console/inbox");
    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(again.header("Location")).startsWith(providerUrl());
  }

  private static String providerUrl() {
    return ConfigProvider.getConfig().getValue("keycloak.url", String.class) + "/realms/quarkus";
  }
}
