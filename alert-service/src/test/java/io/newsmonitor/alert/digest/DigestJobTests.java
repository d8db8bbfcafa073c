package io.newsmonitor.alert.digest;

import static io.newsmonitor.alert.Api.given;
import static io.newsmonitor.alert.EnrichedArticles.article;
import static io.newsmonitor.alert.EnrichedArticles.newArticleId;
import static io.newsmonitor.alert.delivery.MailParts.part;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.newsmonitor.alert.Api;
import io.newsmonitor.alert.EnrichedArticles;
import io.newsmonitor.alert.PipelineTest;
import io.newsmonitor.alert.delivery.SmtpPort;
import io.newsmonitor.alert.subscription.Subscription;
import io.newsmonitor.alert.subscription.SubscriptionMode;
import io.newsmonitor.events.ArticleEnriched;
import io.newsmonitor.infra.local.WebhookReceiver;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Digests on real Kafka, PostgreSQL and SMTP (GreenMail): the alerts of an HOURLY subscription reach its webhook and e-mail
 * once per hour, grouped by story, exactly once however often and from however many threads the job runs; an IMMEDIATE
 * subscription beside it hears of every alert at once. The job is run at chosen instants, and the alerts are moved to a
 * chosen past hour, so that nothing waits for the clock.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpPort.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class DigestJobTests extends PipelineTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String ANALYST = "analyst@example.org";

  @Inject
  DigestJob job;

  @Inject
  DigestConfig config;

  @Inject
  DigestRepository digests;

  @Inject
  EntityManager entityManager;

  @ConfigProperty(name = "quarkus.mailer.port")
  int smtpPort;

  private GreenMail smtp;

  @BeforeEach
  void setUp() {
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void tearDown() {
    smtp.stop();
  }

  @Test
  void anHourOfAlertsIsDeliveredOnceAsOneDigestPerChannelGroupedByStory() throws Exception {
    UUID hourly = subscribe("Hourly AUKUS", receiver.url("/digest"), Optional.of(ANALYST));
    setMode(hourly, SubscriptionMode.HOURLY);
    UUID immediate = subscribe("Immediate AUKUS", receiver.url("/immediate"), Optional.empty());
    // Three alerts in one hour, two of them of one story, and one exactly at the start of the next hour.
    String first = newArticleId();
    String sameStory = newArticleId();
    String otherStory = newArticleId();
    String nextHour = newArticleId();
    articles.send(inStory(article(first, 1, true, true), "story-a"));
    articles.send(inStory(article(sameStory, 1, true, true), "story-a"));
    articles.send(inStory(article(otherStory, 1, true, true), "story-b"));
    articles.send(inStory(article(nextHour, 1, true, true), "story-c"));
    await().atMost(WAIT).until(() -> alertCount(hourly) == 4);

    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);
    raisedAt(hourly, first, hour.plus(5, ChronoUnit.MINUTES));
    raisedAt(hourly, sameStory, hour.plus(20, ChronoUnit.MINUTES));
    raisedAt(hourly, otherStory, hour.plus(1, ChronoUnit.HOURS).minusNanos(1000));
    raisedAt(hourly, nextHour, hour.plus(1, ChronoUnit.HOURS));

    // The alerts themselves made no webhook or e-mail delivery for the hourly subscription.
    assertThat(perAlertWebhookOrEmailDeliveries(hourly)).isZero();
    assertThat(job.run(hour.plus(1, ChronoUnit.HOURS).plus(config.settle()).minusNanos(1000))).as("the hour is not over plus settle yet").isZero();

    assertThat(job.run(hour.plus(1, ChronoUnit.HOURS).plus(config.settle()))).isEqualTo(1);

    await().atMost(WAIT).until(() -> requests("/digest").size() == 1);
    JsonPath digest = JsonPath.from(requests("/digest").get(0).body());
    assertThat(digest.getString("type")).isEqualTo("digest");
    assertThat(digest.getString("subscription.id")).isEqualTo(hourly.toString());
    assertThat(digest.getString("period.start")).isEqualTo(hour.toString());
    assertThat(digest.getString("period.end")).isEqualTo(hour.plus(1, ChronoUnit.HOURS).toString());
    assertThat(digest.getList("stories.storyId", String.class)).containsExactly("story-a", "story-b");
    assertThat(digest.getList("stories[0].alerts.article.id", String.class)).containsExactly(first, sameStory);
    assertThat(digest.getList("stories[1].alerts.article.id", String.class)).containsExactly(otherStory);

    // Again, as after a restart, and then from two threads at once, as two instances would: still one digest per hour.
    assertThat(job.run(hour.plus(1, ChronoUnit.HOURS).plus(config.settle()))).isZero();
    Instant afterNextHour = hour.plus(2, ChronoUnit.HOURS).plus(config.settle());
    assertThat(runConcurrently(afterNextHour, 2)).isEqualTo(1);
    assertThat(job.run(afterNextHour.plus(1, ChronoUnit.DAYS))).isZero();

    await().atMost(WAIT).until(() -> requests("/digest").size() == 2);
    JsonPath second = JsonPath.from(requests("/digest").get(1).body());
    assertThat(second.getString("period.start")).isEqualTo(hour.plus(1, ChronoUnit.HOURS).toString());
    assertThat(second.getList("stories.storyId", String.class)).containsExactly("story-c");
    assertThat(second.getList("stories[0].alerts.article.id", String.class)).containsExactly(nextHour);
    assertThat(digestPeriods(hourly)).containsExactly(hour, hour.plus(1, ChronoUnit.HOURS));
    // The analyst sees the digests' deliveries among the others.
    assertThat(Api.deliveries(hourly.toString(), "webhook").getList("digestId", String.class)).hasSize(2).doesNotContainNull();

    await().atMost(WAIT).untilAsserted(() -> assertThat(smtp.getReceivedMessages()).hasSize(2));
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getSubject()).startsWith("[News monitor] Hourly AUKUS: 3 alerts in 2 stories, ");
    String text = part(mail, "text/plain").orElseThrow();
    assertThat(text).contains("matched 3 article(s) in 2 story(ies)", "Story 1:", "Story 2:", EnrichedArticles.TITLE,
        "https://example.org/news/" + first, "https://example.org/news/" + sameStory, "https://example.org/news/" + otherStory, "[Japan]");
    assertThat(text).doesNotContain(nextHour);
    String html = part(mail, "text/html").orElseThrow();
    assertThat(html).contains("<mark>Japan</mark>", "href=\"https://example.org/news/" + otherStory + "\"", "Hourly AUKUS");

    // Nothing more arrives: every digest was sent once per channel.
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(requests("/digest")).hasSize(2);
      assertThat(smtp.getReceivedMessages()).hasSize(2);
    });

    // The immediate subscription heard of its alerts at once, one by one, and makes no digest.
    assertThat(requests("/immediate")).isNotEmpty().allSatisfy(request -> {
      JsonPath alert = JsonPath.from(request.body());
      assertThat(alert.getString("type")).isNull();
      assertThat(alert.getString("subscriptionId")).isEqualTo(immediate.toString());
    });
    assertThat(requests("/immediate")).extracting(request -> JsonPath.from(request.body()).getString("storyId"))
        .contains("story-a", "story-b", "story-c");
    assertThat(digestPeriods(immediate)).isEmpty();
  }

  @Test
  void aSecondDigestOfTheSamePeriodIsNotSavedWhoeverMakesIt() {
    UUID subscription = subscribe("Daily AUKUS", receiver.url("/daily"), Optional.empty());
    setMode(subscription, SubscriptionMode.DAILY);
    Instant day = Instant.parse("2026-11-28T00:00:00Z");

    assertThat(QuarkusTransaction.requiringNew().call(() -> digests.insertIfAbsent(digest(subscription, day)))).isTrue();
    assertThat(QuarkusTransaction.requiringNew().call(() -> digests.insertIfAbsent(digest(subscription, day)))).isFalse();

    assertThat(digestPeriods(subscription)).containsExactly(day);
  }

  private static Digest digest(UUID subscriptionId, Instant start) {
    Digest digest = new Digest();
    digest.id = UUID.randomUUID();
    digest.subscriptionId = subscriptionId;
    digest.periodStart = start;
    digest.periodEnd = start.plus(1, ChronoUnit.DAYS);
    digest.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    digest.payload = "{\"type\": \"digest\"}";
    return digest;
  }

  private static ArticleEnriched inStory(ArticleEnriched article, String storyId) {
    return new ArticleEnriched(article.article(), article.actors(), article.topics(), storyId, article.knowledgeBaseVersion(), article.enrichedAt(),
        article.languageCoverage());
  }

  private static UUID subscribe(String name, String webhookUrl, Optional<String> email) {
    Map<String, String> body = new HashMap<>(Map.of("name", name, "rule", "Japan + Pillar II", "webhookUrl", webhookUrl));
    email.ifPresent(address -> body.put("email", address));
    return UUID.fromString(given().contentType(ContentType.JSON).body(body)
        .when().post("/api/subscriptions")
        .then().statusCode(201)
        .extract().path("id"));
  }

  private void setMode(UUID subscriptionId, SubscriptionMode mode) {
    QuarkusTransaction.requiringNew().run(() -> {
      Subscription subscription = entityManager.find(Subscription.class, subscriptionId);
      subscription.mode = mode;
      subscription.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    });
  }

  private long alertCount(UUID subscriptionId) {
    return QuarkusTransaction.requiringNew().call(() -> entityManager
        .createQuery("select count(m) from AlertMatch m where m.subscriptionId = :id", Long.class)
        .setParameter("id", subscriptionId).getSingleResult());
  }

  /** Moves an alert to another time, in its row and in its payload alike. */
  private void raisedAt(UUID subscriptionId, String articleId, Instant at) {
    int moved = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
            update alert.alert_match set matched_at = :at, payload = jsonb_set(payload, '{matchedAt}', to_jsonb(cast(:iso as text)))
            where subscription_id = :subscriptionId and article_id = :articleId""")
        .setParameter("at", at).setParameter("iso", at.toString())
        .setParameter("subscriptionId", subscriptionId).setParameter("articleId", articleId)
        .executeUpdate());
    assertThat(moved).isEqualTo(1);
  }

  private long perAlertWebhookOrEmailDeliveries(UUID subscriptionId) {
    return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery("""
            select count(d) from Delivery d
            where d.subscriptionId = :id and d.matchId is not null and d.channel in ('webhook', 'email')""", Long.class)
        .setParameter("id", subscriptionId).getSingleResult());
  }

  private List<Instant> digestPeriods(UUID subscriptionId) {
    return QuarkusTransaction.requiringNew().call(() -> entityManager
        .createQuery("select d.periodStart from Digest d where d.subscriptionId = :id order by d.periodStart", Instant.class)
        .setParameter("id", subscriptionId).getResultList());
  }

  /** Runs the job from {@code threads} threads released at once; the digests they made together. */
  private int runConcurrently(Instant now, int threads) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
      List<Future<Integer>> runs = java.util.stream.IntStream.range(0, threads).mapToObj(i -> executor.submit(() -> {
        start.await();
        return job.run(now);
      })).toList();
      start.countDown();
      int made = 0;
      for (Future<Integer> run : runs) {
        made += run.get();
      }
      return made;
    }
  }

  private List<WebhookReceiver.Request> requests(String path) {
    return receiver.received().stream().filter(request -> request.path().equals(path)).toList();
  }

}
