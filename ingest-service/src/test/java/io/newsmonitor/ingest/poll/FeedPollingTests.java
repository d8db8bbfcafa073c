package io.newsmonitor.ingest.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.newsmonitor.ingest.poll.FeedServer.item;
import static io.newsmonitor.ingest.poll.FeedServer.rss;
import static io.newsmonitor.ingest.poll.FeedServer.story;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsmonitor.events.ArticleIngested;
import io.newsmonitor.events.EventCodec;
import io.newsmonitor.events.Topics;
import io.newsmonitor.infra.test.RealInfrastructure;
import io.newsmonitor.ingest.TopicReader;
import io.newsmonitor.ingest.service.ArticleIdentity;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Feeds polled on a real broker and database from a local web server. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class FeedPollingTests {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static FeedServer web;
  private static TopicReader topic;

  @BeforeAll
  static void start() {
    web = new FeedServer();
    topic = TopicReader.of(Topics.ARTICLES_INGESTED);
  }

  @AfterAll
  static void stop() {
    topic.close();
    web.close();
  }

  @Test
  void aFeedPolledAgainAndAgainPublishesEachItemOnce() {
    web.serve("/twice.xml", "application/rss+xml", rss(
        item("a-1", web.url("/news/one?utm_source=rss"), "One", story("One"), "Mon, 08 Apr 2024 12:56:00 GMT"),
        item("a-2", web.url("/news/two"), "Two", story("Two"), "Mon, 08 Apr 2024 13:00:00 +0900"),
        item("a-3", web.url("/news/three"), "Three", story("Three"), null)));
    Sources.createFeed("twice", web.url("/twice.xml"), 1);

    await().atMost(WAIT).until(() -> web.requestsFor("/twice.xml") >= 3);
    await().atMost(WAIT).untilAsserted(() -> assertThat(Sources.get("twice").getString("health.status")).isEqualTo("healthy"));

    Map<String, ArticleIngested> byPath = List.of("/news/one", "/news/two", "/news/three").stream()
        .collect(Collectors.toMap(Function.identity(), path -> only(ArticleIdentity.idOfUrl(web.url(path)))));
    assertThat(byPath.get("/news/one").url()).isEqualTo(web.url("/news/one"));
    assertThat(byPath.get("/news/one").published()).hasToString("2024-04-08T12:56Z");
    assertThat(byPath.get("/news/two").published().toInstant()).isEqualTo(Instant.parse("2024-04-08T04:00:00Z"));
    assertThat(byPath.get("/news/three").publishedEstimated()).isTrue();
    assertThat(byPath.get("/news/one").language()).isEqualTo("en");
    assertThat(byPath.get("/news/one").source().id()).isEqualTo("twice");
    assertThat(byPath.get("/news/one").body()).startsWith("One. Officials in Tokyo").doesNotContain("<p>");
    assertThat(Sources.get("twice").getLong("health.itemsPublished")).isEqualTo(3);
  }

  @Test
  void anUnchangedFeedAnswersNotModifiedToTheValidatorsItGave() {
    String body = rss(item("c-1", web.url("/news/conditional"), "Conditional", story("Conditional"), null));
    web.stub(get(urlPathEqualTo("/conditional.xml")).withHeader("If-None-Match", absent())
        .willReturn(aResponse().withHeader("Content-Type", "application/rss+xml").withHeader("ETag", "\"v1\"")
            .withHeader("Last-Modified", "Mon, 08 Apr 2024 12:00:00 GMT").withBody(body)));
    web.stub(get(urlPathEqualTo("/conditional.xml")).withHeader("If-None-Match", equalTo("\"v1\"")).willReturn(aResponse().withStatus(304)));
    Sources.createFeed("conditional", web.url("/conditional.xml"), 1);

    await().atMost(WAIT).until(() -> web.server.findAll(getRequestedFor(urlPathEqualTo("/conditional.xml"))
        .withHeader("If-None-Match", equalTo("\"v1\"")).withHeader("If-Modified-Since", equalTo("Mon, 08 Apr 2024 12:00:00 GMT"))).size() >= 2);
    JsonPath source = Sources.get("conditional");
    assertThat(source.getString("health.status")).isEqualTo("healthy");
    assertThat(source.getInt("health.consecutiveFailures")).isZero();
    assertThat(topic.readKey(ArticleIdentity.idOfUrl(web.url("/news/conditional")))).hasSize(1);
  }

  @Test
  void aFailingFeedBacksOffAndBecomesUnhealthyWithItsError() {
    web.stub(get(urlPathEqualTo("/broken.xml")).willReturn(aResponse().withStatus(500)));
    Sources.createFeed("broken", web.url("/broken.xml"), 1);

    await().atMost(WAIT).until(() -> Sources.get("broken").getInt("health.consecutiveFailures") >= 1);
    JsonPath afterOne = Sources.get("broken");
    assertThat(afterOne.getString("health.status")).isEqualTo("failing");
    assertThat(afterOne.getString("health.lastError")).isEqualTo("HTTP 500 from " + web.url("/broken.xml"));
    // Backing off: the next poll is at least the interval away, later than a healthy feed's jittered interval could be.
    assertThat(Duration.between(Instant.parse(afterOne.getString("health.lastPolledAt")), Instant.parse(afterOne.getString("health.nextPollAt"))))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));

    await().atMost(WAIT).until(() -> Sources.get("broken").getInt("health.consecutiveFailures") >= 3);
    JsonPath unhealthy = Sources.get("broken");
    assertThat(unhealthy.getString("health.status")).isEqualTo("unhealthy");
    // Retried slowly: ingest.feeds.unhealthy-retry is 1h in the tests.
    assertThat(Duration.between(Instant.parse(unhealthy.getString("health.lastPolledAt")), Instant.parse(unhealthy.getString("health.nextPollAt"))))
        .isGreaterThan(Duration.ofMinutes(50));
    int polls = web.requestsFor("/broken.xml");
    assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString()).contains("newsmonitor_feed_sources{health=\"unhealthy\",service=\"ingest-service\"} 1.0");

    web.stub(get(urlPathEqualTo("/broken.xml")).willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
        .withBody(rss(item("b-1", web.url("/news/repaired"), "Repaired", story("Repaired"), null)))));
    Sources.pollNow("broken");
    await().atMost(WAIT).untilAsserted(() -> assertThat(Sources.get("broken").getString("health.status")).isEqualTo("healthy"));
    assertThat(web.requestsFor("/broken.xml")).isEqualTo(polls + 1);
    assertThat(topic.readKey(ArticleIdentity.idOfUrl(web.url("/news/repaired")))).hasSize(1);
  }

  @Test
  void theSameItemInTwoFeedsIsPublishedOnce() {
    String shared = item("x-1", web.url("/news/shared"), "Shared", story("Shared"), "Mon, 08 Apr 2024 12:56:00 GMT");
    web.serve("/left.xml", "application/rss+xml", rss(shared));
    web.serve("/right.xml", "application/rss+xml", rss(shared.replace("x-1", "other-guid")));
    Sources.createFeed("left", web.url("/left.xml"), 1);
    Sources.createFeed("right", web.url("/right.xml"), 1);

    await().atMost(WAIT).until(() -> web.requestsFor("/left.xml") >= 2 && web.requestsFor("/right.xml") >= 2);
    assertThat(topic.readKey(ArticleIdentity.idOfUrl(web.url("/news/shared")))).hasSize(1);
  }

  @Test
  void itemsWithoutGuidsOrWithARepeatedGuidAreEachPublishedOnce() {
    web.serve("/guidless.xml", "application/rss+xml", rss(
        item(null, null, "No guid one", story("No guid one"), "Mon, 08 Apr 2024 10:00:00 GMT"),
        item(null, null, "No guid two", story("No guid two"), "Mon, 08 Apr 2024 11:00:00 GMT"),
        item("same", null, "Same guid one", story("Same guid one"), null),
        item("same", null, "Same guid two", story("Same guid two"), null),
        item("same", null, "Same guid three", story("Same guid three"), null)));
    Sources.createFeed("guidless", web.url("/guidless.xml"), 1);

    await().atMost(WAIT).until(() -> web.requestsFor("/guidless.xml") >= 3);
    await().atMost(WAIT).untilAsserted(() -> assertThat(Sources.get("guidless").getString("health.status")).isEqualTo("healthy"));
    List<ArticleIngested> published = topic.readAll().stream().map(FeedPollingTests::article).filter(a -> a.source().id().equals("guidless")).toList();
    assertThat(published).extracting(ArticleIngested::title)
        .containsExactlyInAnyOrder("No guid one", "No guid two", "Same guid one", "Same guid two", "Same guid three");
    assertThat(published).extracting(ArticleIngested::revision).containsOnly(1);
  }

  @Test
  void aSummaryOnlyItemGetsTheTextOfItsPageWhereRobotsAllow() {
    web.serve("/robots.txt", "text/plain", "User-agent: newsmonitor\nDisallow: /private/\n");
    web.serve("/articles/full", "text/html; charset=utf-8", """
        <html lang="en"><head><title>Full story | Example</title>
        <link rel="canonical" href="%s"></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Full story</h1>%s</article>
        <section id="comments"><h2>25 Comments</h2><p>First! This is a reader comment.</p></section></body></html>"""
        .formatted(web.url("/articles/full-canonical"), story("The page's own text")));
    web.serve("/private/secret", "text/html", "<html><body><article>" + story("Never fetched") + "</article></body></html>");
    web.serve("/summaries.xml", "application/rss+xml", rss(
        item("s-1", web.url("/articles/full?utm_medium=feed"), "Full story", "A short summary.", null),
        item("s-2", web.url("/private/secret"), "Private", "Only the summary may be used.", null)));
    Sources.createFeed("summaries", web.url("/summaries.xml"), 60);
    Sources.pollNow("summaries");

    String fullId = ArticleIdentity.idOfUrl(web.url("/articles/full-canonical"));
    String privateId = ArticleIdentity.idOfUrl(web.url("/private/secret"));
    await().atMost(WAIT).until(() -> topic.readKey(fullId).size() == 1 && topic.readKey(privateId).size() == 1);
    ArticleIngested full = article(topic.readKey(fullId).get(0));
    assertThat(full.body()).startsWith("The page's own text. Officials").doesNotContain("reader comment").doesNotContain("Home");
    assertThat(full.summary()).isEqualTo("A short summary.");
    assertThat(article(topic.readKey(privateId).get(0)).body()).isEqualTo("Only the summary may be used.");
    assertThat(web.requestsFor("/private/secret")).isZero();
    web.server.verify(getRequestedFor(urlPathEqualTo("/articles/full")).withHeader("User-Agent", com.github.tomakehurst.wiremock.client.WireMock.containing("NewsMonitor")));
  }

  private static ArticleIngested only(String id) {
    List<ConsumerRecord<String, String>> records = topic.readKey(id);
    assertThat(records).as("records of %s", id).hasSize(1);
    return article(records.get(0));
  }

  private static ArticleIngested article(ConsumerRecord<String, String> record) {
    return EventCodec.instance().fromJson(record.value(), ArticleIngested.class);
  }
}
