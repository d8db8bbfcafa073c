package io.newsmonitor.alert.delivery;

import static io.newsmonitor.alert.Api.given;
import static io.newsmonitor.alert.EnrichedArticles.article;
import static io.newsmonitor.alert.EnrichedArticles.newArticleId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmonitor.alert.Api;
import io.newsmonitor.alert.EnrichedArticles;
import io.newsmonitor.infra.Ports;
import io.newsmonitor.infra.local.WebhookReceiver;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A service whose mailer points where no SMTP server listens still starts; its e-mail deliveries fail with the server in
 * the error and are parked after the bound, while the webhook of the same alert is delivered.
 */
@QuarkusTest
@TestProfile(EmailWithoutSmtpServerTests.NoSmtpServer.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class EmailWithoutSmtpServerTests {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int MAX_ATTEMPTS = 3;

  /** A free port nobody listens on, and a short bound so that the delivery is parked within the test. */
  public static class NoSmtpServer implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.mailer.host", "127.0.0.1",
          "quarkus.mailer.port", String.valueOf(Ports.free()),
          "alert.delivery.max-attempts", String.valueOf(MAX_ATTEMPTS));
    }
  }

  @ConfigProperty(name = "quarkus.mailer.port")
  int smtpPort;

  @Test
  void theEmailIsParkedWithTheReasonAndTheWebhookIsDelivered() {
    Api.deleteAllSubscriptions();
    try (EnrichedArticles articles = new EnrichedArticles(); WebhookReceiver receiver = WebhookReceiver.start()) {
      String subscriptionId = given().contentType(ContentType.JSON)
          .body(Map.of("name", "Japan", "rule", "Japan", "webhookUrl", receiver.url(), "email", "analyst@example.org"))
          .when().post("/api/subscriptions")
          .then().statusCode(201)
          .extract().path("id");

      articles.send(article(newArticleId(), 1, true, true));

      await().atMost(WAIT).untilAsserted(() ->
          assertThat(Api.deliveries(subscriptionId).getList("status", String.class)).containsExactlyInAnyOrder("DELIVERED", "DELIVERED", "FAILED"));
      JsonPath deliveries = Api.deliveries(subscriptionId);
      List<Map<String, Object>> all = deliveries.getList("$");
      Map<String, Object> email = all.stream().filter(d -> "email".equals(d.get("channel"))).findFirst().orElseThrow();
      assertThat(email).containsEntry("status", "FAILED").containsEntry("attempts", MAX_ATTEMPTS).containsEntry("target", "analyst@example.org");
      assertThat((String) email.get("lastError")).startsWith("SMTP 127.0.0.1:" + smtpPort + ": ").containsIgnoringCase("refused");
      assertThat(all).filteredOn(d -> "webhook".equals(d.get("channel"))).singleElement()
          .satisfies(webhook -> assertThat(webhook).containsEntry("status", "DELIVERED").containsEntry("attempts", 1));
      assertThat(receiver.received()).hasSize(1);
    } finally {
      Api.deleteAllSubscriptions();
    }
  }
}
