package io.newsmonitor.alert.delivery;

import static io.newsmonitor.alert.Api.given;
import static io.newsmonitor.alert.EnrichedArticles.article;
import static io.newsmonitor.alert.EnrichedArticles.newArticleId;
import static io.newsmonitor.alert.delivery.MailParts.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.newsmonitor.alert.Api;
import io.newsmonitor.alert.EnrichedArticles;
import io.newsmonitor.alert.PipelineTest;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The e-mail channel on real Kafka, PostgreSQL and a real SMTP server (GreenMail): one delivery per channel, the message
 * as received over SMTP, an SMTP server that is down getting the alert once it is back, once, and the server's replies: a
 * 5xx parks the e-mail at once, a 4xx is retried.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpPort.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class EmailDeliveryTests extends PipelineTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String ANALYST = "analyst@example.org";
  private static final String EMAIL = "find { it.channel == 'email' }.";

  @ConfigProperty(name = "quarkus.mailer.port")
  int smtpPort;

  private GreenMail smtp;

  @BeforeEach
  void setUp() {
    smtp = startSmtp();
  }

  @AfterEach
  void tearDown() {
    smtp.stop();
  }

  @Test
  void aMatchIsPostedAndMailedAsOneDeliveryPerChannel() throws Exception {
    String subscriptionId = subscribe(Optional.of(receiver.url("/hooks/alerts")));
    String articleId = newArticleId();

    articles.send(article(articleId, 1, true, true));

    await().atMost(WAIT).untilAsserted(() -> assertThat(smtp.getReceivedMessages()).hasSize(1));
    await().atMost(WAIT).untilAsserted(() -> assertThat(receiver.received()).hasSize(1));
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(Api.deliveries(subscriptionId).getList("status", String.class)).containsExactly("DELIVERED", "DELIVERED", "DELIVERED"));
    JsonPath deliveries = Api.deliveries(subscriptionId);
    assertThat(deliveries.getList("channel", String.class)).containsExactlyInAnyOrder("webhook", "email", "kafka");
    Map<String, Object> email = delivery(deliveries, "email");
    // Not necessarily at the first attempt: under load the freshly started server may not greet in time, which is retried.
    assertThat(email).containsEntry("target", ANALYST).containsEntry("lastStatusCode", 250).containsEntry("lastError", null)
        .containsEntry("articleId", articleId);
    assertThat(delivery(deliveries, "webhook")).containsEntry("target", receiver.url("/hooks/alerts"));

    MimeMessage message = smtp.getReceivedMessages()[0];
    assertThat(message.getSubject()).isEqualTo("[News monitor] Japan and AUKUS: " + EnrichedArticles.TITLE);
    assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(address -> ((InternetAddress) address).getAddress())
        .containsExactly(ANALYST);
    assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("alerts@newsmonitor.local");
    String deliveryId = (String) email.get("id");
    assertThat(message.getMessageID()).isEqualTo("<" + deliveryId + "@newsmonitor.local>");
    assertThat(message.getHeader("Idempotency-Key")).containsExactly(deliveryId);

    String text = part(message, "text/plain").orElseThrow();
    assertThat(text).contains(EnrichedArticles.TITLE, "ICARO Media Group", "published 2024-04-08 21:56 +02:00",
        "- Japan: actor country:jp (Japan)", "- Pillar II: topic topic:aukus-pillar-2 (AUKUS Pillar II)", "[Japan]", "[Pillar II]",
        "https://example.org/news/" + articleId);
    String html = part(message, "text/html").orElseThrow();
    assertThat(html).contains("<mark>Japan</mark>", "<mark>Pillar II</mark>", "href=\"https://example.org/news/" + articleId + "\"",
        "China Expresses Serious Concerns Over Japan&#39;s Potential Inclusion", "ICARO Media Group", "actor country:jp (Japan)");
  }

  @Test
  void anSmtpServerThatIsDownGetsTheAlertOnceItIsBack() throws Exception {
    smtp.stop();
    String subscriptionId = subscribe(Optional.empty());

    articles.send(article(newArticleId(), 1, true, true));

    await().atMost(WAIT).until(() -> emailAttempts(subscriptionId), attempts -> attempts >= 2);
    JsonPath failing = Api.deliveries(subscriptionId);
    assertThat(failing.getList("channel", String.class)).containsExactlyInAnyOrder("email", "kafka");
    assertThat(failing.getString(EMAIL + "status")).isEqualTo("PENDING");
    assertThat(failing.getString(EMAIL + "lastError")).startsWith("SMTP 127.0.0.1:" + smtpPort + ": ").containsIgnoringCase("refused");
    smtp = startSmtp();

    JsonPath delivered = await().atMost(WAIT).until(() -> Api.deliveries(subscriptionId), d -> "DELIVERED".equals(d.getString(EMAIL + "status")));
    assertThat(delivered.getString(EMAIL + "lastError")).isNull();
    assertThat(delivered.getInt(EMAIL + "attempts")).isGreaterThan(2);
    // The delivered attempt was the last: no second message arrives after it.
    await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(smtp.getReceivedMessages()).hasSize(1));
    assertThat(smtp.getReceivedMessages()[0].getMessageID()).isEqualTo("<" + delivered.getString(EMAIL + "id") + "@newsmonitor.local>");
  }

  @Test
  void aPermanentSmtpReplyParksTheEmailAtOnce() {
    String subscriptionId = subscribe(Optional.empty(), "gone@example.org");

    articles.send(article(newArticleId(), 1, true, true));

    JsonPath parked = await().atMost(WAIT).until(() -> Api.deliveries(subscriptionId), d -> "FAILED".equals(d.getString(EMAIL + "status")));
    // Parked by the 550 itself, not after the retries: at most one earlier attempt, if the freshly started server did not
    // greet in time under load.
    assertThat(parked.getInt(EMAIL + "attempts")).isBetween(1, 2);
    assertThat(parked.getInt(EMAIL + "lastStatusCode")).isEqualTo(550);
    assertThat(parked.getString(EMAIL + "lastError")).contains(RefusingSmtpServer.GONE);
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void aTransientSmtpReplyIsRetried() {
    String subscriptionId = subscribe(Optional.empty(), "full@example.org");

    articles.send(article(newArticleId(), 1, true, true));

    // Seen after a third attempt that the server answered 452: under load an attempt may instead time out before the
    // greeting (no reply code), which is retried too but is not what this test is about.
    JsonPath retried = await().atMost(WAIT).until(() -> Api.deliveries(subscriptionId),
        deliveries -> Integer.valueOf(452).equals(deliveries.get("find { it.channel == 'email' }?.lastStatusCode")) && deliveries.getInt(EMAIL + "attempts") >= 3);
    assertThat(retried.getString(EMAIL + "status")).isEqualTo("PENDING");
    assertThat(retried.getString(EMAIL + "lastError")).contains(RefusingSmtpServer.FULL);
  }

  private GreenMail startSmtp() {
    GreenMail server = new RefusingSmtpServer(smtpPort);
    server.start();
    return server;
  }

  private static String subscribe(Optional<String> webhookUrl) {
    return subscribe(webhookUrl, ANALYST);
  }

  private static String subscribe(Optional<String> webhookUrl, String email) {
    Map<String, String> body = new HashMap<>(Map.of("name", "Japan and AUKUS", "rule", "Japan + Pillar II", "email", email));
    webhookUrl.ifPresent(url -> body.put("webhookUrl", url));
    return given().contentType(ContentType.JSON).body(body)
        .when().post("/api/subscriptions")
        .then().statusCode(201)
        .extract().path("id");
  }

  private static Map<String, Object> delivery(JsonPath deliveries, String channel) {
    List<Map<String, Object>> all = deliveries.getList("$");
    return all.stream().filter(d -> channel.equals(d.get("channel"))).findFirst().orElseThrow();
  }


  /** The attempts of the subscription's e-mail delivery so far; 0 until the alert's deliveries are written. */
  private static int emailAttempts(String subscriptionId) {
    List<Integer> attempts = Api.deliveries(subscriptionId, "email").getList("attempts", Integer.class);
    return attempts.isEmpty() ? 0 : attempts.get(0);
  }
}
